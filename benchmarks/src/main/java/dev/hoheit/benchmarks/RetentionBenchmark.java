package dev.hoheit.benchmarks;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Controller;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.Purpose;
import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.ExportSummary;
import dev.hoheit.retention.RetentionConfig;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.Stores;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmarks of lib-retention on PostgreSQL, each against a plain-JDBC baseline measured in the same run:
 *
 * <ol type="a">
 *   <li>{@code exportSubject} of one person with audit events, notes, pictures and consent decisions,
 *       against plain SELECTs of the same rows streamed to the same counting stream (time, heap, size);</li>
 *   <li>{@code eraseSubject} of that person against plain DELETEs of their rows from copies of the host tables;</li>
 *   <li>{@code runDuePolicies} over a host store with a million expired rows, purged in batches, against
 *       one plain {@code DELETE ... WHERE created_at < cutoff} on an identical table.</li>
 * </ol>
 *
 * <p>Run it with {@code benchmarks/run-retention-benchmark.sh}; sizes are system properties (see
 * {@link RetentionSettings}). The run works in its own schema and drops it at the end.
 */
public final class RetentionBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionBenchmark.class);
    private static final String TITLE = "lib-retention benchmark results (PostgreSQL)";
    private static final String SUBJECT = "person-1";
    private static final Controller CONTROLLER = new Controller("Bench GmbH", "Datenschutz", "Hauptstr. 1, Berlin",
            "privacy@bench.example", "+49 30 1", "DE", "https://bench.example/privacy");
    private static final Duration VISITS_KEPT = Duration.ofDays(365);
    /** How often the sampler forces a collection in the untimed live-heap calls. */
    private static final long LIVE_GC_MILLIS = 20;

    static final String EXPORT = "a. Export of one person";
    static final String ERASURE = "b. Erasure of the same person";
    static final String RUN = "c. Retention run over expired rows";

    private final BenchSettings base;
    private final RetentionSettings settings;
    private final BenchDatabase db;
    private final Report report;
    private final CpuMeter cpu = new CpuMeter();
    private final BenchClock clock;

    private RetentionBenchmark(BenchSettings base, RetentionSettings settings, BenchDatabase db) {
        this.base = base;
        this.settings = settings;
        this.db = db;
        this.report = new Report(TITLE, "lib-retention");
        this.clock = new BenchClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Runs every benchmark once, prints the results and writes them to {@code -Dbench.results} if set.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        BenchSettings base = BenchSettings.fromSystem();
        RetentionSettings settings = RetentionSettings.fromSystem(base.quick());
        Report report;
        try (BenchDatabase db = BenchDatabase.open(base)) {
            report = new RetentionBenchmark(base, settings, db).run();
        }
        out.println(report.console());
        if (base.results() != null) {
            report.writeMarkdown(base.results(), "Generated by `benchmarks/run-retention-benchmark.sh`"
                    + " (`dev.hoheit.benchmarks.RetentionBenchmark`); every figure below is copied from the run's own output."
                    + " Re-run the benchmark to refresh it.");
            out.println("Results written to " + base.results());
        }
    }

    private Report run() throws Exception {
        Instant started = Instant.now();
        report.machine("date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC); source revision: " + base.revision());
        for (String line : MachineInfo.describe(db)) {
            report.machine(line);
        }
        report.machine("JVM options: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(option -> option.startsWith("-X")).toList())
                + "; garbage collectors: " + String.join(", ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()
                .stream().map(java.lang.management.GarbageCollectorMXBean::getName).toList()));
        settings.describe(base.quick()).forEach(report::setting);
        report.setting("schema: " + db.schema() + " (dropped at the end); connection pool: HikariCP, 8 connections; the person: "
                + SUBJECT);

        DataSource ds = db.dataSource();
        NoteStore.createTables(db, "bench");
        NoteStore.createTables(db, "plain");
        ExpiringStore.createTable(db, "bench_visit");
        ExpiringStore.createTable(db, "plain_visit");

        AuditConfig auditConfig = AuditConfig.of(AuditKeys.generate()).withClock(clock).withBatching(500, 10_000);
        try (AuditLog audit = AuditLog.create(ds, auditConfig)) {
            ConsentService consent = ConsentService.create(ds, ConsentConfig.of(CONTROLLER).withClock(clock));
            NoteStore notes = new NoteStore(ds, "bench");
            TimedStore visits = new TimedStore(ExpiringStore.on(ds, "bench_visit"));
            RetentionConfig config = RetentionConfig.of(audit).withClock(clock).withBatchSize(settings.purgeBatch())
                    .withStore(notes)
                    .withStore(visits)
                    .withStore(Stores.consent(consent))
                    .withStore(Stores.audit(audit))
                    .withPolicy(RetentionPolicy.delete(ExpiringStore.CATEGORY, VISITS_KEPT, "bench: visits are kept one year"));
            report.setting("AuditConfig.of(AuditKeys.generate()).withBatching(500, 10000); ConsentService.create(dataSource,"
                    + " ConsentConfig.of(controller)); RetentionConfig.of(audit).withBatchSize(" + settings.purgeBatch()
                    + ") with stores bench-notes, bench-visits, Stores.consent, Stores.audit and the service's own;"
                    + " policy: delete " + ExpiringStore.CATEGORY + " after " + VISITS_KEPT.toDays() + " days;"
                    + " all on one clock the benchmark moves to the wall-clock time before each step");
            try (RetentionService retention = RetentionService.create(ds, config)) {
                populate(audit, consent);
                export(retention, audit);
                erase(retention, audit);
                retentionRun(retention, visits);
            }
        }
        Duration took = Duration.between(started, Instant.now());
        report.detail("Run", "whole run took " + Report.seconds(took.toMillis() / 1000.0) + "; load average at the end: "
                + MachineInfo.loadAverage() + " (1, 5, 15 min)");
        LOG.info("Done in {}", Report.seconds(took.toMillis() / 1000.0));
        return report;
    }

    private void tick() {
        clock.advanceTo(Instant.now());
    }

    // ---- Data ------------------------------------------------------------------------------

    private void populate(AuditLog audit, ConsentService consent) throws SQLException, InterruptedException {
        tick();
        String setup = "Setup";
        long t0 = System.nanoTime();
        consent.definePurpose(Purpose.required("terms", "Terms of use"));
        consent.definePurpose(Purpose.optional("newsletter", "Newsletter"));
        Notice terms = consent.publishNotice(NoticeDraft.ofText("terms", "en", "The terms of use of the benchmark."));
        Notice newsletter = consent.publishNotice(NoticeDraft.ofText("newsletter", "en", "A monthly newsletter."));
        consent.record(DecisionRequest.grant(SUBJECT, terms.ref()).as("mentor").via("checkbox"));
        consent.record(DecisionRequest.grant(SUBJECT, newsletter.ref()).as("mentor").via("checkbox"));
        consent.record(DecisionRequest.withdraw(SUBJECT, "newsletter").as("mentor").via("settings"));
        consent.record(DecisionRequest.grant(SUBJECT, newsletter.ref()).as("mentor").via("settings"));
        for (int other = 2; other <= 11; other++) {
            consent.record(DecisionRequest.grant("person-" + other, terms.ref()).as("mentee").via("checkbox"));
        }

        int allNotes = settings.notes() + settings.otherNotes();
        Instant now = clock.instant();
        db.execute("INSERT INTO bench_note (id, owner_id, body, created_at) SELECT g,"
                + " CASE WHEN g <= " + settings.notes() + " THEN '" + SUBJECT + "' ELSE 'person-' || (2 + g % 1000) END,"
                + " left(repeat(md5(g::text), 7), 200), '" + now + "'::timestamptz - (g % 2000) * interval '1 hour'"
                + " FROM generate_series(1, " + allNotes + ") g");
        SplittableRandom random = new SplittableRandom(42);
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO bench_picture (id, owner_id, name, media_type, content) VALUES (?, ?, ?, 'image/jpeg', ?)")) {
            for (int p = 1; p <= settings.pictures(); p++) {
                byte[] content = new byte[settings.pictureBytes()];
                random.nextBytes(content);
                insert.setLong(1, p);
                insert.setString(2, SUBJECT);
                insert.setString(3, String.format(Locale.ROOT, "picture-%03d.jpg", p));
                insert.setBytes(4, content);
                insert.executeUpdate();
            }
        }
        db.execute("INSERT INTO plain_note SELECT * FROM bench_note");
        db.execute("INSERT INTO plain_picture SELECT * FROM bench_picture");
        double hostSeconds = (System.nanoTime() - t0) / 1e9;

        long appended = appendEvents(audit);
        for (String table : List.of("bench_note", "plain_note", "bench_picture", "plain_picture", "audit_entry", "audit_person_key")) {
            db.execute("VACUUM ANALYZE " + table);
        }
        report.detail(setup, String.format(Locale.ROOT, "host tables: bench_note %s rows (%s of the person), bench_picture %d rows"
                        + " (%s MiB of random bytes), copied to plain_note and plain_picture for the erasure baseline, in %s;"
                        + " consent: 2 purposes, 2 notices, 4 decisions of the person and 10 of others",
                BenchSettings.count(allNotes), BenchSettings.count(settings.notes()), settings.pictures(),
                BenchSettings.count((long) settings.pictures() * settings.pictureBytes() / (1 << 20)), Report.seconds(hostSeconds)));
        report.detail(setup, "stored: bench_note " + size("bench_note") + ", bench_picture " + size("bench_picture")
                + ", audit_entry " + size("audit_entry"));
        LOG.info("Setup done: {} audit events", BenchSettings.count(appended));
    }

    /** The person's events (as actor and as subject, alternating) mixed evenly with events between others. */
    private long appendEvents(AuditLog audit) throws InterruptedException {
        AuditTraffic traffic = new AuditTraffic(1_000, 1_000);
        long total = (long) settings.subjectEvents() + settings.otherEvents();
        LongAdder failures = new LongAdder();
        SplittableRandom random = new SplittableRandom(7);
        long asActor = 0;
        long asSubject = 0;
        long mine = 0;
        long started = System.nanoTime();
        for (long i = 0; i < total; i++) {
            if (i % 1_000 == 0) {
                tick();
            }
            boolean personal = (i + 1) * settings.subjectEvents() / total > i * settings.subjectEvents() / total;
            int actor = random.nextInt(traffic.actors());
            int subject = random.nextInt(traffic.subjects());
            AuditEvent event;
            if (!personal) {
                event = traffic.event(i, actor, subject);
            } else if (mine++ % 2 == 0) {
                asActor++;
                event = AuditEvent.of(Actor.of(SUBJECT, AuditTraffic.ROLE), AuditAction.VIEW,
                                Resource.of(AuditTraffic.RESOURCE_TYPE, "week-2026-" + (i % 52 + 1)))
                        .about(AuditTraffic.subjectId(subject))
                        .allowedBy(AuditTraffic.purpose(subject))
                        .withDetails(Map.of("page", "plan-week-" + (i % 52 + 1), "via", i % 3 == 0 ? "app" : "web"))
                        .from(ClientInfo.of("203.0.113." + (i % 254 + 1), AuditTraffic.USER_AGENT));
            } else {
                asSubject++;
                event = traffic.event(i, actor, subject).about(SUBJECT);
            }
            audit.appendBatched(event).whenComplete((receipt, failure) -> {
                if (failure != null) {
                    failures.increment();
                }
            });
        }
        audit.flush();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failures.sum() > 0) {
            throw new BenchmarkException(failures.sum() + " audit events failed");
        }
        report.detail("Setup", String.format(Locale.ROOT, "audit log: %s events through appendBatched from one thread, then flush(),"
                        + " in %s (%s events/s): %s by the person as actor, %s about the person as subject, %s between"
                        + " 1,000 other actors and 1,000 other subjects", BenchSettings.count(total), Report.seconds(seconds),
                BenchSettings.count((long) (total / seconds)), BenchSettings.count(asActor), BenchSettings.count(asSubject),
                BenchSettings.count(total - asActor - asSubject)));
        return total;
    }

    // ---- a. Export -------------------------------------------------------------------------

    private record Measured(double seconds, long bytes, HeapSampler.Usage heap, ExportSummary summary) {
    }

    /**
     * The tag the person's audit entries carry. The audit log stores no person's id in clear (the tag is
     * an HMAC under the person's own key), so a plain-JDBC baseline finds it as the subject tag of most
     * entries: the person is the subject of half of their events, each other person of about a hundred.
     */
    private String personTag() throws SQLException {
        String tag = db.text("SELECT subject_tag FROM audit_entry WHERE subject_tag IS NOT NULL GROUP BY subject_tag"
                + " ORDER BY count(*) DESC LIMIT 1");
        long entries = tag == null ? 0 : db.number("SELECT count(*) FROM audit_entry WHERE subject_tag = '" + tag + "'");
        long keys = tag == null ? 0 : db.number("SELECT count(*) FROM audit_person_key WHERE tag = '" + tag + "'");
        if (entries < settings.subjectEvents() / 2 || keys != 1) {
            throw new BenchmarkException("cannot find the person's audit tag: the most frequent subject tag has " + entries
                    + " entries (expected " + settings.subjectEvents() / 2 + ") and " + keys + " key rows");
        }
        return tag;
    }

    /** One library export to a counting stream, its heap sampled by {@code sampler}. */
    private static Measured libraryExport(RetentionService retention, HeapSampler sampler) throws InterruptedException {
        CountingOutputStream counter = new CountingOutputStream();
        sampler.start();
        long started = System.nanoTime();
        ExportSummary summary = retention.exportSubject(SUBJECT, counter);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Measured(seconds, counter.count(), sampler.stop(), summary);
    }

    private void export(RetentionService retention, AuditLog audit) throws Exception {
        tick();
        String tag = personTag();
        LOG.info("a. Export: cold call to a file");
        Path zip = Files.createTempFile("hoheit-bench-export", ".zip");
        try {
            HeapSampler sampler = new HeapSampler(settings.heapSampleMicros());
            sampler.start();
            long started = System.nanoTime();
            ExportSummary coldSummary;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(zip), 64 * 1024)) {
                coldSummary = retention.exportSubject(SUBJECT, file);
            }
            double coldSeconds = (System.nanoTime() - started) / 1e9;
            Measured cold = new Measured(coldSeconds, Files.size(zip), sampler.stop(), coldSummary);
            String manifest = checkZip(zip, retention, coldSummary);
            Measured coldBaseline = baselineExport(tag);

            List<Measured> warm = new ArrayList<>();
            List<Measured> warmBaseline = new ArrayList<>();
            ExportSummary summary = coldSummary;
            CpuMeter.Usage exportCpu = null;
            for (int r = 0; r < settings.exportRepeats(); r++) {
                tick();
                if (r % 2 == 1) {
                    warmBaseline.add(baselineExport(tag));
                }
                LOG.info("a. Export: warm call {} of {}", r + 1, settings.exportRepeats());
                CpuMeter.Sample from = cpu.sample(null);
                Measured measured = libraryExport(retention, new HeapSampler(settings.heapSampleMicros()));
                CpuMeter.Sample to = cpu.sample(null);
                CpuMeter.Usage usage = CpuMeter.Usage.between(from, to);
                exportCpu = exportCpu == null ? usage : exportCpu.plus(usage);
                warm.add(measured);
                summary = measured.summary();
                if (r % 2 == 0) {
                    warmBaseline.add(baselineExport(tag));
                }
            }
            // Breakdown: lib-audit's own export of the person (the audit store's document), alone.
            tick();
            List<Measured> auditOnly = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                CountingOutputStream counter = new CountingOutputStream();
                long t = System.nanoTime();
                audit.exportSubject(SUBJECT, counter);
                auditOnly.add(new Measured((System.nanoTime() - t) / 1e9, counter.count(), null, null));
            }

            // Live heap: untimed calls with System.gc() every few milliseconds from the sampler thread.
            tick();
            LOG.info("a. Export: untimed calls with forced collections every {} ms", LIVE_GC_MILLIS);
            Measured live = libraryExport(retention, new HeapSampler(settings.heapSampleMicros(), LIVE_GC_MILLIS));
            Measured liveBaseline = baselineExport(tag, new HeapSampler(settings.heapSampleMicros(), LIVE_GC_MILLIS));

            double median = median(warm.stream().mapToDouble(Measured::seconds).toArray());
            double baselineMedian = median(warmBaseline.stream().mapToDouble(Measured::seconds).toArray());
            List<Measured> all = new ArrayList<>(warm);
            all.add(cold);
            List<Measured> allBaseline = new ArrayList<>(warmBaseline);
            allBaseline.add(coldBaseline);
            long peakGrowth = all.stream().mapToLong(m -> m.heap().growth()).max().orElseThrow();
            long baselinePeakGrowth = allBaseline.stream().mapToLong(m -> m.heap().growth()).max().orElseThrow();
            long liveGrowth = live.heap().liveGrowth();
            long baselineLiveGrowth = liveBaseline.heap().liveGrowth();
            long bytes = warm.get(warm.size() - 1).bytes();
            long baselineBytes = warmBaseline.get(warmBaseline.size() - 1).bytes();
            long limit = 64L << 20;

            report.row(new Report.Row(EXPORT, "wall time, first call in the JVM (cold), to a file", Report.seconds(cold.seconds()),
                    Report.seconds(coldBaseline.seconds()), Report.ratio(cold.seconds(), coldBaseline.seconds(), false), "< 3 s",
                    Report.Verdict.of(cold.seconds() < 3.0)));
            report.row(new Report.Row(EXPORT, "wall time, median of " + warm.size() + " warm calls, to a counting stream",
                    Report.seconds(median), Report.seconds(baselineMedian), Report.ratio(median, baselineMedian, false), "< 3 s",
                    Report.Verdict.of(median < 3.0)));
            report.row(new Report.Row(EXPORT, "heap growth: peak used minus used before (worst timed call; garbage not yet collected included)",
                    HeapSampler.mib(peakGrowth), HeapSampler.mib(baselinePeakGrowth), Report.ratio(peakGrowth, baselinePeakGrowth, false),
                    "< 64 MB", Report.Verdict.of(peakGrowth < limit)));
            report.row(new Report.Row(EXPORT, "heap growth: live, peak used right after a forced GC minus used before (untimed call, System.gc() every "
                            + LIVE_GC_MILLIS + " ms)",
                    liveGrowth < 0 ? "no GC" : HeapSampler.mib(liveGrowth),
                    baselineLiveGrowth < 0 ? "no GC" : HeapSampler.mib(baselineLiveGrowth),
                    liveGrowth < 0 || baselineLiveGrowth <= 0 ? "n/a" : Report.ratio(liveGrowth, baselineLiveGrowth, false),
                    "< 64 MB", liveGrowth < 0 ? Report.Verdict.NONE : Report.Verdict.of(liveGrowth < limit)));
            report.row(new Report.Row(EXPORT, "bytes written", BenchSettings.count(bytes) + " B", BenchSettings.count(baselineBytes) + " B",
                    Report.ratio(bytes, baselineBytes, false), "-", Report.Verdict.NONE));

            report.detail(EXPORT, "exportSubject(person, out): records per store " + new java.util.TreeMap<>(summary.recordsPerStore())
                    + ", " + summary.files() + " files of " + BenchSettings.count(summary.fileBytes()) + " bytes in all; each call also"
                    + " appends an EXPORT event about the person to the audit log, so the audit count grows by one per call");
            report.detail(EXPORT, "cold call: " + Report.seconds(cold.seconds()) + ", ZIP of " + BenchSettings.count(cold.bytes())
                    + " bytes written to a temporary file (buffered, 64 KiB); afterwards (not timed) the ZIP was opened with java.util.zip: "
                    + manifest);
            report.detail(EXPORT, "warm calls to a stream that counts and discards the bytes: " + join(warm)
                    + "; baseline runs: " + join(warmBaseline) + " (cold baseline: " + describe(coldBaseline) + ")");
            report.detail(EXPORT, "baseline: plain JDBC in one transaction, the same rows streamed to the same counting stream:"
                    + " SELECT id, owner_id, body, created_at of the person's notes (fetch size 1,000); SELECT name, media_type,"
                    + " content of the pictures (fetch size 1, content through getBinaryStream); SELECT * FROM audit_entry"
                    + " WHERE actor_tag = ? and then WHERE subject_tag = ?, ORDER BY seq (fetch size 1,000), every column"
                    + " written as its bytes (bytea) or text; no JSON, no decryption, no ZIP; the tag is looked up before timing");
            report.detail(EXPORT, "heap: -Xmx as in the JVM options above; before each call System.gc() twice, then the used heap"
                    + " sampled every " + settings.heapSampleMicros() + " µs by a background thread and before and after every"
                    + " collection (GC notifications); per timed call (growth / live growth / collections / samples): library "
                    + heapLine(all) + "; baseline " + heapLine(allBaseline) + "; untimed calls with System.gc() every "
                    + LIVE_GC_MILLIS + " ms from the sampler thread: library " + heapLine(List.of(live)) + " (" + describe(live)
                    + "), baseline " + heapLine(List.of(liveBaseline)) + " (" + describe(liveBaseline) + ")");
            report.detail(EXPORT, "breakdown: AuditLog.exportSubject(person, counting stream) alone, the JSON document the audit store"
                    + " hands to the export (decrypted events, uncompressed): " + join(auditOnly) + "; the rest of an export call is"
                    + " the other stores, spooling the audit document and the pictures to temporary files, copying them into the ZIP"
                    + " and deflating everything");
            if (exportCpu != null) {
                report.detail(EXPORT, "warm calls: " + cpu.describe(exportCpu, null));
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private static String heapLine(List<Measured> runs) {
        List<String> parts = new ArrayList<>();
        for (Measured m : runs) {
            HeapSampler.Usage h = m.heap();
            parts.add(HeapSampler.mib(h.growth()) + " / " + (h.liveGrowth() < 0 ? "-" : HeapSampler.mib(h.liveGrowth()))
                    + " / " + h.collections() + " / " + BenchSettings.count(h.samples()));
        }
        return String.join("; ", parts);
    }

    private static String join(List<Measured> runs) {
        return String.join(", ", runs.stream().map(RetentionBenchmark::describe).toList());
    }

    private static String describe(Measured m) {
        return Report.seconds(m.seconds()) + " (" + BenchSettings.count(m.bytes()) + " B)";
    }

    private String checkZip(Path zip, RetentionService retention, ExportSummary summary) throws IOException {
        Set<String> expected = new TreeSet<>();
        retention.stores().forEach(store -> expected.add(store.descriptor().name()));
        String manifest;
        int files = 0;
        Set<String> entries = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry("manifest.json");
            if (entry == null) {
                throw new BenchmarkException("the export has no manifest.json");
            }
            try (InputStream in = file.getInputStream(entry)) {
                manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (ZipEntry e : Collections.list(file.entries())) {
                entries.add(e.getName());
                if (e.getName().startsWith("files/")) {
                    files++;
                }
            }
        }
        Matcher store = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"description\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"\\s*,"
                + "\\s*\"records\"\\s*:\\s*(\\d+)").matcher(manifest);
        Map<String, Long> listed = new LinkedHashMap<>();
        while (store.find()) {
            listed.put(store.group(1), Long.parseLong(store.group(2)));
        }
        if (!listed.keySet().equals(expected)) {
            throw new BenchmarkException("manifest lists " + listed.keySet() + ", the service has " + expected);
        }
        for (String name : expected) {
            if (!entries.contains("stores/" + name + ".json")) {
                throw new BenchmarkException("the export has no stores/" + name + ".json");
            }
            if (!listed.get(name).equals(summary.recordsPerStore().get(name))) {
                throw new BenchmarkException("manifest says " + listed.get(name) + " records for " + name + ", the summary "
                        + summary.recordsPerStore().get(name));
            }
        }
        if (files != settings.pictures() || listed.get("bench-notes") != settings.notes() + settings.pictures()
                || listed.get("audit") < settings.subjectEvents()) {
            throw new BenchmarkException("the export is incomplete: " + files + " files, manifest " + listed);
        }
        return "manifest.json lists every one of the " + expected.size() + " registered stores " + listed
                + ", matching the ExportSummary; " + entries.size() + " entries, " + files + " of them files/ (the pictures),"
                + " each store's stores/<name>.json present";
    }

    private Measured baselineExport(String tag) throws SQLException, IOException, InterruptedException {
        return baselineExport(tag, new HeapSampler(settings.heapSampleMicros()));
    }

    private Measured baselineExport(String tag, HeapSampler sampler) throws SQLException, IOException, InterruptedException {
        CountingOutputStream out = new CountingOutputStream();
        sampler.start();
        long started = System.nanoTime();
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                stream(connection, "SELECT id, owner_id, body, created_at FROM bench_note WHERE owner_id = ? ORDER BY id", SUBJECT, 1_000, out);
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT name, media_type, content FROM bench_picture WHERE owner_id = ? ORDER BY id")) {
                    select.setFetchSize(1);
                    select.setString(1, SUBJECT);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            out.write(rows.getString(1).getBytes(StandardCharsets.UTF_8));
                            out.write(rows.getString(2).getBytes(StandardCharsets.UTF_8));
                            try (InputStream content = rows.getBinaryStream(3)) {
                                content.transferTo(out);
                            }
                        }
                    }
                }
                stream(connection, "SELECT * FROM audit_entry WHERE actor_tag = ? ORDER BY seq", tag, 1_000, out);
                stream(connection, "SELECT * FROM audit_entry WHERE subject_tag = ? ORDER BY seq", tag, 1_000, out);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Measured(seconds, out.count(), sampler.stop(), null);
    }

    private static void stream(Connection connection, String sql, String parameter, int fetchSize, OutputStream out)
            throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(fetchSize);
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        Object value = rows.getObject(c);
                        if (value instanceof byte[] bytes) {
                            out.write(bytes);
                        } else if (value != null) {
                            out.write(value.toString().getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
    }

    // ---- b. Erasure ------------------------------------------------------------------------

    private void erase(RetentionService retention, AuditLog audit) throws SQLException {
        tick();
        String tag = personTag();
        long notesBefore = db.number("SELECT count(*) FROM bench_note WHERE owner_id = '" + SUBJECT + "'")
                + db.number("SELECT count(*) FROM bench_picture WHERE owner_id = '" + SUBJECT + "'");
        var auditBefore = audit.countSubject(SUBJECT);

        LOG.info("b. Erasure: baseline DELETEs from plain_note and plain_picture");
        long started = System.nanoTime();
        long baselineDeleted = 0;
        try (Connection connection = db.dataSource().getConnection()) {
            for (String table : List.of("plain_note", "plain_picture")) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE owner_id = ?")) {
                    delete.setString(1, SUBJECT);
                    baselineDeleted += delete.executeUpdate();
                }
            }
        }
        double baselineSeconds = (System.nanoTime() - started) / 1e9;

        LOG.info("b. Erasure: eraseSubject");
        tick();
        CpuMeter.Sample from = cpu.sample(null);
        started = System.nanoTime();
        ErasureReceipt receipt = retention.eraseSubject(SUBJECT, "subject");
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Sample to = cpu.sample(null);

        Set<String> stores = new TreeSet<>();
        retention.stores().forEach(store -> stores.add(store.descriptor().name()));
        Set<String> receiptStores = new TreeSet<>();
        receipt.stores().forEach(store -> receiptStores.add(store.store()));
        boolean everyStoreSucceeded = receipt.stores().stream().allMatch(StoreErasure::succeeded);
        long notesAfter = db.number("SELECT count(*) FROM bench_note WHERE owner_id = '" + SUBJECT + "'")
                + db.number("SELECT count(*) FROM bench_picture WHERE owner_id = '" + SUBJECT + "'");
        long keysAfter = db.number("SELECT count(*) FROM audit_person_key WHERE tag = '" + tag + "'");
        long consentAfter = retention.stores().stream().filter(s -> s.descriptor().name().equals("consent"))
                .mapToLong(s -> s.count(SUBJECT)).sum();
        boolean complete = receipt.complete() && receipt.completedAt().isPresent() && everyStoreSucceeded
                && receiptStores.equals(stores) && notesAfter == 0 && keysAfter == 0 && consentAfter == 0;

        report.row(new Report.Row(ERASURE, "wall time of eraseSubject(person, \"subject\")", Report.seconds(seconds),
                Report.seconds(baselineSeconds), Report.ratio(seconds, baselineSeconds, false), "< 2 s",
                Report.Verdict.of(seconds < 2.0)));
        report.row(new Report.Row(ERASURE, "receipt complete, every store erased", complete ? "yes" : "NO", "-", "-",
                "complete", Report.Verdict.of(complete)));
        Map<String, String> perStore = new LinkedHashMap<>();
        receipt.stores().forEach(s -> perStore.put(s.store(), s.erased() + s.error().map(e -> " failed: " + e).orElse("")));
        report.detail(ERASURE, "receipt " + receipt.erasureId() + ": complete " + receipt.complete() + ", completed at "
                + receipt.completedAt().map(Instant::toString).orElse("-") + ", attempts " + receipt.attempts() + ", records erased per store "
                + perStore + " (" + BenchSettings.count(receipt.erased()) + " in all); stores in the receipt " + receiptStores
                + (receiptStores.equals(stores) ? " = every registered store" : " != registered stores " + stores));
        report.detail(ERASURE, "before: " + BenchSettings.count(notesBefore) + " notes and pictures of the person, audit events "
                + BenchSettings.count(auditBefore.asActor()) + " as actor and " + BenchSettings.count(auditBefore.asSubject())
                + " as subject; after: " + notesAfter + " notes and pictures, " + keysAfter + " audit keys of the person"
                + " (the audit store erases by destroying the person's key: the events stay, unreadable), " + consentAfter
                + " consent records");
        report.detail(ERASURE, "baseline: DELETE FROM plain_note WHERE owner_id = ? and DELETE FROM plain_picture WHERE owner_id = ?"
                + " (autocommit, copies of the host tables with the same indexes): " + BenchSettings.count(baselineDeleted) + " rows");
        report.detail(ERASURE, cpu.describe(from, to, null));
        if (!complete) {
            throw new BenchmarkException("the erasure is not complete: " + receipt);
        }
    }

    // ---- c. Retention run ------------------------------------------------------------------

    /** Wraps a store to time its purge calls, so the run's own overhead can be told apart. */
    private static final class TimedStore implements PersonalDataStore {
        private final PersonalDataStore store;
        final AtomicLong purgeNanos = new AtomicLong();
        final AtomicLong purgeCalls = new AtomicLong();

        TimedStore(PersonalDataStore store) {
            this.store = store;
        }

        @Override
        public dev.hoheit.retention.spi.StoreDescriptor descriptor() {
            return store.descriptor();
        }

        @Override
        public long count(String subjectId) {
            return store.count(subjectId);
        }

        @Override
        public long export(String subjectId, dev.hoheit.retention.spi.ExportSink sink) {
            return store.export(subjectId, sink);
        }

        @Override
        public long erase(String subjectId) {
            return store.erase(subjectId);
        }

        @Override
        public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
            long started = System.nanoTime();
            try {
                return store.purge(category, cutoff, action, heldSubjects, limit);
            } finally {
                purgeNanos.addAndGet(System.nanoTime() - started);
                purgeCalls.incrementAndGet();
            }
        }

        @Override
        public java.util.Optional<Instant> oldest(String category, Set<String> heldSubjects) {
            return store.oldest(category, heldSubjects);
        }
    }

    private void retentionRun(RetentionService retention, TimedStore visits) throws SQLException {
        tick();
        Instant now = clock.instant();
        int expired = settings.expiredRows();
        int kept = settings.keptRows();
        long fillStarted = System.nanoTime();
        for (String table : List.of("bench_visit", "plain_visit")) {
            LOG.info("c. Filling {} with {} expired and {} kept rows", table, BenchSettings.count(expired), BenchSettings.count(kept));
            db.execute("INSERT INTO " + table + " (id, owner_id, payload, created_at) SELECT g, 'person-' || (2 + g % 10000),"
                    + " 'page-' || (g % 500) || '?ref=' || md5(g::text), CASE WHEN g <= " + expired
                    + " THEN '" + now + "'::timestamptz - interval '400 days' - (g % 600) * interval '1 day' - (g % 86400) * interval '1 second'"
                    + " ELSE '" + now + "'::timestamptz - (g % 300) * interval '1 day' END"
                    + " FROM generate_series(1, " + (expired + kept) + ") g");
            db.execute("VACUUM ANALYZE " + table);
        }
        double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
        Instant cutoff = now.minus(VISITS_KEPT);
        String stored = size("bench_visit");

        db.execute("CHECKPOINT");
        LOG.info("c. Baseline: DELETE FROM plain_visit WHERE created_at < {}", cutoff);
        long started = System.nanoTime();
        int baselineDeleted = db.execute("DELETE FROM plain_visit WHERE created_at < '" + cutoff + "'");
        double baselineSeconds = (System.nanoTime() - started) / 1e9;

        db.execute("CHECKPOINT");
        LOG.info("c. runDuePolicies()");
        CpuMeter.Sample from = cpu.sample(null);
        started = System.nanoTime();
        RunReport run = retention.runDuePolicies();
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuMeter.Sample to = cpu.sample(null);

        long left = db.number("SELECT count(*) FROM bench_visit");
        long baselineLeft = db.number("SELECT count(*) FROM plain_visit");
        StepReport step = run.steps().stream().filter(s -> s.category().equals(ExpiringStore.CATEGORY)).findFirst()
                .orElseThrow(() -> new BenchmarkException("the run has no step for " + ExpiringStore.CATEGORY));
        boolean correct = run.outcome() == RunReport.Outcome.SUCCEEDED && step.affected() == expired && left == kept
                && baselineDeleted == expired && baselineLeft == kept;

        report.row(new Report.Row(RUN, "wall time of runDuePolicies(), " + BenchSettings.count(expired) + " rows due",
                Report.seconds(seconds), Report.seconds(baselineSeconds), Report.ratio(seconds, baselineSeconds, false), "-",
                Report.Verdict.NONE));
        report.row(new Report.Row(RUN, "rows deleted per second", Report.perSecond(expired / seconds, "rows"),
                Report.perSecond(expired / baselineSeconds, "rows"), Report.ratio(expired / seconds, expired / baselineSeconds, true),
                "ratio >= 0.5 (a TableStore)", Report.Verdict.of(baselineSeconds / seconds >= 0.5)));
        double purgeSeconds = visits.purgeNanos.get() / 1e9;
        report.detail(RUN, "run " + run.runId() + ": outcome " + run.outcome() + ", step " + step.category() + "@" + step.store() + " "
                + step.status() + ", " + BenchSettings.count(step.affected()) + " rows affected, cutoff " + step.cutoff()
                + " (clock minus " + VISITS_KEPT.toDays() + " days); rows left " + BenchSettings.count(left) + " (expected "
                + BenchSettings.count(kept) + ")");
        report.detail(RUN, String.format(Locale.ROOT, "the store's purge (a TableStore): %d calls of at most %s rows each"
                        + " (DELETE FROM bench_visit WHERE ctid = ANY(ARRAY(SELECT ctid FROM bench_visit"
                        + " WHERE ctid >= '(from,0)' AND ctid < '(to,0)' AND created_at < ? LIMIT ?)), the page range after the"
                        + " previous call's, then once over the whole table; its own transaction, one statement per call),"
                        + " %s in all, %.1f ms per call; the rest of the run, %s, is the library's own work (run lock, run and step"
                        + " rows, one counter update per batch, the erasure retry, the run's audit event)",
                visits.purgeCalls.get(), BenchSettings.count(settings.purgeBatch()), Report.seconds(purgeSeconds),
                visits.purgeCalls.get() == 0 ? 0.0 : purgeSeconds * 1e3 / visits.purgeCalls.get(), Report.seconds(seconds - purgeSeconds)));
        report.detail(RUN, "baseline: DELETE FROM plain_visit WHERE created_at < cutoff, one statement, autocommit, on an identical"
                + " table (same rows, primary key, indexes on owner_id and created_at, VACUUM ANALYZE after filling): "
                + BenchSettings.count(baselineDeleted) + " rows deleted, " + BenchSettings.count(baselineLeft) + " left");
        report.detail(RUN, "tables filled with INSERT ... SELECT generate_series (each " + BenchSettings.count(expired + kept)
                + " rows, " + stored + ") in " + Report.seconds(fillSeconds) + " for both; CHECKPOINT before the baseline and before the run");
        report.detail(RUN, "runDuePolicies(): " + cpu.describe(from, to, null));
        if (!correct) {
            throw new BenchmarkException("the retention run did not delete exactly the expired rows: " + run + ", left " + left
                    + ", baseline deleted " + baselineDeleted + ", baseline left " + baselineLeft);
        }
    }

    // ---- Helpers ---------------------------------------------------------------------------

    private String size(String table) throws SQLException {
        long bytes = db.number("SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits"
                + " WHERE inhparent = '" + table + "'::regclass");
        if (bytes == 0) {
            bytes = db.number("SELECT pg_total_relation_size('" + table + "'::regclass)");
        }
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Counts and discards. */
    private static final class CountingOutputStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        long count() {
            return count;
        }
    }
}
