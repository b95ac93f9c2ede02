/**
 * The jOOQ adapter: {@link dev.hoheit.transaction.jooq.JooqTransaction} lets the libraries join a
 * transaction the host runs with jOOQ's {@code transaction(...)}.
 */
package dev.hoheit.transaction.jooq;
