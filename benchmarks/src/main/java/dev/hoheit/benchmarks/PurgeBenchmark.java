package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.VerificationReport;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 5: purging month M (the N events of benchmark 2) with {@link AuditLog#purgeBefore} against a
 * plain {@code DELETE} of the same rows from the baseline table. The clock stands in month M+2.
 */
final class PurgeBenchmark {

    static final String NAME = "5. Purge of month M";

    private static final Logger LOG = LoggerFactory.getLogger(PurgeBenchmark.class);

    private PurgeBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain) throws SQLException {
        Instant cutoff = context.monthStart(1);
        context.clock().advanceTo(context.monthStart(2).plus(Duration.ofDays(2)));
        long due = context.db().number("SELECT count(*) FROM audit_event WHERE recorded_at < '" + cutoff + "'");
        long kept = context.db().number("SELECT count(*) FROM audit_event WHERE recorded_at >= '" + cutoff + "'");

        LOG.info("5. purgeBefore({}): {} events due, {} kept", cutoff, BenchSettings.count(due), BenchSettings.count(kept));
        long started = System.nanoTime();
        PurgeResult purge = log.purgeBefore(cutoff);
        double auditSeconds = (System.nanoTime() - started) / 1e9;

        LOG.info("5. baseline: DELETE FROM {} WHERE recorded_at < {}", plain.name(), cutoff);
        started = System.nanoTime();
        int deleted = plain.deleteBefore(cutoff);
        double baselineSeconds = (System.nanoTime() - started) / 1e9;

        if (purge.eventsDeleted() != due) {
            throw new BenchmarkException("purge deleted " + purge.eventsDeleted() + " events, " + due + " were due");
        }
        VerificationReport after = log.verify();
        Report report = context.report();
        report.row(new Report.Row(NAME, "time to delete " + BenchSettings.count(due) + " events", Report.seconds(auditSeconds),
                Report.seconds(baselineSeconds), Report.ratio(auditSeconds, baselineSeconds, false), "< 1 s",
                Report.Verdict.of(auditSeconds < 1.0)));
        report.detail(NAME, String.format(Locale.ROOT, "purgeBefore(%s): %s events deleted, %d partition(s) dropped, minimum index %d,"
                        + " PURGE event at seq %d; %s by the library's own clock", cutoff, BenchSettings.count(purge.eventsDeleted()),
                purge.partitionsDropped(), purge.minIndex(), purge.purgeEventSeq(), Report.seconds(purge.took().toNanos() / 1e9)));
        report.detail(NAME, "baseline: DELETE FROM " + plain.name() + " WHERE recorded_at < cutoff (one statement, autocommit,"
                + " non-partitioned table with the same indexes): " + BenchSettings.count(deleted) + " rows");
        report.detail(NAME, "events kept (month M+1 and later): " + BenchSettings.count(kept) + "; verify() after the purge: "
                + (after.ok() ? "OK" : "FAILED") + " (" + BenchSettings.count(after.eventsChecked()) + " events)");
        if (!after.ok()) {
            throw new BenchmarkException("the log does not verify after the purge: " + after.toText());
        }
    }
}
