package dev.hoheit.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the library asked of PostgreSQL in a phase, from the server's per-table counters
 * ({@code pg_stat_user_tables}) of one schema: rows inserted and updated, index scans. The
 * partitions of {@code audit_entry} (and of lib-audit 0.1's {@code audit_event}) count as one table. The server publishes a session's counters
 * up to about ten seconds after the session goes idle, so {@link #settled} waits before it reads.
 */
final class TableCounters {

    /** Counters per table: {inserted, updated, index scans}. */
    record Snapshot(Map<String, long[]> tables) {
    }

    private static final long PUBLISH_DELAY_MILLIS = 12_000;

    private TableCounters() {
    }

    /** The counters now, without waiting (use at the start of a phase, when nothing is pending). */
    static Snapshot now(BenchDatabase db) throws SQLException {
        Map<String, long[]> tables = new TreeMap<>();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT relname, n_tup_ins, n_tup_upd, coalesce(idx_scan, 0)"
                     + " FROM pg_stat_user_tables WHERE schemaname = current_schema()")) {
            while (rows.next()) {
                String name = rows.getString(1);
                if (name.startsWith("audit_entry_p")) {
                    name = "audit_entry";
                } else if (name.startsWith("audit_event_p")) {
                    name = "audit_event";
                }
                long[] counts = tables.computeIfAbsent(name, k -> new long[3]);
                for (int i = 0; i < 3; i++) {
                    counts[i] += rows.getLong(i + 2);
                }
            }
        }
        return new Snapshot(tables);
    }

    /** The counters once the server has published what the pool's idle sessions did. */
    static Snapshot settled(BenchDatabase db) throws SQLException, InterruptedException {
        Thread.sleep(PUBLISH_DELAY_MILLIS);
        return now(db);
    }

    /** Per-table changes between two snapshots of the library's tables, per 1,000 events. */
    static String describe(Snapshot from, Snapshot to, long events) {
        return describe(from, to, events / 1000.0, "per 1,000 events");
    }

    /** Per-table changes between two snapshots of the library's tables, divided by {@code divisor}. */
    static String describe(Snapshot from, Snapshot to, double divisor, String per) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, long[]> table : to.tables().entrySet()) {
            if (!table.getKey().startsWith("audit_")) {
                continue;
            }
            long[] before = from.tables().getOrDefault(table.getKey(), new long[3]);
            long[] after = table.getValue();
            String change = change(after[0] - before[0], "inserted", divisor) + change(after[1] - before[1], "updated", divisor)
                    + change(after[2] - before[2], "index scans", divisor);
            if (!change.isEmpty()) {
                parts.add(table.getKey() + ":" + change.substring(1));
            }
        }
        return "database work " + per + " (pg_stat_user_tables): " + String.join("; ", parts);
    }

    /** How many times {@code audit_tree_head} was updated: once per group commit. */
    static long headUpdates(Snapshot from, Snapshot to) {
        return updates(from, to, "audit_tree_head");
    }

    /** How many rows of {@code table} were updated (lib-audit 0.1's head: {@code audit_head}). */
    static long updates(Snapshot from, Snapshot to, String table) {
        return to.tables().getOrDefault(table, new long[3])[1] - from.tables().getOrDefault(table, new long[3])[1];
    }

    private static String change(long delta, String what, double divisor) {
        return Math.abs(delta / divisor) < 0.05 ? "" : String.format(Locale.ROOT, ", %.1f %s", delta / divisor, what);
    }
}
