package dev.hoheit.audit.internal;

import dev.hoheit.transaction.internal.LibrarySchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The monthly partitions of {@code audit_entry} on PostgreSQL ({@code audit_entry_p202611} holds
 * November 2026, UTC). On H2 every method does nothing: the table is not partitioned.
 */
final class Partitions {

    private static final Pattern NAME = Pattern.compile("audit_entry_p(\\d{4})(\\d{2})");

    private final DataSource dataSource;
    private final boolean partitioned;
    private final String schema;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    /** The partitions in {@code schema} (null: the connection's current schema). */
    Partitions(DataSource dataSource, boolean partitioned, String schema) {
        this.dataSource = dataSource;
        this.partitioned = partitioned;
        this.schema = schema;
    }

    boolean partitioned() {
        return partitioned;
    }

    /**
     * Makes sure the partitions for the month of {@code instant} and the month after exist. Runs in
     * its own short transaction, before a writer takes the chain's lock.
     */
    void ensure(Instant instant) throws SQLException {
        if (!partitioned) {
            return;
        }
        YearMonth month = YearMonth.from(instant.atZone(ZoneOffset.UTC));
        if (known.contains(month) && known.contains(month.plusMonths(1))) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (YearMonth m : List.of(month, month.plusMonths(1))) {
                if (!known.contains(m)) {
                    create(statement, m);
                    known.add(m);
                }
            }
        }
    }

    private void create(Statement statement, YearMonth month) throws SQLException {
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

    /** The months that have a partition, oldest first. */
    List<YearMonth> months(Connection connection) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        if (!partitioned) {
            return months;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_inherits i"
                     + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                     + " JOIN pg_namespace n ON n.oid = p.relnamespace"
                     + " WHERE p.relname = 'audit_entry' AND n.nspname = coalesce(?::text, current_schema()) ORDER BY c.relname")) {
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
            statement.execute("DROP TABLE " + qualified(name(month)));
        }
        known.remove(month);
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
