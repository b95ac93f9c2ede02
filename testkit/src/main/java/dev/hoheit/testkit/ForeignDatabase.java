package dev.hoheit.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A data source that says it is another database (its JDBC metadata names another product) and
 * records every statement a caller tries to run on it, without running it. A library that must
 * refuse an unsupported database before touching the schema is tested on it: the refusal comes, and
 * {@link #statements()} stays empty.
 */
public final class ForeignDatabase extends DelegatingDataSource {

    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall", "nativeSQL");

    private final String product;
    private final String version;
    private final List<String> statements = new ArrayList<>();

    private ForeignDatabase(DataSource delegate, String product, String version) {
        super(delegate);
        this.product = product;
        this.version = version;
    }

    /** {@code delegate}'s connections, with metadata naming {@code product} {@code version}. */
    public static ForeignDatabase posingAs(DataSource delegate, String product, String version) {
        return new ForeignDatabase(delegate, product, version);
    }

    /** What callers tried to run, in order ({@code createStatement}, or the SQL they prepared). */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = super.getConnection();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getMetaData")) {
                return metaData(real.getMetaData());
            }
            if (STATEMENTS.contains(method.getName())) {
                synchronized (this) {
                    statements.add(args != null && args.length > 0 ? String.valueOf(args[0]) : method.getName());
                }
                throw new SQLException(product + " is simulated: no statement runs here");
            }
            return invoke(real, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private DatabaseMetaData metaData(DatabaseMetaData real) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getDatabaseProductName" -> product;
            case "getDatabaseProductVersion" -> version;
            case "getDatabaseMajorVersion" -> Integer.parseInt(version.replaceAll("^(\\d+).*", "$1"));
            case "getDatabaseMinorVersion" -> version.matches("\\d+\\.(\\d+).*") ? Integer.parseInt(version.replaceAll("^\\d+\\.(\\d+).*", "$1")) : 0;
            case "getURL" -> "jdbc:" + product.toLowerCase(java.util.Locale.ROOT) + "://simulated";
            default -> invoke(real, method, args);
        };
        return (DatabaseMetaData) Proxy.newProxyInstance(DatabaseMetaData.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
