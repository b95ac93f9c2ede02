package dev.hoheit.spring;

import dev.hoheit.transaction.CallerTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The caller's transaction as Spring holds it: the connection Spring's transaction manager
 * ({@code DataSourceTransactionManager}, {@code JdbcTransactionManager}, or a JPA one exposing its
 * JDBC connection) has bound to the current thread for {@code dataSource}, the same connection a
 * {@code JdbcTemplate} or jOOQ's Spring integration uses there.
 *
 * <p>There is a transaction to join when an actual transaction is active on the thread, Spring holds
 * a connection for this data source, and that connection is not in auto-commit mode. Otherwise
 * (no {@code @Transactional} method running, {@code Propagation.SUPPORTS} or {@code NOT_SUPPORTED},
 * or a transaction of another data source) {@link #connection()} returns {@code null}: with
 * {@code Transactions.joining} the library then runs the call in a transaction of its own, with
 * {@code Transactions.mandatory} it refuses. The connection is handed back with
 * {@link DataSourceUtils#releaseConnection}, which leaves a transaction's connection open.
 *
 * <pre>{@code
 * ConsentConfig.of(controller).withTransactions(Transactions.joining(new SpringCallerTransaction(dataSource)))
 * }</pre>
 *
 * @since 0.2
 */
public final class SpringCallerTransaction implements CallerTransaction {

    private final DataSource dataSource;

    /**
     * @param dataSource the data source the library's service runs on (the one Spring's transaction manager manages)
     */
    public SpringCallerTransaction(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
    }

    @Override
    public Connection connection() throws SQLException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.hasResource(dataSource)) {
            return null;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        if (connection.getAutoCommit()) {
            // A connection Spring holds outside a transaction of this data source: nothing to join.
            DataSourceUtils.releaseConnection(connection, dataSource);
            return null;
        }
        return connection;
    }

    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    @Override
    public boolean afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
        return true;
    }

    @Override
    public String toString() {
        return "SpringCallerTransaction[" + dataSource + "]";
    }
}
