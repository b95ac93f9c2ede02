package dev.hoheit.transaction;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The caller's transaction as a connection bound to the current thread: for hosts on plain JDBC or
 * jOOQ. Bind the connection of the open transaction around the library calls that should join it:
 *
 * <pre>{@code
 * ConsentService consent = ConsentService.create(dataSource,
 *         ConsentConfig.of(controller).withTransactions(Transactions.joining(BoundTransaction.caller())));
 * try (Connection connection = dataSource.getConnection()) {
 *     connection.setAutoCommit(false);
 *     try (BoundTransaction.Binding bound = BoundTransaction.bind(connection)) {
 *         insertAccount(connection, account);          // the host's own write
 *         consent.record(decisions);                   // joins the same transaction
 *     }
 *     connection.commit();                             // the host decides: both or neither
 * }
 * }</pre>
 *
 * <p>With jOOQ, bind the configuration of the transaction with
 * {@link dev.hoheit.transaction.jooq.JooqTransaction#bind}. Bindings nest; the innermost wins until it closes.
 *
 * @since 0.2
 */
public final class BoundTransaction {

    private static final ThreadLocal<Deque<Connection>> BOUND = ThreadLocal.withInitial(ArrayDeque::new);

    /** Bound by {@link #suspend}: the thread has no caller transaction until it closes. */
    private static final Connection NONE = (Connection) java.lang.reflect.Proxy.newProxyInstance(
            BoundTransaction.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                throw new IllegalStateException("the suspended-transaction marker is not a connection");
            });

    private static final CallerTransaction CALLER = () -> {
        Connection bound = BOUND.get().peek();
        return bound == NONE ? null : bound;
    };

    private BoundTransaction() {
    }

    /**
     * The caller transaction that finds the connection bound on the current thread.
     *
     * @return the SPI implementation to pass to {@link Transactions#joining} or {@link Transactions#mandatory}
     */
    public static CallerTransaction caller() {
        return CALLER;
    }

    /**
     * Binds {@code connection} (in a transaction: auto-commit off) to the current thread.
     *
     * @param connection the connection of the caller's open transaction
     * @return the binding; close it on the same thread when the library calls are done
     */
    public static Binding bind(Connection connection) {
        Objects.requireNonNull(connection, "connection must not be null");
        BOUND.get().push(connection);
        return new Binding(connection, () -> { });
    }

    /**
     * Suspends the binding on the current thread: until the returned binding closes, library calls
     * find no caller transaction and run in transactions of their own. For writes that must outlive
     * the caller's transaction, such as a failed sign-in's throttle counter and audit entry in a
     * request that is rolled back.
     *
     * @return the binding; close it on the same thread to resume the caller's transaction
     */
    public static Binding suspend() {
        BOUND.get().push(NONE);
        return new Binding(NONE, () -> { });
    }

    /**
     * Binds {@code connection} to the current thread and runs {@code afterUnbind} when the binding
     * closes (an adapter hands the connection back to its framework there).
     *
     * @param connection the connection of the caller's open transaction
     * @param afterUnbind what to run after the connection is unbound
     * @return the binding; close it on the same thread when the library calls are done
     */
    public static Binding bind(Connection connection, Runnable afterUnbind) {
        Objects.requireNonNull(connection, "connection must not be null");
        Objects.requireNonNull(afterUnbind, "afterUnbind must not be null");
        BOUND.get().push(connection);
        return new Binding(connection, afterUnbind);
    }

    /** A connection bound to the current thread until {@link #close}. */
    public static final class Binding implements AutoCloseable {

        private final Connection connection;
        private final Runnable afterUnbind;
        private final Thread thread = Thread.currentThread();
        private boolean closed;

        private Binding(Connection connection, Runnable afterUnbind) {
            this.connection = connection;
            this.afterUnbind = afterUnbind;
        }

        /** Unbinds the connection (it stays open: it is the caller's). */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException("a binding must be closed on the thread that made it");
            }
            Deque<Connection> bound = BOUND.get();
            if (bound.peek() != connection) {
                throw new IllegalStateException("bindings must be closed in the reverse order they were made");
            }
            bound.pop();
            if (bound.isEmpty()) {
                BOUND.remove();
            }
            closed = true;
            afterUnbind.run();
        }
    }
}
