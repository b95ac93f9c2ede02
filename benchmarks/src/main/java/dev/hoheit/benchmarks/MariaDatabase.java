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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's own MariaDB database ({@code bench_<random>}) on the server of {@code HOHEIT_BENCH_MARIADB_URL}
 * and a connection pool on it. Closing it drops the database.
 */
final class MariaDatabase implements AutoCloseable, SqlTarget {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDatabase.class);
    static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test?user=root";
    private static final Pattern URL = Pattern.compile("(jdbc:mariadb://[^/?]+/)([^?]*)(\\?.*)?");

    private final String serverUrl;
    private final String database;
    private final HikariDataSource pool;

    private MariaDatabase(String serverUrl, String database, HikariDataSource pool) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.pool = pool;
    }

    /** The server of {@code HOHEIT_BENCH_MARIADB_URL} (default {@value #DEFAULT_URL}). */
    static String serverUrl() {
        String url = System.getenv("HOHEIT_BENCH_MARIADB_URL");
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    /** Creates a fresh database on the server at {@code url} and a pool of 8 connections in it. */
    static MariaDatabase open(String url) throws SQLException {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            throw new BenchmarkException("HOHEIT_BENCH_MARIADB_URL must look like jdbc:mariadb://host:port/database?user=...: " + url);
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String database = "bench_" + HexFormat.of().formatHex(random);
        admin(url, "CREATE DATABASE " + database);
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-" + database);
        config.setJdbcUrl(parts.group(1) + database + (parts.group(3) == null ? "" : parts.group(3)));
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        LOG.info("Working in MariaDB database {}", database);
        return new MariaDatabase(url, database, new HikariDataSource(config));
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public int execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            return statement.execute(sql) ? -1 : statement.getUpdateCount();
        }
    }

    @Override
    public long number(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public String text(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    /**
     * Waits (at most {@code seconds}) until InnoDB's purge threads have removed what earlier deletes
     * left behind (history list length below 1,000), so one measurement does not pay for the last.
     */
    void awaitPurge(int seconds) throws SQLException, InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (number("SELECT count FROM information_schema.INNODB_METRICS WHERE name = 'trx_rseg_history_len'") >= 1_000
                && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        pool.close();
        try {
            admin(serverUrl, "DROP DATABASE " + database);
            LOG.info("Dropped MariaDB database {}", database);
        } catch (SQLException e) {
            LOG.warn("Could not drop MariaDB database {} (SQLSTATE {}); drop it by hand", database, e.getSQLState());
        }
    }

    private static void admin(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
