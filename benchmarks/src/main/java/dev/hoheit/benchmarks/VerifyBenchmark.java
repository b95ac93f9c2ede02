package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.VerificationReport;
import java.security.PublicKey;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 4: {@link AuditLog#verify()} over the whole log against a plain streaming SELECT of every
 * column of the baseline table. Runs alternate; the best of each is reported.
 */
final class VerifyBenchmark {

    static final String NAME = "4. verify() throughput";

    private static final Logger LOG = LoggerFactory.getLogger(VerifyBenchmark.class);

    private VerifyBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain, PublicKey signingKey) throws SQLException {
        List<dev.hoheit.audit.tlog.NoteVerifier> logKeys = List.of(dev.hoheit.audit.tlog.NoteVerifier.parse(log.verifierKey()));
        Report report = context.report();
        double bestAudit = 0;
        double bestBaseline = 0;
        String bestCpu = "";
        VerificationReport bestReport = null;
        for (int run = 0; run < context.settings().repeats(); run++) {
            for (int pass = 0; pass < 2; pass++) {
                boolean runBaseline = (pass == 0) == (run % 2 == 0);
                if (runBaseline) {
                    long started = System.nanoTime();
                    long rows = PlainTable.streamAll(context.db().dataSource(), plain.name());
                    double perSecond = rows / ((System.nanoTime() - started) / 1e9);
                    LOG.info("4. baseline run {}: streamed {} rows at {} rows/s", run + 1, BenchSettings.count(rows), Math.round(perSecond));
                    bestBaseline = Math.max(bestBaseline, perSecond);
                } else {
                    CpuMeter.Sample start = context.cpu().sample(Thread.currentThread().getName());
                    long started = System.nanoTime();
                    VerificationReport verification = log.verify();
                    long nanos = System.nanoTime() - started;
                    CpuMeter.Sample end = context.cpu().sample(Thread.currentThread().getName());
                    if (!verification.ok()) {
                        throw new BenchmarkException("the log does not verify: " + verification.toText());
                    }
                    double perSecond = verification.eventsChecked() / (nanos / 1e9);
                    LOG.info("4. verify run {}: {} events at {} events/s", run + 1,
                            BenchSettings.count(verification.eventsChecked()), Math.round(perSecond));
                    if (perSecond > bestAudit) {
                        bestAudit = perSecond;
                        bestReport = verification;
                        bestCpu = context.cpu().describe(start, end, "calling thread");
                    }
                }
            }
        }
        long started = System.nanoTime();
        long rawRows = PlainTable.streamAll(context.db().dataSource(), "audit_entry");
        double raw = rawRows / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        List<Checkpoint> checkpoints = log.checkpoints();
        long read = System.nanoTime() - started;
        for (Checkpoint checkpoint : checkpoints) {
            if (!checkpoint.signedBy(logKeys)) {
                throw new BenchmarkException("checkpoint " + checkpoint.size() + " has a bad signature");
            }
        }
        long checked = System.nanoTime() - started - read;

        report.row(new Report.Row(NAME, "events checked per second", Report.perSecond(bestAudit, "events"),
                Report.perSecond(bestBaseline, "rows"), Report.ratio(bestAudit, bestBaseline, true),
                ">= 200,000 events/s", Report.Verdict.of(bestAudit >= 200_000)));
        report.detail(NAME, String.format(Locale.ROOT, "best of %d: %s events re-hashed, %d checkpoints compared (signatures checked),"
                        + " %s by the library's own clock; OK", context.settings().repeats(),
                BenchSettings.count(bestReport.eventsChecked()), bestReport.checkpointsChecked(),
                Report.seconds(bestReport.took().toNanos() / 1e9)));
        report.detail(NAME, "baseline: SELECT of all 17 columns of " + plain.name() + " ORDER BY seq, streamed (fetch size 5,000,"
                + " in a transaction), every column read as the verifier reads it; best of " + context.settings().repeats());
        report.detail(NAME, bestCpu);
        double perEvent = 1e6 / bestAudit;
        double signatures = checked / 1e3 / bestReport.eventsChecked();
        report.detail(NAME, String.format(Locale.ROOT, "breakdown per event (µs): %.2f in all; reading it (the same raw SELECT on"
                        + " audit_event, partitioned, streams %,.0f rows/s) %.2f; checking the checkpoint signatures %.2f (%s checkpoints"
                        + " read in %s and their Ed25519 signatures checked in %s through the public Checkpoint API, %.2f ms each);"
                        + " the rest, %.2f, is canonical form, two SHA-256 and chain and checkpoint comparison",
                perEvent, raw, 1e6 / raw, signatures, BenchSettings.count(checkpoints.size()), Report.seconds(read / 1e9),
                Report.seconds(checked / 1e9), checked / 1e6 / Math.max(1, checkpoints.size()),
                Math.max(0, perEvent - 1e6 / raw - signatures)));
    }
}
