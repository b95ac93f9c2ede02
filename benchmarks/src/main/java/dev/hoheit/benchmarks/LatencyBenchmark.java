package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 3: single synchronous {@link AuditLog#append} calls against single-row JDBC insert and
 * commit, in alternating blocks of 100 so that both see the same noise. Recorded in month M+1.
 */
final class LatencyBenchmark {

    static final String NAME = "3. Synchronous append latency";

    private static final Logger LOG = LoggerFactory.getLogger(LatencyBenchmark.class);
    private static final int BLOCK = 100;

    private LatencyBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain) throws SQLException, InterruptedException {
        BenchSettings settings = context.settings();
        AuditTraffic traffic = context.traffic();
        Instant base = context.monthStart(1).plus(Duration.ofHours(1));
        context.clock().advanceTo(base);
        SplittableRandom random = new SplittableRandom(3);
        Latencies audit = new Latencies();
        Latencies baseline = new Latencies();
        int total = settings.latencyWarmup() + settings.latencyCalls();
        TableCounters.Snapshot countersBefore = TableCounters.now(context.db());
        LOG.info("3. Latency: {} warm-up + {} measured synchronous appends and single-row inserts, alternating blocks of {}",
                settings.latencyWarmup(), settings.latencyCalls(), BLOCK);
        for (int done = 0; done < total; done += BLOCK) {
            int calls = Math.min(BLOCK, total - done);
            boolean baselineFirst = (done / BLOCK) % 2 == 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean runBaseline = (pass == 0) == baselineFirst;
                for (int c = done; c < done + calls; c++) {
                    Instant at = base.plusSeconds(c);
                    int actor = random.nextInt(traffic.actors());
                    int subject = random.nextInt(traffic.subjects());
                    long started;
                    long took;
                    if (runBaseline) {
                        AuditTraffic.PlainRow row = traffic.row(settings.events() + 1L + c, at, c, actor, subject, random);
                        started = System.nanoTime();
                        plain.insertOne(row);
                        took = System.nanoTime() - started;
                    } else {
                        context.clock().advanceTo(at);
                        started = System.nanoTime();
                        log.append(traffic.event(c, actor, subject));
                        took = System.nanoTime() - started;
                    }
                    if (c >= settings.latencyWarmup()) {
                        (runBaseline ? baseline : audit).add(took);
                    }
                }
            }
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        Latencies hot = new Latencies();
        int hotCalls = Math.max(100, settings.latencyCalls() / 4);
        for (int c = 0; c < hotCalls + 20; c++) {
            context.clock().advanceTo(base.plusSeconds(total + c));
            long started = System.nanoTime();
            log.append(traffic.event(total + c, 0, 0));
            if (c >= 20) {
                hot.add(System.nanoTime() - started);
            }
        }

        Report report = context.report();
        report.row(new Report.Row(NAME, "p50 per call", Latencies.ms(audit.millis(50)) + " ms",
                Latencies.ms(baseline.millis(50)) + " ms", Report.ratio(audit.millis(50), baseline.millis(50), false),
                "-", Report.Verdict.NONE));
        report.row(new Report.Row(NAME, "p99 per call", Latencies.ms(audit.millis(99)) + " ms",
                Latencies.ms(baseline.millis(99)) + " ms", Report.ratio(audit.millis(99), baseline.millis(99), false),
                "-", Report.Verdict.NONE));
        report.row(new Report.Row(NAME, "max per call", Latencies.ms(audit.maxMillis()) + " ms",
                Latencies.ms(baseline.maxMillis()) + " ms", Report.ratio(audit.maxMillis(), baseline.maxMillis(), false),
                "-", Report.Verdict.NONE));
        report.detail(NAME, "lib-audit append: " + audit.summary());
        report.detail(NAME, "baseline, single-row INSERT + COMMIT into " + plain.name() + " on a pooled connection: " + baseline.summary());
        report.detail(NAME, TableCounters.describe(countersBefore, countersAfter, total, "per append call (random actors and subjects,"
                + " warm-up included)"));
        report.detail(NAME, "breakdown: the same append by one actor about one subject, whose keys are cached: " + hot.summary()
                + "; with random actors and subjects (above), a call whose keys have expired from the library's 30 s key cache"
                + " loads them again (a SELECT and an unwrap each)");
        report.detail(NAME, "after " + settings.latencyWarmup() + " warm-up calls of each; both run from one thread in alternating"
                + " blocks of " + BLOCK + "; an append that crosses a multiple of 1,000 also seals a checkpoint inside the call");
        LOG.info("   append {}; baseline {}", audit.summary(), baseline.summary());
    }
}
