package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 5: {@link AuditLog#verify()} over the whole log against a plain streaming SELECT of every
 * column of the baseline table (and, for comparison, lib-audit 0.1's {@code verify()} of its chain of
 * the same N events). Runs alternate; the best of each is reported.
 */
final class VerifyBenchmark {

    static final String NAME = "5. verify() throughput";

    private static final Logger LOG = LoggerFactory.getLogger(VerifyBenchmark.class);

    private VerifyBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain) throws SQLException {
        List<NoteVerifier> logKeys = List.of(NoteVerifier.parse(log.verifierKey()));
        Report report = context.report();
        double bestAudit = 0;
        double bestBaseline = 0;
        double bestChain = 0;
        String bestCpu = "";
        VerificationReport bestReport = null;
        ChainLibrary.Verification chainReport = null;
        int kinds = context.chain() == null ? 2 : 3;
        for (int run = 0; run < context.settings().repeats(); run++) {
            for (int pass = 0; pass < kinds; pass++) {
                switch ((pass + run) % kinds) {
                    case 0 -> {
                        long started = System.nanoTime();
                        long rows = PlainTable.streamAll(context.db().dataSource(), plain.name());
                        double perSecond = rows / ((System.nanoTime() - started) / 1e9);
                        LOG.info("5. baseline run {}: streamed {} rows at {} rows/s", run + 1, BenchSettings.count(rows), Math.round(perSecond));
                        bestBaseline = Math.max(bestBaseline, perSecond);
                    }
                    case 1 -> {
                        CpuMeter.Sample start = context.cpu().sample(Thread.currentThread().getName());
                        long started = System.nanoTime();
                        VerificationReport verification = log.verify();
                        long nanos = System.nanoTime() - started;
                        CpuMeter.Sample end = context.cpu().sample(Thread.currentThread().getName());
                        if (!verification.ok()) {
                            throw new BenchmarkException("the log does not verify: " + verification.toText());
                        }
                        double perSecond = verification.eventsChecked() / (nanos / 1e9);
                        LOG.info("5. verify run {}: {} events at {} events/s", run + 1,
                                BenchSettings.count(verification.eventsChecked()), Math.round(perSecond));
                        if (perSecond > bestAudit) {
                            bestAudit = perSecond;
                            bestReport = verification;
                            bestCpu = context.cpu().describe(start, end, "calling thread");
                        }
                    }
                    default -> {
                        long started = System.nanoTime();
                        ChainLibrary.Verification verification = context.chain().verify();
                        long nanos = System.nanoTime() - started;
                        if (!verification.ok()) {
                            throw new BenchmarkException("lib-audit 0.1's chain does not verify: " + verification.text());
                        }
                        double perSecond = verification.eventsChecked() / (nanos / 1e9);
                        LOG.info("5. lib-audit 0.1 verify run {}: {} events at {} events/s", run + 1,
                                BenchSettings.count(verification.eventsChecked()), Math.round(perSecond));
                        if (perSecond > bestChain) {
                            bestChain = perSecond;
                            chainReport = verification;
                        }
                    }
                }
            }
        }
        long started = System.nanoTime();
        long rawRows = PlainTable.streamAll(context.db().dataSource(), "audit_entry");
        double raw = rawRows / ((System.nanoTime() - started) / 1e9);
        double binary;
        try (Connection connection = context.db().binaryTransferConnection()) {
            started = System.nanoTime();
            long binaryRows = PlainTable.streamAll(connection, "audit_entry");
            binary = binaryRows / ((System.nanoTime() - started) / 1e9);
        }
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
        if (chainReport != null) {
            report.row(new Report.Row(NAME, "events checked per second, against lib-audit 0.1's verify()",
                    Report.perSecond(bestAudit, "events"), Report.perSecond(bestChain, "events"),
                    Report.ratio(bestAudit, bestChain, true), "-", Report.Verdict.NONE));
        }
        report.detail(NAME, String.format(Locale.ROOT, "best of %d: %s entries re-hashed against the level-0 tiles, %d checkpoints"
                        + " checked (signature, root from the tiles, consistency proof from the one before), %s by the library's own"
                        + " clock; OK", context.settings().repeats(), BenchSettings.count(bestReport.eventsChecked()),
                bestReport.checkpointsChecked(), Report.seconds(bestReport.took().toNanos() / 1e9)));
        report.detail(NAME, "baseline: SELECT of all 15 columns of " + plain.name() + " ORDER BY seq, streamed (fetch size 5,000,"
                + " in a transaction), every column read as the verifier reads it; best of " + context.settings().repeats());
        if (chainReport != null) {
            report.detail(NAME, String.format(Locale.ROOT, "lib-audit 0.1's verify() of its chain (%s events, %d checkpoints: two"
                            + " SHA-256 per event, one Ed25519 signature per checkpoint), in the same rotation: best %,.0f events/s",
                    BenchSettings.count(chainReport.eventsChecked()), chainReport.checkpointsChecked(), bestChain));
        }
        report.detail(NAME, bestCpu);
        double perEvent = 1e6 / bestAudit;
        double signatures = checked / 1e3 / bestReport.eventsChecked();
        report.detail(NAME, String.format(Locale.ROOT, "breakdown per entry (µs): %.2f in all; reading it (the same raw SELECT on"
                        + " audit_entry, partitioned, streams %,.0f rows/s) %.2f; the rest, %.2f, is what does not overlap with the"
                        + " reading: verify() reads the entries and their level-0 tiles on one thread while the calling thread computes"
                        + " canonical forms and leaf hashes and checks them, and checks the checkpoints' Ed25519 signatures on a third"
                        + " thread meanwhile (alone, %s checkpoints read in %s and their signatures checked in %s through the public"
                        + " Checkpoint API: %.2f ms each, %.2f µs per entry); then it computes the checkpoints' roots and checks"
                        + " their consistency proofs, persons' keys and purges",
                perEvent, raw, 1e6 / raw, Math.max(0, perEvent - 1e6 / raw), BenchSettings.count(checkpoints.size()),
                Report.seconds(read / 1e9), Report.seconds(checked / 1e9), checked / 1e6 / Math.max(1, checkpoints.size()),
                signatures));
        report.detail(NAME, String.format(Locale.ROOT, "the same raw SELECT on audit_entry over a connection with pgjdbc's"
                + " prepareThreshold=-1 (results in binary: bytea as bytes, not hex text) streams %,.0f rows/s, %.2f times the"
                + " %,.0f rows/s above: a JDBC URL setting of the host, not of the library (measured once, after the runs above)",
                binary, binary / raw, raw));
    }
}
