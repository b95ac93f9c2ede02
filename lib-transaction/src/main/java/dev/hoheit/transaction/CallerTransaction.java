package dev.hoheit.transaction;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * SPI: hands a library the connection of the transaction its caller has open on the current thread.
 *
 * <p>The library runs its statements on that connection and never commits it, rolls it back, changes
 * its auto-commit mode or closes it: the caller's transaction decides. Implementations exist for a
 * plain JDBC connection or a jOOQ configuration ({@link BoundTransaction}) and for Spring's
 * transactions (the Spring Boot starter); a host with another framework implements these methods.
 *
 * @since 0.2
 */
public interface CallerTransaction {

    /**
     * The connection of the caller's transaction on the current thread.
     *
     * @return the connection, or {@code null} when the caller has no transaction open here
     * @throws SQLException when the framework fails to provide it
     */
    Connection connection() throws SQLException;

    /**
     * Hands back a connection {@link #connection()} returned, once the library's call is done with it.
     * The default does nothing: the caller owns the connection.
     *
     * @param connection the connection {@link #connection()} returned
     * @throws SQLException when the framework fails to take it back
     */
    default void release(Connection connection) throws SQLException {
    }

    /**
     * Asks to run {@code action} once the caller's current transaction has committed (never if it
     * rolls back). A library uses it to act sooner on what the transaction wrote, for example to wake
     * the audit log's integrator; it must not depend on it.
     *
     * @param action what to run after the commit
     * @return whether the action was registered; the default cannot tell commits and returns false
     */
    default boolean afterCommit(Runnable action) {
        return false;
    }
}
