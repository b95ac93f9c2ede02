package dev.hoheit.transaction.jooq;

import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.TransactionBindingException;
import java.sql.Connection;
import java.util.Objects;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;

/**
 * The caller's transaction for hosts on jOOQ: binds the connection of a jOOQ transaction to the
 * current thread, where {@link BoundTransaction#caller()} finds it.
 *
 * <pre>{@code
 * host.transaction(tx -> {
 *     tx.dsl().insertInto(ACCOUNT).set(...).execute();
 *     try (BoundTransaction.Binding bound = JooqTransaction.bind(tx)) {
 *         consent.record(decisions);        // commits or rolls back with the jOOQ transaction
 *     }
 * });
 * }</pre>
 *
 * <p>This package is the one place of the module whose signatures name a jOOQ type.
 *
 * @since 0.2
 */
public final class JooqTransaction {

    private JooqTransaction() {
    }

    /**
     * Binds the connection of a jOOQ transaction's configuration to the current thread.
     *
     * @param transaction the configuration jOOQ passes to a {@code transaction(...)} lambda
     * @return the binding; close it on the same thread before the lambda returns
     */
    public static BoundTransaction.Binding bind(Configuration transaction) {
        Objects.requireNonNull(transaction, "configuration must not be null");
        ConnectionProvider provider = transaction.connectionProvider();
        Connection connection = provider.acquire();
        if (connection == null) {
            throw new TransactionBindingException("the jOOQ configuration has no connection to bind");
        }
        return BoundTransaction.bind(connection, () -> provider.release(connection));
    }
}
