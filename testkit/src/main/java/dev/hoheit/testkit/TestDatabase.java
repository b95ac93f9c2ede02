package dev.hoheit.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One fresh, isolated database for one test run: an in-memory H2 database, a PostgreSQL schema or a
 * MariaDB database, dropped afterwards. It also offers plain-SQL helpers so tests can check what is really
 * stored, independent of the library under test.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final DatabaseKind kind;
    private final String name;
    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final Runnable dropper;
    private final List<String> otherSchemas = new ArrayList<>();

    private TestDatabase(DatabaseKind kind, String name, String jdbcUrl, HikariDataSource dataSource, Runnable dropper) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.dropper = dropper;
    }

    static TestDatabase create(DatabaseKind kind) {
        String name = "t" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case H2 -> h2(name);
            case POSTGRESQL -> postgres(name);
            case MARIADB -> mariadb(name);
        };
    }

    private static TestDatabase h2(String name) {
        HikariConfig config = baseConfig(name);
        String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setPassword("");
        HikariDataSource dataSource = new HikariDataSource(config);
        return new TestDatabase(DatabaseKind.H2, name, url, dataSource, () -> {
            // The pool is closed by now; DB_CLOSE_DELAY=-1 keeps the database until SHUTDOWN.
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not shut down H2 database " + name, e);
            }
        });
    }

    private static TestDatabase postgres(String name) {
        DatabaseServer.Available server = server(DatabaseKind.POSTGRESQL);
        server.admin("CREATE SCHEMA " + name);
        HikariConfig config = poolConfig(name, server.jdbcUrl(), server);
        config.setSchema(name);
        HikariDataSource dataSource = new HikariDataSource(config);
        String url = server.jdbcUrl() + (server.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new TestDatabase(DatabaseKind.POSTGRESQL, name, url, dataSource,
                () -> server.admin("DROP SCHEMA " + name + " CASCADE"));
    }

    private static TestDatabase mariadb(String name) {
        DatabaseServer.Available server = server(DatabaseKind.MARIADB);
        // The server's default character set and collation, as a host's database would have them.
        server.admin("CREATE DATABASE " + name);
        String url = server.urlFor(name);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(name, url, server));
        return new TestDatabase(DatabaseKind.MARIADB, name, url, dataSource, () -> server.admin("DROP DATABASE " + name));
    }

    private static DatabaseServer.Available server(DatabaseKind kind) {
        if (!(DatabaseServer.of(kind) instanceof DatabaseServer.Available server)) {
            throw new IllegalStateException(kind.displayName() + " is not available: " + DatabaseServer.of(kind));
        }
        return server;
    }

    /** A test's pool on {@code url} with the server's credentials. */
    private static HikariConfig poolConfig(String name, String url, DatabaseServer.Available server) {
        HikariConfig config = baseConfig(name);
        config.setJdbcUrl(url);
        if (server.user() != null) {
            config.setUsername(server.user());
        }
        if (server.password() != null) {
            config.setPassword(server.password());
        }
        return config;
    }

    private static HikariConfig baseConfig(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + name);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        return config;
    }

    /** Which database this is. */
    public DatabaseKind kind() {
        return kind;
    }

    /** The H2 or MariaDB database name, or the PostgreSQL schema name. */
    public String name() {
        return name;
    }

    /**
     * A JDBC URL that reaches this database (and schema) from outside the pool, as a command-line tool
     * would; credentials for PostgreSQL and MariaDB come from {@link #user()} and {@link #password()}.
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user name for {@link #jdbcUrl()}, or null when the URL carries it. */
    public String user() {
        return dataSource.getUsername();
    }

    /** The password for {@link #jdbcUrl()}, or null. */
    public String password() {
        return dataSource.getPassword();
    }

    /** A pooled data source on this database (on PostgreSQL, on its own schema). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs a statement with positional parameters and returns the update count. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql, e);
        }
    }

    /** Runs a query that returns one number (such as {@code count(*)}). */
    public long queryLong(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("Expected one row with one column from: " + sql + " but got " + rows);
        }
        Object value = rows.get(0).values().iterator().next();
        return ((Number) value).longValue();
    }

    /** Runs a query; each row maps lower-case column labels to values, in column order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData meta = resultSet.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnLabel(column).toLowerCase(Locale.ROOT), resultSet.getObject(column));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** Names of the tables in this database's schema, lower case. */
    public List<String> tableNames() {
        String schema = kind == DatabaseKind.H2 ? "PUBLIC" : name;
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : rows("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY table_name", schema)) {
            names.add(((String) row.get("table_name")).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /**
     * Every row of a table named (in lower case) as {@link #tableNames()} lists it, whatever case the
     * database keeps it in: for checks that look at every table directly.
     */
    public List<Map<String, Object>> rowsOfTable(String lowerCaseName) {
        String schema = kind == DatabaseKind.H2 ? "PUBLIC" : name;
        List<Map<String, Object>> found = rows("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND lower(table_name) = ?", schema, lowerCaseName);
        if (found.size() != 1) {
            throw new IllegalStateException("no single table named " + lowerCaseName + ": " + found);
        }
        return rows("SELECT * FROM " + quoted((String) found.get(0).get("table_name")));
    }

    /**
     * {@code identifier} quoted for this database, to name a table or column exactly as it is stored:
     * {@code "name"} on H2 and PostgreSQL, {@code `name`} on MariaDB.
     */
    public String quoted(String identifier) {
        return kind == DatabaseKind.MARIADB
                ? "`" + identifier.replace("`", "``") + "`"
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /**
     * The name of a second schema for this test ({@code <name>_<suffix>}, lower case), which the test
     * (or the library under test) creates and which is dropped with this database: on PostgreSQL a
     * schema, on MariaDB a database; on H2 it goes with the in-memory database.
     */
    public String otherSchema(String suffix) {
        String other = name + "_" + suffix.toLowerCase(Locale.ROOT);
        otherSchemas.add(other);
        return other;
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            try {
                for (String other : otherSchemas) {
                    if (kind == DatabaseKind.POSTGRESQL) {
                        server(kind).admin("DROP SCHEMA IF EXISTS " + other + " CASCADE");
                    } else if (kind == DatabaseKind.MARIADB) {
                        server(kind).admin("DROP DATABASE IF EXISTS " + other);
                    }
                }
            } finally {
                dropper.run();
            }
        }
    }

    @Override
    public String toString() {
        return kind.displayName() + " " + name;
    }
}
