/**
 * Spring Boot auto-configuration of the three libraries: their beans on the application's
 * {@code DataSource}, joined to Spring's transactions ({@link dev.hoheit.spring.SpringCallerTransaction}),
 * created after the application's own migrations, configured by {@code hoheit.*} properties
 * ({@link dev.hoheit.spring.HoheitProperties}), with a scheduled retention run.
 */
package dev.hoheit.spring;
