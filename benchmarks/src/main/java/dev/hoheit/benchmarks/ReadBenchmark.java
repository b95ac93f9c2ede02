package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 7: a subject's newest 50 events out of many. The log is filled through
 * {@link AuditLog#appendBatched} (from the month after the clock's, which the purge moved past the
 * retention), the baseline table in the database with {@code generate_series}; then random subjects
 * are read from both, alternating.
 */
final class ReadBenchmark {

    static final String NAME = "7. bySubject, newest 50";
    static final String POPULATION = "7a. Populating the read benchmark";

    private static final Logger LOG = LoggerFactory.getLogger(ReadBenchmark.class);
    private static final int PAGE = 50;
    private static final String PLAIN_TABLE = "bench_plain_read";

    private ReadBenchmark() {
    }

    static void run(BenchContext context, AuditLog log) throws SQLException, InterruptedException {
        BenchSettings settings = context.settings();
        Report report = context.report();
        int count = settings.readEvents();
        int firstMonth = context.monthsAfterM(context.clock().instant()) + 1;
        Instant from = context.monthStart(firstMonth).plus(Duration.ofDays(3));
        Instant to = context.monthStart(firstMonth + settings.readMonths()).minus(Duration.ofDays(1));
        long before = context.db().number("SELECT count(*) FROM audit_entry");

        LOG.info("7. Populating the log with {} events over {} subjects (appendBatched, {} producers)",
                BenchSettings.count(count), BenchSettings.count(settings.subjects()), settings.producers());
        TableCounters.Snapshot countersBefore = TableCounters.now(context.db());
        BatchedLoad.Outcome population = BatchedLoad.run(context, log, 0, count, count, from, to, 6_000);
        if (population.failures() > 0) {
            throw new BenchmarkException(population.failures() + " appends failed while populating");
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        double analyzeSeconds = context.db().vacuumAnalyze(AuditBenchmark.AUDIT_TABLES);
        long started;

        LOG.info("7. Filling {} with {} rows (INSERT ... SELECT generate_series, then indexes)", PLAIN_TABLE, BenchSettings.count(count));
        PlainTable plain = new PlainTable(context.db().dataSource(), PLAIN_TABLE);
        started = System.nanoTime();
        plain.fillInDatabase(count, settings.subjects(), settings.actors(), from,
                Duration.between(from, to).toSeconds() / (double) count);
        double fillSeconds = (System.nanoTime() - started) / 1e9;

        report.row(new Report.Row(POPULATION, "appendBatched, " + BenchSettings.count(count) + " events",
                Report.perSecond(population.perSecond(), "events"), "-", "-", "-", Report.Verdict.NONE));
        report.detail(POPULATION, String.format(Locale.ROOT, "audit log: %s events appended in %s (%s events/s) through appendBatched"
                        + " with %d producer threads, %s subjects, %s actors, recorded over %d months; VACUUM ANALYZE of the audit tables afterwards took %s",
                BenchSettings.count(count), Report.seconds(population.nanos() / 1e9), BenchSettings.count(Math.round(population.perSecond())),
                settings.producers(), BenchSettings.count(settings.subjects()), BenchSettings.count(settings.actors()),
                settings.readMonths(), Report.seconds(analyzeSeconds)));
        report.detail(POPULATION, context.cpu().describe(population.cpu(), "writer thread"));
        long commits = TableCounters.headUpdates(countersBefore, countersAfter);
        report.detail(POPULATION, TableCounters.describe(countersBefore, countersAfter, count)
                + String.format(Locale.ROOT, "; so %s group commits, %.0f events each on average", BenchSettings.count(commits),
                count / (double) Math.max(1, commits)));
        report.detail(POPULATION, String.format(Locale.ROOT, "producer threads used %.1f CPU s, %.1f µs per event",
                population.producerCpuNanos() / 1e9, population.producerCpuNanos() / 1e3 / count));
        report.detail(POPULATION, "baseline table " + PLAIN_TABLE + ": " + BenchSettings.count(count) + " rows generated in PostgreSQL,"
                + " primary key (seq) and index (subject_tag, seq) built afterwards, then ANALYZE, in " + Report.seconds(fillSeconds)
                + " (not comparable with the append: no per-row round trips)");
        report.detail(POPULATION, "stored: audit_entry " + context.totalSize("audit_entry") + " in "
                + context.db().number("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_entry'::regclass")
                + " partitions (" + BenchSettings.count(before + count) + " events), " + PLAIN_TABLE + " " + context.totalSize(PLAIN_TABLE));

        measure(context, log, context.traffic());
    }

    private static void measure(BenchContext context, AuditLog log, AuditTraffic traffic) throws SQLException, InterruptedException {
        BenchSettings settings = context.settings();
        SplittableRandom random = new SplittableRandom(66);
        Latencies audit = new Latencies();
        Latencies baseline = new Latencies();
        int total = settings.queryWarmup() + settings.queries();
        int[] subjects = new int[total];
        for (int q = 0; q < total; q++) {
            subjects[q] = random.nextInt(traffic.subjects());
        }
        LOG.info("7. Reading the newest {} events of {} + {} random subjects from the log and from {}",
                PAGE, settings.queryWarmup(), settings.queries(), PLAIN_TABLE);
        long smallest = Long.MAX_VALUE;
        TableCounters.Snapshot countersBefore = null;
        for (int q = 0; q < total; q++) {
            if (q == settings.queryWarmup()) {
                countersBefore = TableCounters.settled(context.db());
            }
            String subjectId = AuditTraffic.subjectId(subjects[q]);
            String tag = traffic.subjectTag(subjects[q]);
            for (int pass = 0; pass < 2; pass++) {
                boolean runBaseline = (pass == 0) == (q % 2 == 0);
                long started = System.nanoTime();
                int rows;
                if (runBaseline) {
                    rows = PlainTable.newest(context.db().dataSource(), PLAIN_TABLE, tag, PAGE);
                } else {
                    AuditPage page = log.bySubject(subjectId, AuditQuery.newest(PAGE));
                    rows = page.entries().size();
                    if (rows > 0 && !page.entries().get(0).subjectId().orElse("").equals(subjectId)) {
                        throw new BenchmarkException("bySubject(" + subjectId + ") returned someone else's events");
                    }
                }
                long took = System.nanoTime() - started;
                smallest = Math.min(smallest, rows);
                if (q >= settings.queryWarmup()) {
                    (runBaseline ? baseline : audit).add(took);
                }
            }
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        Latencies raw = rawAuditEntryReads(context, log, subjects, settings.queryWarmup());

        Report report = context.report();
        report.row(new Report.Row(NAME, "p50 per query", Latencies.ms(audit.millis(50)) + " ms", Latencies.ms(baseline.millis(50)) + " ms",
                Report.ratio(audit.millis(50), baseline.millis(50), false), "-", Report.Verdict.NONE));
        report.row(new Report.Row(NAME, "p99 per query", Latencies.ms(audit.millis(99)) + " ms", Latencies.ms(baseline.millis(99)) + " ms",
                Report.ratio(audit.millis(99), baseline.millis(99), false), "p99 < 20 ms", Report.Verdict.of(audit.millis(99) < 20)));
        report.detail(NAME, "lib-audit bySubject(subject, AuditQuery.newest(50)), decrypted entries: " + audit.summary());
        report.detail(NAME, "baseline: SELECT all columns FROM " + PLAIN_TABLE + " WHERE subject_tag = ? ORDER BY seq DESC LIMIT 50: "
                + baseline.summary());
        report.detail(NAME, "breakdown: the same raw SELECT on audit_entry (partitioned; LIMIT 51 as the library asks), with the"
                + " subjects' stored tags (read from each subject's newest entry): " + raw.summary() + "; the rest of a bySubject call is the library's own work"
                + " (key lookup, jOOQ mapping, decrypting 5 fields and 2 JSON documents per entry)");
        report.detail(NAME, TableCounters.describe(countersBefore, countersAfter, settings.queries(),
                "per bySubject call (measured calls only; the baseline's queries touch no audit_ table)"));
        report.detail(NAME, BenchSettings.count(settings.queries()) + " random subjects (after " + settings.queryWarmup()
                + " warm-up queries), each read from both, alternating which goes first; every page had at least "
                + smallest + " entries");
    }

    /**
     * Times the library's query on audit_entry in plain JDBC, for the same subjects. A subject's tag
     * is read from its newest entry (found with bySubject), since keys are found by an HMAC of the id.
     */
    private static Latencies rawAuditEntryReads(BenchContext context, AuditLog log, int[] subjects, int warmup) throws SQLException {
        Map<Integer, String> tags = new HashMap<>();
        for (int subject : subjects) {
            if (!tags.containsKey(subject)) {
                long seq = log.bySubject(AuditTraffic.subjectId(subject), AuditQuery.newest(1)).entries().get(0).seq();
                tags.put(subject, context.db().text("SELECT subject_tag FROM audit_entry WHERE seq = " + seq));
            }
        }
        Latencies raw = new Latencies();
        for (int q = 0; q < subjects.length; q++) {
            long started = System.nanoTime();
            PlainTable.newest(context.db().dataSource(), "audit_entry", tags.get(subjects[q]), PAGE + 1);
            if (q >= warmup) {
                raw.add(System.nanoTime() - started);
            }
        }
        return raw;
    }
}
