/**
 * Actuator and Micrometer support, active only where they are on the class path: a health
 * indicator for the three libraries and their metrics.
 */
package dev.hoheit.spring.actuate;
