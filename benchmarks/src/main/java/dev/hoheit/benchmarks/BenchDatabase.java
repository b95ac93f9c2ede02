package dev.hoheit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's own PostgreSQL schema ({@code bench_<random>}, or {@code bench_<random>_<label>} for a
 * second one) and a connection pool on it. Closing it (or ending the JVM) drops the schema, unless
 * the settings say to keep it.
 */
final class BenchDatabase implements AutoCloseable, SqlTarget {

    private static final Logger LOG = LoggerFactory.getLogger(BenchDatabase.class);

    private final BenchSettings settings;
    private final String schema;
    private final HikariDataSource pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread dropOnExit;

    private BenchDatabase(BenchSettings settings, String schema, HikariDataSource pool) {
        this.settings = settings;
        this.schema = schema;
        this.pool = pool;
        this.dropOnExit = new Thread(this::release, "bench-schema-cleanup");
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /** Creates a fresh schema and a pool of 8 connections that work in it. */
    static BenchDatabase open(BenchSettings settings) throws SQLException {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return open(settings, "bench_" + HexFormat.of().formatHex(random), 8);
    }

    /** Creates a second schema beside this one, {@code <this schema>_<label>}, with a pool of {@code connections}. */
    BenchDatabase sibling(String label, int connections) throws SQLException {
        return open(settings, schema + "_" + label, connections);
    }

    private static BenchDatabase open(BenchSettings settings, String schema, int connections) throws SQLException {
        admin(settings, "CREATE SCHEMA " + schema);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + schema);
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setSchema(schema);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(30_000);
        LOG.info("Working in schema {}", schema);
        return new BenchDatabase(settings, schema, new HikariDataSource(config));
    }

    String schema() {
        return schema;
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    /** Runs one statement in autocommit mode; returns the update count (or -1). */
    @Override
    public int execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            return statement.execute(sql) ? -1 : statement.getUpdateCount();
        }
    }

    /**
     * A connection of its own (not pooled) in this schema, with pgjdbc's {@code prepareThreshold=-1}:
     * every statement is prepared on the server at once, so results come in binary (bytea as raw
     * bytes, not hex text). Close it.
     */
    Connection binaryTransferConnection() throws SQLException {
        String url = settings.jdbcUrl() + (settings.jdbcUrl().contains("?") ? "&" : "?") + "prepareThreshold=-1";
        Connection connection = DriverManager.getConnection(url, credentials(settings));
        connection.setSchema(schema);
        return connection;
    }

    /**
     * VACUUM ANALYZE of {@code tables} (a partitioned table with its partitions), one statement each;
     * the server runs with autovacuum off, so without it index-only scans visit the heap and the
     * planner has no statistics. Returns the seconds it took.
     */
    double vacuumAnalyze(String... tables) throws SQLException {
        long started = System.nanoTime();
        for (String table : tables) {
            execute("VACUUM (ANALYZE) " + table);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The first column of the first row, as text (null for no row or SQL NULL). */
    @Override
    public String text(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /** The first column of the first row, as a number (0 for no row or SQL NULL). */
    @Override
    public long number(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or has run.
        }
    }

    private void release() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.close(); // ends the pool's sessions, so nothing holds a lock the drop waits for
        if (settings.keepSchema()) {
            LOG.info("Kept schema {} (bench.keepSchema); drop it with DROP SCHEMA {} CASCADE", schema, schema);
            return;
        }
        try {
            admin(settings, "DROP SCHEMA " + schema + " CASCADE");
            LOG.info("Dropped schema {}", schema);
        } catch (SQLException e) {
            LOG.warn("Could not drop schema {} (SQLSTATE {}); drop it by hand", schema, e.getSQLState());
        }
    }

    private static Properties credentials(BenchSettings settings) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        return properties;
    }

    private static void admin(BenchSettings settings, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), credentials(settings));
             Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '30s'");
            statement.execute(sql);
        }
    }
}
