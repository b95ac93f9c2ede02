package dev.hoheit.mentoring.core;

import dev.hoheit.transaction.BoundTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The app's transactions. A request runs in one transaction (see {@code web.RequestTransaction}),
 * bound to its thread with {@link BoundTransaction}: the app's stores reach it through
 * {@link #connections}, the three libraries through their {@code Transactions.joining} binding, so a
 * request's data and its audit events commit together or not at all. Outside a request (start-up,
 * the retention scheduler) every statement takes a pooled connection, and the libraries run their
 * own transactions.
 */
public final class AppTransactions {

    private AppTransactions() {
    }

    /** jOOQ's connections: the request's, when one is bound to this thread, else the pool's. */
    public static ConnectionProvider connections(DataSource dataSource) {
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                try {
                    Connection bound = BoundTransaction.caller().connection();
                    return bound != null ? bound : dataSource.getConnection();
                } catch (SQLException e) {
                    throw new DataAccessException("cannot get a database connection (SQLSTATE " + e.getSQLState() + ")", e);
                }
            }

            @Override
            public void release(Connection connection) {
                try {
                    if (connection != BoundTransaction.caller().connection()) {
                        connection.close();
                    }
                } catch (SQLException e) {
                    throw new DataAccessException("cannot release a database connection", e);
                }
            }
        };
    }

    /**
     * Runs {@code work} atomically: inside the request's transaction under a savepoint (the request
     * commits it), else in a transaction of its own.
     */
    public static void atomically(DSLContext db, Consumer<DSLContext> work) {
        Connection bound;
        try {
            bound = BoundTransaction.caller().connection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot find the request's transaction", e);
        }
        if (bound == null) {
            db.transaction(configuration -> work.accept(configuration.dsl()));
            return;
        }
        Savepoint savepoint;
        try {
            savepoint = bound.setSavepoint();
        } catch (SQLException e) {
            throw new DataAccessException("cannot set a savepoint (SQLSTATE " + e.getSQLState() + ")", e);
        }
        try {
            work.accept(db);
            bound.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw new DataAccessException("cannot release a savepoint (SQLSTATE " + e.getSQLState() + ")", e);
        } catch (RuntimeException | Error e) {
            try {
                bound.rollback(savepoint);
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    /**
     * Runs {@code action} once the request's transaction has committed (never if it rolls back); at once
     * outside a request, where every statement has committed already.
     */
    public static void afterCommit(Runnable action) {
        if (!BoundTransaction.caller().afterCommit(action)) {
            action.run();
        }
    }

    /**
     * Runs {@code work} outside the request's transaction, in transactions of its own: for what must
     * be kept although the request fails and is rolled back (a failed sign-in's throttle count, the
     * audit entry of a refused view).
     */
    public static <T> T outside(Supplier<T> work) {
        try (BoundTransaction.Binding suspended = BoundTransaction.suspend()) {
            return work.get();
        }
    }
}
