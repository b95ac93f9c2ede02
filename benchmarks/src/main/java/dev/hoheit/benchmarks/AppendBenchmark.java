package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmarks 1 and 2: N audit-shaped rows through plain batched JDBC (the baseline) and N events
 * through {@link AuditLog#appendBatched}, all recorded in month M. Both run in alternating rounds of
 * N/rounds, so a burst of noise on the shared machine hits both alike.
 */
final class AppendBenchmark {

    static final String BASELINE = "1. Baseline: plain batched JDBC insert";
    static final String BATCHED = "2. lib-audit appendBatched";

    private static final Logger LOG = LoggerFactory.getLogger(AppendBenchmark.class);

    private AppendBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain) throws SQLException, InterruptedException {
        BenchSettings settings = context.settings();
        int n = settings.events();
        int rounds = settings.appendRounds();
        Instant from = context.monthStart(0);
        // Leave the last day of month M free, so nothing of this benchmark spills into month M+1.
        Instant to = context.monthStart(1).minus(Duration.ofDays(1));
        Baseline baseline = new Baseline(context, plain, n, from, to);

        LOG.info("1+2. {} rows into {} (one thread, JDBC batches of {}, one commit per batch) and {} events through"
                        + " appendBatched ({} producer threads, then flush()), in {} alternating rounds",
                BenchSettings.count(n), plain.name(), settings.baselineBatchSize(), BenchSettings.count(n), settings.producers(), rounds);
        long baselineNanos = 0;
        long auditNanos = 0;
        long failures = 0;
        long producerCpu = 0;
        CpuMeter.Usage baselineCpu = CpuMeter.Usage.NONE;
        CpuMeter.Usage auditCpu = CpuMeter.Usage.NONE;
        TableCounters.Snapshot countersBefore = TableCounters.now(context.db());
        List<long[]> baselineRounds = new ArrayList<>(); // {rows, nanos}
        List<long[]> auditRounds = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long first = (long) n * round / rounds;
            long count = (long) n * (round + 1) / rounds - first;
            for (int pass = 0; pass < 2; pass++) {
                if ((pass == 0) == (round % 2 == 0)) {
                    CpuMeter.Sample start = context.cpu().sample(null);
                    long started = System.nanoTime();
                    baseline.insert(first, count);
                    long nanos = System.nanoTime() - started;
                    baselineCpu = baselineCpu.plus(CpuMeter.Usage.between(start, context.cpu().sample(null)));
                    baselineNanos += nanos;
                    baselineRounds.add(new long[] {count, nanos});
                } else {
                    BatchedLoad.Outcome outcome = BatchedLoad.run(context, log, first, count, n, from, to, 1_000L * round);
                    auditNanos += outcome.nanos();
                    failures += outcome.failures();
                    producerCpu += outcome.producerCpuNanos();
                    auditCpu = auditCpu.plus(outcome.cpu());
                    auditRounds.add(new long[] {count, outcome.nanos()});
                }
            }
            LOG.info("   round {} of {}: baseline {} rows/s, lib-audit {} events/s", round + 1, rounds,
                    Math.round(rate(baselineRounds.subList(round, round + 1))), Math.round(rate(auditRounds.subList(round, round + 1))));
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        long stored = context.db().number("SELECT count(*) FROM audit_event");
        if (failures > 0 || stored != n) {
            throw new BenchmarkException(failures + " appends failed; audit_event holds " + stored + " of " + n + " events");
        }
        double baselineRate = rate(baselineRounds);
        double auditRate = rate(auditRounds);
        report(context, plain, baselineRate, auditRate, baselineNanos, auditNanos, baselineCpu, auditCpu, producerCpu,
                baselineRounds, auditRounds);
        long commits = TableCounters.headUpdates(countersBefore, countersAfter);
        context.report().detail(BATCHED, TableCounters.describe(countersBefore, countersAfter, n)
                + String.format(Locale.ROOT, "; so %s group commits, %.0f events each on average", BenchSettings.count(commits),
                n / (double) Math.max(1, commits)));
        LOG.info("   {} events/s (baseline {} rows/s)", Math.round(auditRate), Math.round(baselineRate));
    }

    private static void report(BenchContext context, PlainTable plain, double baselineRate, double auditRate,
                               long baselineNanos, long auditNanos, CpuMeter.Usage baselineCpu, CpuMeter.Usage auditCpu,
                               long producerCpu, List<long[]> baselineRounds, List<long[]> auditRounds) throws SQLException {
        BenchSettings settings = context.settings();
        Report report = context.report();
        int n = settings.events();
        int rounds = auditRounds.size();
        report.row(new Report.Row(BASELINE, "throughput, " + BenchSettings.count(n) + " rows",
                "-", Report.perSecond(baselineRate, "rows"), "-", "-", Report.Verdict.NONE));
        report.row(new Report.Row(BATCHED, "throughput, " + BenchSettings.count(n) + " events",
                Report.perSecond(auditRate, "events"), Report.perSecond(baselineRate, "rows"),
                Report.ratio(auditRate, baselineRate, true), "ratio >= 0.5", Report.Verdict.of(auditRate / baselineRate >= 0.5)));
        if (rounds > 1) {
            double laterAudit = rate(auditRounds.subList(1, rounds));
            double laterBaseline = rate(baselineRounds.subList(1, rounds));
            report.row(new Report.Row(BATCHED, "throughput, rounds 2-" + rounds + " (every key exists)",
                    Report.perSecond(laterAudit, "events"), Report.perSecond(laterBaseline, "rows"),
                    Report.ratio(laterAudit, laterBaseline, true), "-", Report.Verdict.NONE));
        }

        report.detail(BASELINE, String.format(Locale.ROOT, "%s rows in %s, one thread, JDBC batches of %d, one commit per batch,"
                        + " into %s: same columns, primary key and indexes (subject, actor, time) as audit_event, but not partitioned;"
                        + " byte columns random, of the lengths lib-audit stores", BenchSettings.count(n),
                Report.seconds(baselineNanos / 1e9), settings.baselineBatchSize(), plain.name()));
        report.detail(BASELINE, "rows/s per round: " + rates(baselineRounds));
        report.detail(BASELINE, context.cpu().describe(baselineCpu, null));

        report.detail(BATCHED, String.format(Locale.ROOT, "%s events in %s with %d producer threads, batch size %d, buffer %s,"
                        + " seal every 1,000 events (checkpoints stored: %s)", BenchSettings.count(n), Report.seconds(auditNanos / 1e9),
                settings.producers(), settings.batchSize(), BenchSettings.count(settings.bufferCapacity()),
                BenchSettings.count(context.db().number("SELECT count(*) FROM audit_checkpoint"))));
        report.detail(BATCHED, "each event: actor, subject, VIEW, resource, purpose, 2 details, client data; sealed with"
                + " AES-256-GCM (actor, subject, resource, details, client), HMAC-derived tags, SHA-256 chained, Ed25519-signed checkpoints");
        report.detail(BATCHED, "events/s per round: " + rates(auditRounds) + "; the first round also creates the keys of "
                + BenchSettings.count(context.traffic().subjects()) + " subjects and " + BenchSettings.count(context.traffic().actors())
                + " actors (one INSERT and commit plus one SELECT each, in the producer thread)");
        report.detail(BATCHED, context.cpu().describe(auditCpu, "writer thread"));
        report.detail(BATCHED, String.format(Locale.ROOT, "producer threads (building and sealing events, key look-ups) used %.1f CPU s,"
                + " %.1f µs per event", producerCpu / 1e9, producerCpu / 1e3 / n));
        report.detail(BATCHED, "stored: audit_event " + context.totalSize("audit_event") + " (table and indexes), average row "
                + context.averageRowBytes("audit_event") + " bytes; " + plain.name() + " " + context.totalSize(plain.name())
                + ", average row " + context.averageRowBytes(plain.name()) + " bytes");
    }

    /** Items per second over rounds of {rows, nanos}. */
    private static double rate(List<long[]> rounds) {
        long items = 0;
        long nanos = 0;
        for (long[] round : rounds) {
            items += round[0];
            nanos += round[1];
        }
        return items / (nanos / 1e9);
    }

    private static String rates(List<long[]> rounds) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rounds.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,.0f", rate(rounds.subList(i, i + 1))));
        }
        return text.toString();
    }

    /** The baseline rows, chained by their hash columns like real events, inserted round by round. */
    private static final class Baseline {
        private final BenchContext context;
        private final PlainTable plain;
        private final int n;
        private final Instant from;
        private final long span;
        private final SplittableRandom random = new SplittableRandom(42);
        private byte[] previous = new byte[32];

        Baseline(BenchContext context, PlainTable plain, int n, Instant from, Instant to) {
            this.context = context;
            this.plain = plain;
            this.n = n;
            this.from = from;
            this.span = Duration.between(from, to).toNanos();
        }

        void insert(long first, long count) throws SQLException {
            AuditTraffic traffic = context.traffic();
            plain.insertBatched(first, count, context.settings().baselineBatchSize(), i -> {
                AuditTraffic.PlainRow row = traffic.row(i + 1, from.plusNanos((long) (span * ((double) i / n))), i,
                        random.nextInt(traffic.actors()), random.nextInt(traffic.subjects()), previous, random);
                previous = row.hash();
                return row;
            });
        }
    }
}
