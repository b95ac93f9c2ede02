package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.VerificationReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 6: purging month M (the N events of benchmark 2) with {@link AuditLog#purgeBefore} against a
 * plain {@code DELETE} of the same rows from the baseline table (and lib-audit 0.1's purge of its
 * chain's month M, for comparison). The clock stands one day past the published retention after
 * the cutoff, since the log refuses a younger cutoff.
 */
final class PurgeBenchmark {

    static final String NAME = "6. Purge of month M";

    private static final Logger LOG = LoggerFactory.getLogger(PurgeBenchmark.class);

    private PurgeBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain, Duration retention) throws SQLException {
        Instant cutoff = context.monthStart(1);
        context.clock().advanceTo(cutoff.plus(retention).plus(Duration.ofDays(1)));
        long due = context.db().number("SELECT count(*) FROM audit_entry WHERE recorded_at < '" + cutoff + "'");
        long kept = context.db().number("SELECT count(*) FROM audit_entry WHERE recorded_at >= '" + cutoff + "'");
        long lastDue = context.db().number("SELECT max(seq) FROM audit_entry WHERE recorded_at < '" + cutoff + "'");
        List<String> checks = startChecks(context, cutoff, lastDue);

        LOG.info("6. purgeBefore({}) at {}: {} events due, {} kept", cutoff, context.clock().instant(), BenchSettings.count(due),
                BenchSettings.count(kept));
        long started = System.nanoTime();
        PurgeResult purge = log.purgeBefore(cutoff);
        double auditSeconds = (System.nanoTime() - started) / 1e9;

        LOG.info("6. baseline: DELETE FROM {} WHERE recorded_at < {}", plain.name(), cutoff);
        started = System.nanoTime();
        int deleted = plain.deleteBefore(cutoff);
        double baselineSeconds = (System.nanoTime() - started) / 1e9;

        ChainLibrary.Purge chainPurge = null;
        double chainSeconds = 0;
        if (context.chain() != null) {
            started = System.nanoTime();
            chainPurge = context.chain().purgeBefore(cutoff);
            chainSeconds = (System.nanoTime() - started) / 1e9;
        }

        if (purge.eventsDeleted() != due) {
            throw new BenchmarkException("purge deleted " + purge.eventsDeleted() + " events, " + due + " were due");
        }
        VerificationReport after = log.verify();
        Report report = context.report();
        report.row(new Report.Row(NAME, "time to delete " + BenchSettings.count(due) + " events", Report.seconds(auditSeconds),
                Report.seconds(baselineSeconds), Report.ratio(auditSeconds, baselineSeconds, false), "< 1 s",
                Report.Verdict.of(auditSeconds < 1.0)));
        if (chainPurge != null) {
            report.row(new Report.Row(NAME, "time, against lib-audit 0.1's purgeBefore", Report.seconds(auditSeconds),
                    Report.seconds(chainSeconds), Report.ratio(auditSeconds, chainSeconds, false), "-", Report.Verdict.NONE));
        }
        report.detail(NAME, String.format(Locale.ROOT, "purgeBefore(%s) with the clock at %s (retention %s): %s events deleted,"
                        + " %d partition(s) dropped, minimum index %d, PURGE entry at seq %d; %s by the library's own clock",
                cutoff, context.clock().instant(), retention, BenchSettings.count(purge.eventsDeleted()), purge.partitionsDropped(),
                purge.minIndex(), purge.purgeEventSeq(), Report.seconds(purge.took().toNanos() / 1e9)));
        report.detail(NAME, "what it does, in order: StartCheck (min/max seq; the newest PURGE entry's range when one exists), the first"
                + " kept position, the count of the entries due (nothing is removed if one is missing), the last purged entry's time;"
                + " a PURGE entry (one append), a checkpoint over it, the head's minimum index, DROP of month M's partition, the"
                + " level-0 tiles below the minimum index, and 0.1 chain rows (audit_v1_event) before the cutoff");
        report.detail(NAME, "its read-only checks as plain SQL on audit_entry just before the purge (so they warmed the same pages for"
                + " it): " + String.join("; ", checks));
        report.detail(NAME, "baseline: DELETE FROM " + plain.name() + " WHERE recorded_at < cutoff (one statement, autocommit,"
                + " non-partitioned table with the same indexes): " + BenchSettings.count(deleted) + " rows");
        if (chainPurge != null) {
            report.detail(NAME, String.format(Locale.ROOT, "lib-audit 0.1's purgeBefore(%s) of its chain: %s events deleted, %d"
                            + " partition(s) dropped, boundary at seq %d, in %s", cutoff, BenchSettings.count(chainPurge.eventsDeleted()),
                    chainPurge.partitionsDropped(), chainPurge.boundarySeq(), Report.seconds(chainSeconds)));
        }
        report.detail(NAME, "events kept (month M+1 and later): " + BenchSettings.count(kept) + "; verify() after the purge: "
                + (after.ok() ? "OK" : "FAILED") + " (" + BenchSettings.count(after.eventsChecked()) + " events)");
        if (!after.ok()) {
            throw new BenchmarkException("the log does not verify after the purge: " + after.toText());
        }
    }

    /** Times the purge's read-only checks, each as the library runs it, with the count's plan. */
    private static List<String> startChecks(BenchContext context, Instant cutoff, long lastDue) throws SQLException {
        List<String> lines = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        try (Connection connection = context.db().dataSource().getConnection()) {
            lines.add("min and max seq " + time(connection, "SELECT min(seq), max(seq) FROM audit_entry", null, 0, 0));
            lines.add("first kept position " + time(connection, "SELECT min(seq) FROM audit_entry WHERE recorded_at >= ?", at, 0, 0));
            lines.add("count of the " + BenchSettings.count(lastDue) + " entries due "
                    + time(connection, "SELECT count(*) FROM audit_entry WHERE seq BETWEEN ? AND ?", null, 1, lastDue));
            try (PreparedStatement explain = connection.prepareStatement(
                    "EXPLAIN (ANALYZE, BUFFERS) SELECT count(*) FROM audit_entry WHERE seq BETWEEN ? AND ?")) {
                explain.setLong(1, 1);
                explain.setLong(2, lastDue);
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        String line = rows.getString(1).strip();
                        if (line.contains("Scan") || line.startsWith("Heap Fetches") || line.startsWith("Buffers")
                                || line.startsWith("Execution Time")) {
                            plan.add(line.replaceAll("\\s+", " "));
                        }
                    }
                }
                lines.add("its plan (EXPLAIN ANALYZE): " + String.join(" / ", plan));
            }
        }
        return lines;
    }

    private static String time(Connection connection, String sql, OffsetDateTime at, long from, long to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (at != null) {
                statement.setObject(1, at);
            } else if (to > 0) {
                statement.setLong(1, from);
                statement.setLong(2, to);
            }
            long started = System.nanoTime();
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
            }
            return String.format(Locale.ROOT, "%.1f ms", (System.nanoTime() - started) / 1e6);
        }
    }
}
