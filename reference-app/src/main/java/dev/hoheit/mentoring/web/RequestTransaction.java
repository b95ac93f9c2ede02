package dev.hoheit.mentoring.web;

import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.CallerTransaction;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction per API request: begun before the handlers, committed after them and before the
 * response is written, so a 2xx means the request's data and its audit events are durable (own reads
 * included). A request that ends in an exception (any 4xx or 5xx raised by a handler) or a 5xx is
 * rolled back: it changed nothing. A failed commit turns the answer into a 500.
 */
public final class RequestTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(RequestTransaction.class);
    private static final String OPEN = "hoheit.request-transaction";
    private static final String ROLLBACK_ONLY = "hoheit.request-rollback-only";

    private record Open(Connection connection, BoundTransaction.Binding binding) {
    }

    /** What runs once the current request's transaction has committed (the audit integrator's wake-up). */
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    /**
     * The request's transaction for the libraries: the connection bound to this thread, and
     * after-commit actions run when the request commits.
     */
    public static CallerTransaction caller() {
        return new CallerTransaction() {
            @Override
            public Connection connection() throws SQLException {
                return BoundTransaction.caller().connection();
            }

            @Override
            public boolean afterCommit(Runnable action) {
                List<Runnable> actions = AFTER_COMMIT.get();
                if (actions == null) {
                    return false;
                }
                actions.add(action);
                return true;
            }
        };
    }

    private final DataSource dataSource;

    RequestTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether requests to {@code path} run in a transaction: the API and the log's HTTP interface. */
    static boolean covers(String path) {
        return path.startsWith("/api/") || path.startsWith("/log/");
    }

    void begin(Context ctx) throws SQLException {
        if (!covers(ctx.path()) || ctx.attribute(OPEN) != null) {
            return;
        }
        Connection connection = dataSource.getConnection();
        try {
            // READ COMMITTED, the default of PostgreSQL and H2, on MariaDB too: a count taken after a row lock
            // (UsageCaps) sees what the request that held the lock committed. MariaDB's REPEATABLE READ would
            // count in the snapshot of the request's first read, and parallel requests could pass a cap together.
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        ctx.attribute(OPEN, new Open(connection, BoundTransaction.bind(connection)));
        AFTER_COMMIT.set(new ArrayList<>());
    }

    /** Marks the request's transaction for rollback (an exception ended the request). */
    static void rollbackOnly(Context ctx) {
        ctx.attribute(ROLLBACK_ONLY, Boolean.TRUE);
    }

    void end(Context ctx) {
        Open open = ctx.attribute(OPEN);
        if (open == null) {
            return;
        }
        ctx.attribute(OPEN, null);
        Connection connection = open.connection();
        List<Runnable> afterCommit = AFTER_COMMIT.get();
        AFTER_COMMIT.remove();
        boolean committed = false;
        try {
            boolean rollback = Boolean.TRUE.equals(ctx.attribute(ROLLBACK_ONLY)) || ctx.status().getCode() >= 500;
            if (rollback) {
                connection.rollback();
            } else {
                try {
                    connection.commit();
                    committed = true;
                } catch (SQLException e) {
                    LOG.error("Commit of a {} request failed (SQLSTATE {})", ctx.method(), e.getSQLState());
                    try {
                        connection.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone; the server rolled back
                    }
                    WebServer.error(ctx, 500, "internal", dev.hoheit.mentoring.core.ErrorCode.INTERNAL, "the change could not be saved; nothing was changed");
                }
            }
        } catch (SQLException e) {
            LOG.error("Rollback of a {} request failed (SQLSTATE {})", ctx.method(), e.getSQLState());
        } finally {
            open.binding().close();
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // a broken connection: the pool discards it
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
        if (committed && afterCommit != null) {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("An after-commit action failed: {}", e.getClass().getName());
                }
            }
        }
    }
}
