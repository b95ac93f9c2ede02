package dev.hoheit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hoheit.audit.Appended;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit write path on MariaDB, each figure against a baseline measured in the same run:
 * <ol>
 *   <li>durable appends ({@code appendBatched} from the producer threads, an appending-only instance)
 *       against plain batched JDBC inserts of payloads of the same size into a table shaped like the
 *       outbox;</li>
 *   <li>integration of the outbox (an integrating instance, from its start until {@code flush()}
 *       returns) against a JDBC batch of as many audit-shaped rows into a copy of {@code audit_entry}
 *       (same partitions and indexes), the fastest plain write measured in section 3;</li>
 *   <li>how to write a batch of entries: a JDBC batch (the integrator's choice on MariaDB) against
 *       multi-row INSERTs, and the driver's defaults against its bulk protocol ({@code useBulkStmts});</li>
 *   <li>how to write a group commit's outbox rows, whose ids the log needs: multi-row
 *       {@code INSERT ... RETURNING} (the library's choice) against a JDBC batch with generated keys.</li>
 * </ol>
 * MariaDB comes from {@code HOHEIT_BENCH_MARIADB_URL} (default
 * {@code jdbc:mariadb://127.0.0.1:3306/test?user=root}); the run works in a database of its own,
 * dropped at the end.
 */
public final class MariaDbIntegrationBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbIntegrationBenchmark.class);
    private static final Pattern URL = Pattern.compile("^(jdbc:mariadb://[^/?]+/)([^?]*)(.*)$");
    private static final String ENTRY_COLUMNS = PlainTable.COLUMNS;
    private static final int ENTRY_COLUMN_COUNT = 15;
    /** The integrator's statement and transaction sizes (EntryWriter.ROWS_PER_STATEMENT, Integrator.BATCH). */
    private static final int PER_STATEMENT = 250;
    private static final int PER_COMMIT = 2_000;

    private final BenchSettings settings;
    private final String adminUrl;
    private final String url;
    private final HikariDataSource pool;
    private final int events;
    private final int rounds;

    private MariaDbIntegrationBenchmark(BenchSettings settings, String adminUrl, String url, HikariDataSource pool) {
        this.settings = settings;
        this.adminUrl = adminUrl;
        this.url = url;
        this.pool = pool;
        this.events = Integer.getInteger("bench.integrationEvents", settings.quick() ? 20_000 : 100_000);
        this.rounds = Integer.getInteger("bench.integrationRounds", settings.quick() ? 2 : 3);
    }

    /**
     * Runs the benchmarks once, prints the results and writes them to {@code -Dbench.results} if set.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        BenchSettings settings = BenchSettings.fromSystem();
        String adminUrl = System.getenv().getOrDefault("HOHEIT_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        Matcher parts = URL.matcher(adminUrl);
        if (!parts.matches()) {
            throw new IllegalArgumentException("HOHEIT_BENCH_MARIADB_URL must look like jdbc:mariadb://host:port/database?...: " + adminUrl);
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String database = "bench_" + HexFormat.of().formatHex(random);
        admin(adminUrl, "CREATE DATABASE " + database);
        Report report;
        try {
            String url = parts.group(1) + database + parts.group(3);
            HikariConfig config = new HikariConfig();
            config.setPoolName("bench-" + database);
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(2);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                report = new MariaDbIntegrationBenchmark(settings, adminUrl, url, pool).run();
            }
        } finally {
            admin(adminUrl, "DROP DATABASE " + database);
        }
        out.println(report.console());
        if (settings.results() != null) {
            report.writeMarkdown(settings.results(), "Generated by `benchmarks/run-integration-benchmark-mariadb.sh`"
                    + " (`dev.hoheit.benchmarks.MariaDbIntegrationBenchmark`); every figure below is copied from the run's own output.");
            out.println("Results written to " + settings.results());
        }
    }

    private Report run() throws Exception {
        Instant started = Instant.now();
        Report report = new Report("lib-audit write path: outbox and integrator (MariaDB)");
        report.machine("date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC); source revision: " + settings.revision());
        report.machine("CPUs (nproc): " + Runtime.getRuntime().availableProcessors() + "; load average at start: " + MachineInfo.loadAverage());
        report.machine("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        report.machine("MariaDB: " + text("SELECT version()") + "; innodb_buffer_pool_size " + text("SELECT @@innodb_buffer_pool_size")
                + ", innodb_flush_log_at_trx_commit " + text("SELECT @@innodb_flush_log_at_trx_commit")
                + ", sync_binlog " + text("SELECT @@sync_binlog") + ", log_bin " + text("SELECT @@log_bin"));
        report.setting("events per round: " + BenchSettings.count(events) + ", " + rounds + " rounds after a warm-up round"
                + " (bench.integrationEvents, bench.integrationRounds); producer threads: " + settings.producers()
                + "; group commit: " + settings.batchSize() + " events (baseline JDBC batch: " + settings.baselineBatchSize()
                + " rows per commit)");
        report.setting("AuditConfig.of(AuditKeys.generate()).withBatching(" + settings.batchSize() + ", " + settings.bufferCapacity()
                + "), otherwise defaults; MariaDB Connector/J with its default settings unless a row says otherwise");
        AuditTraffic traffic = new AuditTraffic(settings.actors(), 20_000);
        AuditConfig config = AuditConfig.of(AuditKeys.generate()).withBatching(settings.batchSize(), settings.bufferCapacity());
        try (AuditLog writer = AuditLog.create(pool, config.withoutIntegrator())) {
            execute("CREATE TABLE bench_plain_outbox (id BIGINT NOT NULL AUTO_INCREMENT, written_at DATETIME(6) NOT NULL,"
                    + " payload MEDIUMBLOB NOT NULL, PRIMARY KEY (id)) ENGINE = InnoDB");
            execute("CREATE TABLE bench_entry LIKE audit_entry");
            throughput(report, writer, config, traffic);
            writeMethods(report, traffic);
            outboxMethods(report);
        }
        report.detail("Run", "whole run took " + Report.seconds(Duration.between(started, Instant.now()).toMillis() / 1000.0));
        return report;
    }

    // ---- 1, 2: durable and integrated throughput --------------------------------------------

    private void throughput(Report report, AuditLog writer, AuditConfig config, AuditTraffic traffic) throws Exception {
        List<Double> durable = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> integrated = new ArrayList<>();
        List<Double> batched = new ArrayList<>();
        int payloadBytes = 0;
        for (int round = -1; round < rounds; round++) { // round -1 warms up and is not counted
            long first = (long) round * events;
            double d = durableRound(writer, traffic, first);
            if (payloadBytes == 0) {
                payloadBytes = (int) number("SELECT avg(length(payload)) FROM audit_outbox");
            }
            long start = System.nanoTime();
            try (AuditLog integrating = AuditLog.create(pool, config)) {
                integrating.flush();
            }
            double i = events / ((System.nanoTime() - start) / 1e9);
            double p = plainRound(first, payloadBytes);
            List<AuditTraffic.PlainRow> rows = rows(traffic, (round + 1L) * events);
            double m = timed(() -> {
                try (Connection connection = pool.getConnection()) {
                    insertBatched(connection, rows);
                }
            }, rows.size());
            execute("TRUNCATE TABLE bench_plain_outbox");
            execute("TRUNCATE TABLE bench_entry");
            if (round >= 0) {
                durable.add(d);
                plain.add(p);
                integrated.add(i);
                batched.add(m);
            }
            LOG.info("   round {} of {}: durable {} events/s (plain {} rows/s), integrated {} events/s (JDBC batch {} rows/s)",
                    round + 1, rounds, (long) d, (long) p, (long) i, (long) m);
        }
        double durableMean = mean(durable);
        double plainMean = mean(plain);
        double integratedMean = mean(integrated);
        double batchedMean = mean(batched);
        report.row(new Report.Row("1. Durable appends (appendBatched, " + settings.producers() + " producers, an appending-only instance)",
                "throughput, " + rounds + " x " + BenchSettings.count(events) + " events", Report.perSecond(durableMean, "events"),
                Report.perSecond(plainMean, "rows") + " (plain batched JDBC, same payload size, same index)",
                Report.ratio(durableMean, plainMean, true), "ratio >= 0.9", Report.Verdict.of(durableMean >= 0.9 * plainMean)));
        report.row(new Report.Row("2. Integration of the outbox (an integrating instance, from its start until flush() returns)",
                "throughput, same events", Report.perSecond(integratedMean, "events"),
                Report.perSecond(batchedMean, "rows") + " (JDBC batch into a copy of audit_entry, " + PER_COMMIT + " rows per commit)",
                Report.ratio(integratedMean, batchedMean, true), "ratio >= 0.5", Report.Verdict.of(integratedMean >= 0.5 * batchedMean)));
        report.detail("1. Durable appends", "per round (events/s): " + list(durable) + "; plain: " + list(plain)
                + "; average outbox payload " + payloadBytes + " bytes");
        report.detail("2. Integrated", "per round (events/s): " + list(integrated) + "; the first round meets 10,000 persons"
                + " for the first time (their keys are created), later rounds the same persons; JDBC batch: " + list(batched));
    }

    /** Appends one round from the producer threads; returns durable events/s. */
    private double durableRound(AuditLog log, AuditTraffic traffic, long first) throws Exception {
        int producers = settings.producers();
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        long start = System.nanoTime();
        List<Future<CompletableFuture<Appended>>> lasts = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            lasts.add(threads.submit(() -> {
                CompletableFuture<Appended> last = null;
                SplittableRandom random = new SplittableRandom(producer * 31L + first);
                for (long i = first + producer; i < first + events; i += producers) {
                    last = log.appendBatched(traffic.event(i, random.nextInt(traffic.actors()), (int) ((i - first) % 10_000)));
                }
                return last;
            }));
        }
        for (Future<CompletableFuture<Appended>> last : lasts) {
            last.get().join();
        }
        double perSecond = events / ((System.nanoTime() - start) / 1e9);
        threads.shutdown();
        return perSecond;
    }

    /** Plain batched JDBC into bench_plain_outbox from the producer threads; returns rows/s. */
    private double plainRound(long first, int payloadBytes) throws Exception {
        int producers = settings.producers();
        ExecutorService threads = Executors.newFixedThreadPool(producers);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            done.add(threads.submit(() -> {
                SplittableRandom random = new SplittableRandom(producer + first);
                try (Connection connection = pool.getConnection();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_plain_outbox (written_at, payload) VALUES (?, ?)")) {
                    connection.setAutoCommit(false);
                    int pending = 0;
                    for (long i = first + producer; i < first + events; i += producers) {
                        byte[] payload = new byte[payloadBytes];
                        random.nextBytes(payload);
                        insert.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
                        insert.setBytes(2, payload);
                        insert.addBatch();
                        if (++pending == settings.baselineBatchSize()) {
                            insert.executeBatch();
                            connection.commit();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        insert.executeBatch();
                        connection.commit();
                    }
                    connection.setAutoCommit(true);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        return events / ((System.nanoTime() - start) / 1e9);
    }

    // ---- 3: how the integrator writes a batch ------------------------------------------------

    private void writeMethods(Report report, AuditTraffic traffic) throws Exception {
        List<Double> multiRow = new ArrayList<>();
        List<Double> batch = new ArrayList<>();
        List<Double> bulk = new ArrayList<>();
        String bulkUrl = url + (url.contains("?") ? "&" : "?") + "useBulkStmts=true";
        for (int repetition = -1; repetition < 3; repetition++) { // -1 warms up
            List<AuditTraffic.PlainRow> rows = rows(traffic, 10_000_000L * (repetition + 2));
            double m = timed(() -> insertMultiRow(rows, PER_COMMIT, PER_STATEMENT), rows.size());
            execute("TRUNCATE TABLE bench_entry");
            double b = timed(() -> {
                try (Connection connection = pool.getConnection()) {
                    insertBatched(connection, rows);
                }
            }, rows.size());
            execute("TRUNCATE TABLE bench_entry");
            double u = timed(() -> {
                try (Connection connection = DriverManager.getConnection(bulkUrl)) {
                    insertBatched(connection, rows);
                }
            }, rows.size());
            execute("TRUNCATE TABLE bench_entry");
            if (repetition >= 0) {
                multiRow.add(m);
                batch.add(b);
                bulk.add(u);
            }
            LOG.info("   write methods, repetition {}: multi-row {} rows/s, JDBC batch {} rows/s, bulk {} rows/s", repetition + 1,
                    (long) m, (long) b, (long) u);
        }
        double m = mean(multiRow);
        double b = mean(batch);
        double u = mean(bulk);
        String rows = BenchSettings.count(events) + " rows in transactions of " + PER_COMMIT;
        report.row(new Report.Row("3. Writing a batch of entries: a JDBC batch (the integrator's choice on MariaDB) against multi-row INSERT",
                "throughput, " + rows, Report.perSecond(b, "rows") + " (executeBatch, driver defaults)",
                Report.perSecond(m, "rows") + " (multi-row INSERT, " + PER_STATEMENT + " rows per statement)", Report.ratio(b, m, true),
                "the faster one is used", Report.Verdict.of(b >= m)));
        report.row(new Report.Row("3b. The driver's defaults against its bulk protocol forced on", "throughput, " + rows,
                Report.perSecond(b, "rows") + " (executeBatch, driver defaults)", Report.perSecond(u, "rows")
                        + " (executeBatch, useBulkStmts=true)", Report.ratio(b, u, true), "report", Report.Verdict.NONE));
        report.detail("3. Writing a batch", "per repetition (rows/s): multi-row INSERT " + list(multiRow) + "; JDBC batch "
                + list(batch) + "; bulk protocol " + list(bulk) + "; into a copy of audit_entry, emptied (TRUNCATE) before each");
    }

    // ---- 4: how to write a group commit's outbox rows (their ids are needed) ------------------

    private void outboxMethods(Report report) throws Exception {
        List<Double> returning = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        int perCommit = settings.batchSize();
        for (int repetition = -1; repetition < 3; repetition++) { // -1 warms up
            SplittableRandom random = new SplittableRandom(repetition + 7);
            double r = timed(() -> outboxRound(perCommit, random, true), events);
            double k = timed(() -> outboxRound(perCommit, random, false), events);
            execute("TRUNCATE TABLE bench_plain_outbox");
            if (repetition >= 0) {
                returning.add(r);
                keys.add(k);
            }
        }
        double r = mean(returning);
        double k = mean(keys);
        report.row(new Report.Row("4. Writing a group commit's outbox rows with their ids: multi-row INSERT ... RETURNING"
                + " (the library's choice) against a JDBC batch with generated keys", "throughput, " + BenchSettings.count(events)
                + " rows of 387 bytes, " + perCommit + " per commit", Report.perSecond(r, "rows") + " (INSERT ... RETURNING id)",
                Report.perSecond(k, "rows") + " (executeBatch, RETURN_GENERATED_KEYS)", Report.ratio(r, k, true),
                "the faster one is used", Report.Verdict.of(r >= k)));
        report.detail("4. Outbox rows", "per repetition (rows/s): INSERT ... RETURNING " + list(returning) + "; JDBC batch with"
                + " generated keys " + list(keys) + " (asking for generated keys takes the driver off its bulk protocol)");
    }

    private void outboxRound(int perCommit, SplittableRandom random, boolean returning) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < events; from += perCommit) {
                int count = Math.min(perCommit, events - from);
                long ids = 0;
                if (returning) {
                    String sql = "INSERT INTO bench_plain_outbox (written_at, payload) VALUES "
                            + String.join(", ", java.util.Collections.nCopies(count, "(?, ?)")) + " RETURNING id";
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                        for (int i = 0; i < count; i++) {
                            insert.setObject(2 * i + 1, LocalDateTime.now(ZoneOffset.UTC));
                            insert.setBytes(2 * i + 2, payload(random));
                        }
                        try (ResultSet rows = insert.executeQuery()) {
                            while (rows.next()) {
                                ids++;
                            }
                        }
                    }
                } else {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_plain_outbox (written_at, payload)"
                            + " VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                        for (int i = 0; i < count; i++) {
                            insert.setObject(1, LocalDateTime.now(ZoneOffset.UTC));
                            insert.setBytes(2, payload(random));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        try (ResultSet rows = insert.getGeneratedKeys()) {
                            while (rows.next()) {
                                ids++;
                            }
                        }
                    }
                }
                if (ids != count) {
                    throw new SQLException("got " + ids + " ids for " + count + " rows");
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    private static byte[] payload(SplittableRandom random) {
        byte[] payload = new byte[387];
        random.nextBytes(payload);
        return payload;
    }

    // ---- rows and statements -----------------------------------------------------------------

    private List<AuditTraffic.PlainRow> rows(AuditTraffic traffic, long seqBase) {
        SplittableRandom random = new SplittableRandom(seqBase);
        Random generator = new Random(seqBase);
        Instant at = Instant.now();
        List<AuditTraffic.PlainRow> rows = new ArrayList<>(events);
        for (long i = 0; i < events; i++) {
            rows.add(traffic.row(seqBase + i + 1, at, seqBase + i, random.nextInt(traffic.actors()), (int) (i % 10_000), generator));
        }
        return rows;
    }

    private void insertMultiRow(List<AuditTraffic.PlainRow> rows, int perCommit, int perStatement) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (int from = 0; from < rows.size(); from += perCommit) {
                int commitEnd = Math.min(rows.size(), from + perCommit);
                for (int at = from; at < commitEnd; at += perStatement) {
                    int count = Math.min(perStatement, commitEnd - at);
                    StringBuilder sql = new StringBuilder("INSERT INTO bench_entry (" + ENTRY_COLUMNS + ") VALUES ");
                    String one = "(" + "?, ".repeat(ENTRY_COLUMN_COUNT - 1) + "?)";
                    for (int i = 0; i < count; i++) {
                        sql.append(i == 0 ? "" : ", ").append(one);
                    }
                    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                        for (int i = 0; i < count; i++) {
                            bind(insert, i * ENTRY_COLUMN_COUNT, rows.get(at + i));
                        }
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            }
            connection.setAutoCommit(true);
        }
    }

    private static void insertBatched(Connection connection, List<AuditTraffic.PlainRow> rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_entry (" + ENTRY_COLUMNS + ") VALUES ("
                + "?, ".repeat(ENTRY_COLUMN_COUNT - 1) + "?)")) {
            for (int from = 0; from < rows.size(); from += PER_COMMIT) {
                for (int i = from; i < Math.min(rows.size(), from + PER_COMMIT); i++) {
                    bind(insert, 0, rows.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        connection.setAutoCommit(true);
    }

    private static void bind(PreparedStatement insert, int offset, AuditTraffic.PlainRow row) throws SQLException {
        PlainTable.bind(insert, offset, row, LocalDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private interface Work {
        void run() throws Exception;
    }

    private static double timed(Work work, int rows) throws Exception {
        long start = System.nanoTime();
        work.run();
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private long number(String sql) throws SQLException {
        String value = text(sql);
        return value == null ? 0 : Math.round(Double.parseDouble(value));
    }

    private static void admin(String adminUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(java.util.Locale.ROOT, "%,d", Math.round(v))).toList());
    }
}
