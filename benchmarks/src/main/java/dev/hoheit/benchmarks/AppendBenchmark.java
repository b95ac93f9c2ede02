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
 * Benchmarks 1 and 2, all recorded in month M: N audit-shaped rows through plain batched JDBC (the
 * first baseline), N events through lib-audit 0.1's {@code appendBatched} (the hash chain this
 * release replaces, the second baseline), and N events through {@link AuditLog#appendBatched} (the
 * Merkle tree). The three run in rounds of N/rounds, in an order that rotates from round to round,
 * so a burst of noise on the shared machine hits each alike.
 */
final class AppendBenchmark {

    static final String BASELINE = "1a. Baseline: plain batched JDBC insert";
    static final String CHAIN = "1b. Baseline: lib-audit 0.1 appendBatched (hash chain)";
    static final String BATCHED = "2. lib-audit appendBatched (Merkle tree)";

    private static final Logger LOG = LoggerFactory.getLogger(AppendBenchmark.class);

    private enum Writer { PLAIN, CHAIN, TREE }

    /** What one of the three writers did over all rounds. */
    private static final class Phase {
        final List<long[]> rounds = new ArrayList<>(); // {items, nanos}
        CpuMeter.Usage cpu = CpuMeter.Usage.NONE;
        long nanos;
        long failures;
        long producerCpu;

        void add(long items, long took, CpuMeter.Usage usage) {
            rounds.add(new long[] {items, took});
            nanos += took;
            cpu = cpu.plus(usage);
        }

        void add(BatchedLoad.Outcome outcome) {
            add(outcome.events(), outcome.nanos(), outcome.cpu());
            failures += outcome.failures();
            producerCpu += outcome.producerCpuNanos();
        }

        double rate() {
            return AppendBenchmark.rate(rounds);
        }

        double rateAfterFirst() {
            return AppendBenchmark.rate(rounds.subList(1, rounds.size()));
        }
    }

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
        Writer[] writers = context.chain() == null ? new Writer[] {Writer.PLAIN, Writer.TREE}
                : new Writer[] {Writer.PLAIN, Writer.CHAIN, Writer.TREE};

        LOG.info("1+2. {} rows into {} (one thread, JDBC batches of {}, one commit per batch){} and {} events through"
                        + " appendBatched ({} producer threads, then flush()), in {} rounds", BenchSettings.count(n), plain.name(),
                settings.baselineBatchSize(), context.chain() == null ? "" : ", " + BenchSettings.count(n) + " through lib-audit 0.1",
                BenchSettings.count(n), settings.producers(), rounds);
        Phase plainPhase = new Phase();
        Phase chainPhase = new Phase();
        Phase treePhase = new Phase();
        TableCounters.Snapshot countersBefore = TableCounters.now(context.db());
        TableCounters.Snapshot chainBefore = context.chain() == null ? null : TableCounters.now(context.chainDb());
        for (int round = 0; round < rounds; round++) {
            long first = (long) n * round / rounds;
            long count = (long) n * (round + 1) / rounds - first;
            for (int pass = 0; pass < writers.length; pass++) {
                switch (writers[(pass + round) % writers.length]) {
                    case PLAIN -> {
                        CpuMeter.Sample start = context.cpu().sample(null);
                        long started = System.nanoTime();
                        baseline.insert(first, count);
                        long nanos = System.nanoTime() - started;
                        plainPhase.add(count, nanos, CpuMeter.Usage.between(start, context.cpu().sample(null)));
                    }
                    case CHAIN -> chainPhase.add(BatchedLoad.run(context, BatchedLoad.Target.of(context.chain()), first, count, n,
                            from, to, 1_000L * round));
                    case TREE -> treePhase.add(BatchedLoad.run(context, log, first, count, n, from, to, 1_000L * round));
                }
            }
            LOG.info("   round {} of {}: plain {} rows/s, lib-audit 0.1 {} events/s, lib-audit {} events/s", round + 1, rounds,
                    Math.round(rate(plainPhase.rounds.subList(round, round + 1))),
                    chainPhase.rounds.isEmpty() ? "-" : Math.round(rate(chainPhase.rounds.subList(round, round + 1))),
                    Math.round(rate(treePhase.rounds.subList(round, round + 1))));
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        long stored = context.db().number("SELECT count(*) FROM audit_entry");
        if (treePhase.failures > 0 || stored != n) {
            throw new BenchmarkException(treePhase.failures + " appends failed; audit_entry holds " + stored + " of " + n + " events");
        }
        report(context, plain, plainPhase, chainPhase, treePhase);
        long commits = TableCounters.headUpdates(countersBefore, countersAfter);
        context.report().detail(BATCHED, TableCounters.describe(countersBefore, countersAfter, n)
                + String.format(Locale.ROOT, "; so %s group commits, %.0f events each on average", BenchSettings.count(commits),
                n / (double) Math.max(1, commits)));
        if (context.chain() != null) {
            TableCounters.Snapshot chainAfter = TableCounters.now(context.chainDb());
            long chainStored = context.chainDb().number("SELECT count(*) FROM audit_event");
            if (chainPhase.failures > 0 || chainStored != n) {
                throw new BenchmarkException(chainPhase.failures + " lib-audit 0.1 appends failed; its audit_event holds "
                        + chainStored + " of " + n + " events");
            }
            long chainCommits = TableCounters.updates(chainBefore, chainAfter, "audit_head");
            context.report().detail(CHAIN, TableCounters.describe(chainBefore, chainAfter, n)
                    + String.format(Locale.ROOT, "; so %s group commits, %.0f events each on average", BenchSettings.count(chainCommits),
                    n / (double) Math.max(1, chainCommits)));
        }
        LOG.info("   lib-audit {} events/s (lib-audit 0.1 {} events/s, plain baseline {} rows/s)", Math.round(treePhase.rate()),
                chainPhase.rounds.isEmpty() ? "-" : Math.round(chainPhase.rate()), Math.round(plainPhase.rate()));
    }

