package dev.hoheit.audit.internal;

import dev.hoheit.transaction.internal.LibrarySchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The monthly partitions of {@code audit_entry} ({@code audit_entry_p202611} holds November 2026,
 * UTC). On PostgreSQL each is a table of its own, attached for its month. On MariaDB they are the
 * table's RANGE COLUMNS partitions: each holds what lies below the end of its month and above the
 * partition before it, and {@code audit_entry_pmax} what lies above the last month; a month is split
 * off {@code audit_entry_pmax} before its first entry is written, so that one stays empty. Either way
 * every row of a month's partition is older than the month's end, which is what a purge relies on
 * when it drops the partition. On H2 every method does nothing: the table is not partitioned.
 */
final class Partitions {

    private static final Pattern NAME = Pattern.compile("audit_entry_p(\\d{4})(\\d{2})");
    private static final DateTimeFormatter MARIADB_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    /** MariaDB: how long a partition change waits for readers of the table before it gives up (seconds). */
    private static final int MARIADB_LOCK_WAIT = 10;

    private final DataSource dataSource;
    private final boolean postgres;
    private final boolean mariadb;
    private final String schema;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    /** The partitions of the log's table, in its schema (null: the connection's current schema). */
    Partitions(Database database) {
        this.dataSource = database.dataSource();
        this.postgres = database.postgres();
        this.mariadb = database.mariadb();
        this.schema = database.schema();
    }

    boolean partitioned() {
        return postgres || mariadb;
    }

    /**
     * Makes sure the partitions for the month of {@code instant} and the month after exist. Runs in
     * its own short transaction, before a writer takes the chain's lock.
     */
    void ensure(Instant instant) throws SQLException {
        if (!partitioned()) {
            return;
        }
        YearMonth month = YearMonth.from(instant.atZone(ZoneOffset.UTC));
        if (known.contains(month) && known.contains(month.plusMonths(1))) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            if (mariadb) {
                // A partition change waits for every open transaction that read the table; never for long.
                statement.execute("SET SESSION lock_wait_timeout = " + MARIADB_LOCK_WAIT);
            }
            try {
                for (YearMonth m : List.of(month, month.plusMonths(1))) {
                    if (!known.contains(m)) {
                        if (postgres) {
                            createPostgres(statement, m);
                        } else {
                            splitMariadb(connection, statement, m);
                        }
                        known.add(m);
                    }
                }
            } finally {
                if (mariadb) {
                    statement.execute("SET SESSION lock_wait_timeout = DEFAULT");
                }
            }
        }
    }

    private void createPostgres(Statement statement, YearMonth month) throws SQLException {
        try {
            statement.execute("CREATE TABLE IF NOT EXISTS " + qualified(name(month)) + " PARTITION OF " + qualified("audit_entry")
                    + " FOR VALUES FROM ('"
                    + start(month) + "') TO ('" + start(month.plusMonths(1)) + "')");
        } catch (SQLException e) {
            // Another instance created it at the same moment (duplicate table or catalog row).
            if (!"42P07".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /**
     * MariaDB: splits {@code month} off the MAXVALUE partition, unless a partition of that month or a
     * later one exists (a later one holds the month too: it holds everything below its end).
     */
    private void splitMariadb(Connection connection, Statement statement, YearMonth month) throws SQLException {
        List<YearMonth> months = months(connection);
        if (!months.isEmpty() && !months.get(months.size() - 1).isBefore(month)) {
            return;
        }
        try {
            statement.execute("ALTER TABLE " + qualified("audit_entry") + " REORGANIZE PARTITION audit_entry_pmax INTO (PARTITION " + name(month)
                    + " VALUES LESS THAN ('" + MARIADB_TIME.format(LocalDateTime.ofInstant(end(month), ZoneOffset.UTC))
                    + "'), PARTITION audit_entry_pmax VALUES LESS THAN (MAXVALUE))");
        } catch (SQLException e) {
            // Another instance split this month (1517: duplicate partition name) or a later one (1493:
            // bounds must increase) off at the same moment: the month has its partition.
            if (e.getErrorCode() != 1517 && e.getErrorCode() != 1493) {
                throw e;
            }
        }
    }

    /** The months that have a partition, oldest first. */
    List<YearMonth> months(Connection connection) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        if (!partitioned()) {
            return months;
        }
        String sql = postgres
                ? "SELECT c.relname FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                        + " JOIN pg_namespace n ON n.oid = p.relnamespace"
                        + " WHERE p.relname = 'audit_entry' AND n.nspname = coalesce(?::text, current_schema()) ORDER BY c.relname"
                : "SELECT partition_name FROM information_schema.partitions"
                        + " WHERE table_schema = coalesce(?, DATABASE()) AND table_name = 'audit_entry' ORDER BY partition_ordinal_position";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Matcher matcher = NAME.matcher(rows.getString(1));
                    if (matcher.matches()) {
                        months.add(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
                    }
                }
            }
        }
        return months;
    }

    /** Drops a whole month (every row in it must be due for deletion). */
    void drop(Connection connection, YearMonth month) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (postgres) {
                statement.execute("DROP TABLE " + qualified(name(month)));
            } else {
                requireMonthBound(connection, month);
                // Waits for readers of the table no longer than a split does; the next purge drops it then.
                statement.execute("SET SESSION lock_wait_timeout = " + MARIADB_LOCK_WAIT);
                try {
                    statement.execute("ALTER TABLE " + qualified("audit_entry") + " DROP PARTITION " + name(month));
                } finally {
                    statement.execute("SET SESSION lock_wait_timeout = DEFAULT");
                }
            }
        }
        known.remove(month);
    }

    /**
     * MariaDB: fails unless the partition named for {@code month} ends where its name says. A
     * partition an operator reorganized to end later would hold entries that are not due; dropping
     * it by its name would remove them.
     */
    private void requireMonthBound(Connection connection, YearMonth month) throws SQLException {
        String expected = "'" + MARIADB_TIME.format(LocalDateTime.ofInstant(end(month), ZoneOffset.UTC)) + "'";
        try (var select = connection.prepareStatement("SELECT partition_description FROM information_schema.partitions"
                + " WHERE table_schema = coalesce(?, DATABASE()) AND table_name = 'audit_entry' AND partition_name = ?")) {
            select.setString(1, schema);
            select.setString(2, name(month));
            try (ResultSet row = select.executeQuery()) {
                String bound = row.next() ? row.getString(1) : null;
                if (!expected.equals(bound)) {
                    throw new SQLException("partition " + name(month) + " ends at " + bound + ", not at " + expected
                            + " as its name says: it was changed outside the library, and is not dropped", "22023");
                }
            }
        }
    }

    /** The first instant after {@code month}. */
    static Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private String qualified(String table) {
        return LibrarySchema.qualified(schema, table);
    }

    private static String name(YearMonth month) {
        return String.format("audit_entry_p%04d%02d", month.getYear(), month.getMonthValue());
    }

    private static String start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }
}
