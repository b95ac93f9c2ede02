package dev.hoheit.mentoring;

import dev.hoheit.testkit.DelegatingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that fails statements on demand, as a database that drops connections would: while
 * {@link #failing} names a table, preparing a statement that inserts into it throws; while
 * {@link #dropRate} is above zero, that share of all statement preparations and commits throws
 * (a failed commit commits nothing). Counts the failures it injected.
 */
final class FaultyDataSource extends DelegatingDataSource {

    volatile String failing;
    volatile double dropRate;
    final AtomicInteger injected = new AtomicInteger();

    FaultyDataSource(DataSource delegate) {
        super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = delegate().getConnection();
        return (Connection) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String table = failing;
                    boolean droppable = method.getName().startsWith("prepare") || method.getName().equals("createStatement")
                            || method.getName().equals("commit");
                    if (droppable && dropRate > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < dropRate) {
                        injected.incrementAndGet();
                        throw new SQLException("injected: the connection to the database was lost", "08006");
                    }
                    if (table != null && method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql
                            && sql.toLowerCase(Locale.ROOT).replace("\"", "").contains("insert into " + table)) {
                        injected.incrementAndGet();
                        throw new SQLException("injected: the connection to the database was lost", "08006");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