    private static void report(BenchContext context, PlainTable plain, Phase plainPhase, Phase chainPhase, Phase treePhase)
            throws SQLException {
        BenchSettings settings = context.settings();
        Report report = context.report();
        int n = settings.events();
        int rounds = treePhase.rounds.size();
        boolean chain = !chainPhase.rounds.isEmpty();
        double plainRate = plainPhase.rate();
        double treeRate = treePhase.rate();
        report.row(new Report.Row(BASELINE, "throughput, " + BenchSettings.count(n) + " rows",
                "-", Report.perSecond(plainRate, "rows"), "-", "-", Report.Verdict.NONE));
        if (chain) {
            double chainRate = chainPhase.rate();
            report.row(new Report.Row(CHAIN, "throughput, " + BenchSettings.count(n) + " events",
                    "-", Report.perSecond(chainRate, "events"), "-", "-", Report.Verdict.NONE));
            report.row(new Report.Row(BATCHED, "throughput, " + BenchSettings.count(n) + " events, against lib-audit 0.1 (1b)",
                    Report.perSecond(treeRate, "events"), Report.perSecond(chainRate, "events"),
                    Report.ratio(treeRate, chainRate, true), "ratio >= 0.9", Report.Verdict.of(treeRate / chainRate >= 0.9)));
        } else {
            report.row(new Report.Row(BATCHED, "throughput against lib-audit 0.1", "not measured (no -Dbench.chainJar)", "-", "-",
                    "ratio >= 0.9", Report.Verdict.NONE));
        }
        report.row(new Report.Row(BATCHED, "throughput, " + BenchSettings.count(n) + " events, against the plain insert (1a)",
                Report.perSecond(treeRate, "events"), Report.perSecond(plainRate, "rows"),
                Report.ratio(treeRate, plainRate, true), "ratio >= 0.5", Report.Verdict.of(treeRate / plainRate >= 0.5)));
        if (rounds > 1 && chain) {
            report.row(new Report.Row(BATCHED, "throughput, rounds 2-" + rounds + " (every key exists), against lib-audit 0.1",
                    Report.perSecond(treePhase.rateAfterFirst(), "events"), Report.perSecond(chainPhase.rateAfterFirst(), "events"),
                    Report.ratio(treePhase.rateAfterFirst(), chainPhase.rateAfterFirst(), true), "-", Report.Verdict.NONE));
        }

        report.detail(BASELINE, String.format(Locale.ROOT, "%s rows in %s, one thread, JDBC batches of %d, one commit per batch,"
                        + " into %s: same columns, primary key and indexes (subject, actor, time) as audit_entry, but not partitioned;"
                        + " byte columns random, of the lengths lib-audit stores", BenchSettings.count(n),
                Report.seconds(plainPhase.nanos / 1e9), settings.baselineBatchSize(), plain.name()));
        report.detail(BASELINE, "rows/s per round: " + rates(plainPhase.rounds));
        report.detail(BASELINE, context.cpu().describe(plainPhase.cpu, null));

        if (chain) {
            report.detail(CHAIN, "what it is: lib-audit 0.1 itself (" + settings.chainRevision() + "), the hash chain this release"
                    + " replaces, built from a clean export of that commit and loaded from its own jar into a module layer of its own"
                    + " in this JVM, on its own schema " + context.chainDb().schema() + " (its tables audit_event, audit_head,"
                    + " audit_checkpoint, audit_subject_key: what V3 renames to audit_v1_*); the same AuditConfig (new keys, the"
                    + " benchmark's clock, batching " + settings.batchSize() + " / " + BenchSettings.count(settings.bufferCapacity())
                    + ", seal every 1,000 events), the same traffic (same seeds) and the same producer threads; its API is called"
                    + " through reflection (8 calls per event, well under 1 µs together)");
            report.detail(CHAIN, "its write path: AES-256-GCM field sealing and HMAC tags in the producer thread, then on the writer"
                    + " thread per batch: SELECT ... FOR UPDATE of the head row, SHA-256 leaf and chain hash per event, multi-row INSERTs"
                    + " of 250 rows, UPDATE of the head, COMMIT; an Ed25519-signed checkpoint every 1,000 events");
            report.detail(CHAIN, String.format(Locale.ROOT, "%s events in %s (%.2f of the plain insert's rate); events/s per round: %s",
                    BenchSettings.count(n), Report.seconds(chainPhase.nanos / 1e9), chainPhase.rate() / plainRate,
                    rates(chainPhase.rounds)));
            report.detail(CHAIN, context.cpu().describe(chainPhase.cpu, "writer threads"));
            report.detail(CHAIN, String.format(Locale.ROOT, "producer threads used %.1f CPU s, %.1f µs per event",
                    chainPhase.producerCpu / 1e9, chainPhase.producerCpu / 1e3 / n));
            report.detail(CHAIN, "stored: audit_event " + BenchContext.totalSize(context.chainDb(), "audit_event")
                    + " (table and indexes), average row " + BenchContext.averageRowBytes(context.chainDb(), "audit_event") + " bytes");
        }

        report.detail(BATCHED, String.format(Locale.ROOT, "%s events in %s with %d producer threads, batch size %d, buffer %s,"
                        + " seal every 1,000 events (checkpoints stored: %s)", BenchSettings.count(n), Report.seconds(treePhase.nanos / 1e9),
                settings.producers(), settings.batchSize(), BenchSettings.count(settings.bufferCapacity()),
                BenchSettings.count(context.db().number("SELECT count(*) FROM audit_checkpoint"))));
        report.detail(BATCHED, "each event: actor, subject, VIEW, resource, purpose, 2 details, client data; sealed with"
                + " AES-256-GCM (actor, subject, resource, details, client), HMAC-derived tags; per batch under the tree head's lock:"
                + " RFC 6962 leaf hashes, the tiles they change (read, extended, written back), multi-row INSERTs, head UPDATE, COMMIT;"
                + " an Ed25519-signed C2SP checkpoint every 1,000 events");
        report.detail(BATCHED, "events/s per round: " + rates(treePhase.rounds) + "; the first round (of each library) also creates"
                + " the keys of " + BenchSettings.count(context.traffic().subjects()) + " subjects and "
                + BenchSettings.count(context.traffic().actors()) + " actors (one INSERT and commit plus one SELECT each, in the"
                + " producer thread)");
        report.detail(BATCHED, context.cpu().describe(treePhase.cpu, "writer threads") + " (both libraries name their writer thread"
                + " hoheit-audit-writer: the figure is the sum, the idle one polls its queue every 100 ms)");
        report.detail(BATCHED, String.format(Locale.ROOT, "producer threads (building and sealing events, key look-ups) used %.1f CPU s,"
                + " %.1f µs per event", treePhase.producerCpu / 1e9, treePhase.producerCpu / 1e3 / n));
        report.detail(BATCHED, "stored: audit_entry " + context.totalSize("audit_entry") + " (table and indexes), average row "
                + context.averageRowBytes("audit_entry") + " bytes; audit_tile " + context.totalSize("audit_tile") + " ("
                + BenchSettings.count(context.db().number("SELECT count(*) FROM audit_tile")) + " tiles); " + plain.name() + " "
                + context.totalSize(plain.name()) + ", average row " + context.averageRowBytes(plain.name()) + " bytes");
    }

    /** Items per second over rounds of {items, nanos}. */
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

    /** The baseline rows, inserted round by round. */
    private static final class Baseline {
        private final BenchContext context;
        private final PlainTable plain;
        private final int n;
        private final Instant from;
        private final long span;
        private final SplittableRandom random = new SplittableRandom(42);

        Baseline(BenchContext context, PlainTable plain, int n, Instant from, Instant to) {
            this.context = context;
            this.plain = plain;
            this.n = n;
            this.from = from;
            this.span = Duration.between(from, to).toNanos();
        }

        void insert(long first, long count) throws SQLException {
            AuditTraffic traffic = context.traffic();
            plain.insertBatched(first, count, context.settings().baselineBatchSize(), i -> traffic.row(i + 1,
                    from.plusNanos((long) (span * ((double) i / n))), i, random.nextInt(traffic.actors()),
                    random.nextInt(traffic.subjects()), random));
        }
    }
}
