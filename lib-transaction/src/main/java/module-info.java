/**
 * Hoheit transaction binding: how the Hoheit libraries run their writes.
 *
 * <p>{@link dev.hoheit.transaction.Transactions} is the choice a host makes per service: every write
 * in a transaction of the library's own ({@link dev.hoheit.transaction.Transactions#own()}), or in
 * the transaction the caller has open ({@link dev.hoheit.transaction.Transactions#joining}). The
 * caller's transaction is found through the SPI {@link dev.hoheit.transaction.CallerTransaction};
 * {@link dev.hoheit.transaction.BoundTransaction} implements it for a plain JDBC connection bound to
 * the current thread, {@link dev.hoheit.transaction.jooq.JooqTransaction} binds a jOOQ transaction's
 * connection, and the Spring Boot starter implements it for Spring's transactions.
 *
 * <p>A library never calls {@code commit}, {@code rollback} or {@code setAutoCommit} on a connection
 * it did not open: inside the caller's transaction it marks a savepoint, and on failure rolls back to
 * it alone. {@code dev.hoheit.transaction.internal} (the runner the libraries share) is exported to
 * them only.
 */
module dev.hoheit.transaction {
    // Connection and DataSource appear in the API (CallerTransaction, BoundTransaction).
    requires transitive java.sql;
    // JooqTransaction.bind takes a jOOQ configuration; the shared runner builds jOOQ contexts.
    requires transitive org.jooq;
    // The shared migration runner (LibraryMigrations) runs each library's Flyway scripts.
    requires flyway.core;
    requires org.slf4j;

    exports dev.hoheit.transaction;
    // The adapter for hosts on jOOQ: the one exported package that names a jOOQ type.
    exports dev.hoheit.transaction.jooq;
    // The plumbing the libraries share (checks, migrations, jOOQ set-up, transactions); not an API.
    exports dev.hoheit.transaction.internal to dev.hoheit.consent, dev.hoheit.audit, dev.hoheit.retention;
}
