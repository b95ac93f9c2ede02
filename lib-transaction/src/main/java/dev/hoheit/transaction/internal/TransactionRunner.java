package dev.hoheit.transaction.internal;

import dev.hoheit.transaction.CallerTransaction;
import dev.hoheit.transaction.TransactionBindingException;
import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs a library's reads and writes as its {@link Transactions} setting says. Shared by the three
 * libraries (exported to them only).
 *
 * <p>A write of its own: a connection from the pool, auto-commit off, the work, commit (rollback on
 * failure), the connection's auto-commit restored. A write in the caller's transaction: a savepoint
 * on the caller's connection, the work, the savepoint released; on failure the work alone is rolled
 * back to the savepoint, so the library leaves nothing half-done in the caller's transaction either.
 * It never calls {@code commit}, {@code rollback()} or {@code setAutoCommit} on the caller's
 * connection, nor closes it. SQL failures surface as jOOQ's {@link DataAccessException}, which each
 * library already turns into its own exception.
 */
public final class TransactionRunner {

    private final DataSource dataSource;
    private final Transactions transactions;
    private final Function<Connection, DSLContext> contexts;
    private final DSLContext pool;

    /**
     * @param dataSource where connections of the library's own come from
     * @param transactions the binding chosen by the host
     * @param contexts builds the library's jOOQ context on a connection
     * @param pool the library's jOOQ context on {@code dataSource} (each statement auto-committed)
     */
    public TransactionRunner(DataSource dataSource, Transactions transactions, Function<Connection, DSLContext> contexts,
                             DSLContext pool) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.contexts = contexts;
        this.pool = pool;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** Whether calls on this thread join a caller's transaction right now. */
    public boolean joined() {
        Connection connection = callerConnection();
        if (connection == null) {
            return false;
        }
        release(connection);
        return true;
    }

    /** Runs {@code work} as one atomic write: in the caller's transaction, or in one of its own. */
    public <T> T write(Function<DSLContext, T> work) {
        return write(work, false);
    }

    /**
     * Runs {@code work}, which is a single statement (atomic by itself), as a write: in the caller's
     * transaction without a savepoint, or in a transaction of its own.
     */
    public <T> T writeStatement(Function<DSLContext, T> work) {
        return write(work, true);
    }

    /** Runs {@code work} as a write of its own, whatever the binding (for the library's own bookkeeping). */
    public <T> T writeOwn(Function<DSLContext, T> work) {
        return own(work);
    }

    /**
     * The context for single statements right now: on the caller's connection when a caller
     * transaction is open (each statement part of it), else on the pool (each statement committed
     * by itself). The caller's connection is handed back at once; frameworks keep it while their
     * transaction is open. Multi-statement writes use {@link #write} instead, so they stay atomic.
     */
    public DSLContext context() {
        Connection connection = callerConnection();
        if (connection == null) {
            return pool;
        }
        try {
            if (connection.getAutoCommit()) {
                throw new TransactionBindingException("the caller's connection is in auto-commit mode, so there is no"
                        + " transaction to join; turn auto-commit off (begin a transaction) before calling");
            }
            return contexts.apply(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot join the caller's transaction (SQLSTATE " + e.getSQLState() + ")", e);
        } finally {
            release(connection);
        }
    }

    /**
     * Runs {@code work} as a read: on the caller's connection when a caller transaction is open (it
     * sees the caller's uncommitted writes), else on the pool.
     */
    public <T> T read(Function<DSLContext, T> work) {
        Connection connection = callerConnection();
        if (connection == null) {
            return work.apply(pool);
        }
        try {
            return work.apply(contexts.apply(connection));
        } finally {
            release(connection);
        }
    }

    /**
     * Runs {@code action} once the caller's transaction commits when calls on this thread join one
     * (if its {@link CallerTransaction} can tell; otherwise never, and whoever waits for the write
     * polls); runs it now when they do not.
     */
    public void afterCommit(Runnable action) {
        Connection connection = callerConnection();
        if (connection == null) {
            action.run();
            return;
        }
        release(connection);
        transactions.caller().orElseThrow().afterCommit(action);
    }

    private <T> T write(Function<DSLContext, T> work, boolean singleStatement) {
        Connection connection = callerConnection();
        if (connection == null) {
            if (transactions.mode() == Transactions.Mode.MANDATORY) {
                throw new TransactionBindingException("this service joins the caller's transaction only"
                        + " (Transactions.mandatory), and the caller has none open on this thread");
            }
            return own(work);
        }
        try {
            return joined(connection, work, singleStatement);
        } finally {
            release(connection);
        }
    }

    private <T> T joined(Connection connection, Function<DSLContext, T> work, boolean singleStatement) {
        Savepoint savepoint = null;
        try {
            if (connection.getAutoCommit()) {
                throw new TransactionBindingException("the caller's connection is in auto-commit mode, so there is no"
                        + " transaction to join; turn auto-commit off (begin a transaction) before calling");
            }
            if (!singleStatement) {
                savepoint = connection.setSavepoint();
            }
        } catch (SQLException e) {
            throw new DataAccessException("cannot join the caller's transaction (SQLSTATE " + e.getSQLState() + ")", e);
        }
        try {
            T result = work.apply(contexts.apply(connection));
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException e) {
            undo(connection, savepoint, e);
            throw new DataAccessException("cannot release a savepoint (SQLSTATE " + e.getSQLState() + ")", e);
        } catch (RuntimeException | Error e) {
            undo(connection, savepoint, e);
            throw e;
        }
    }

    private static void undo(Connection connection, Savepoint savepoint, Throwable failure) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private <T> T own(Function<DSLContext, T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result = work.apply(contexts.apply(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            } finally {
                if (autoCommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DataAccessException("a transaction of the library's own failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private Connection callerConnection() {
        CallerTransaction caller = transactions.caller().orElse(null);
        if (caller == null) {
            return null;
        }
        try {
            return caller.connection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot obtain the caller's transaction (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private void release(Connection connection) {
        try {
            transactions.caller().orElseThrow().release(connection);
        } catch (SQLException e) {
            throw new DataAccessException("cannot hand back the caller's connection (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
