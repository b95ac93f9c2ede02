package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.RetentionConfig;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A retention run over a million expired rows of a host table declared as a {@code TableStore}
 * (issue 13: at least half the rows per second of one plain {@code DELETE} of the same rows), on
 * PostgreSQL and on MariaDB in the same run, each variant on its own identical table filled the same
 * way:
 *
 * <ol>
 *   <li>the baseline: one {@code DELETE FROM t WHERE created_at < cutoff}, auto-committed;</li>
 *   <li>{@code RetentionService.runDuePolicies()} with the table as a {@code TableStore}, the whole run
 *       measured: run lock, run and step rows (the step's count written after every batch), the batches,
 *       the run's audit event;</li>
 *   <li>for comparison, the naive hand-written batch a store might use, called until it deletes nothing:
 *       on PostgreSQL {@code DELETE FROM t WHERE id IN (SELECT id FROM t WHERE created_at < ? LIMIT n)}, on
 *       MariaDB (which refuses that) {@code DELETE FROM t WHERE created_at < ? LIMIT n}.</li>
 * </ol>
 *
 * <p>The three run {@code bench.rounds} times (default 3), in alternating orders; each figure is the
 * median of its runs. Every PostgreSQL table is vacuumed and analysed after filling (autovacuum is off on
 * this server) and a {@code CHECKPOINT} precedes each measurement; every MariaDB table is analysed after
 * filling and each measurement waits for InnoDB's purge to catch up first. On MariaDB the run's audit log
 * is in an in-memory H2 database (written before lib-audit ran on MariaDB; the committed results were measured so). Run it with
 * {@code benchmarks/run-tablestore-benchmark.sh}.
 */
public final class TableStoreBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TableStoreBenchmark.class);
    private static final String TITLE = "lib-retention TableStore: a retention run over expired rows (PostgreSQL and MariaDB)";
    private static final Duration KEPT = Duration.ofDays(365);

    /** What differs between the two servers: the table's DDL, the fill, the naive batch, what precedes a measurement. */
    private enum Server {
        POSTGRESQL("PostgreSQL"), MARIADB("MariaDB");

        final String label;

        Server(String label) {
            this.label = label;
        }

        String createTable(String name) {
            String time = this == POSTGRESQL ? "TIMESTAMP WITH TIME ZONE" : "DATETIME(6)";
            return "CREATE TABLE " + name + " (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL, payload TEXT NOT NULL,"
                    + " created_at " + time + " NOT NULL)";
        }

        String fill(String name, int expired, int kept, Instant now) {
            if (this == POSTGRESQL) {
                return "INSERT INTO " + name + " (id, owner_id, payload, created_at) SELECT g, 'person-' || (2 + g % 10000),"
                        + " 'page-' || (g % 500) || '?ref=' || md5(g::text), CASE WHEN g <= " + expired
                        + " THEN '" + now + "'::timestamptz - interval '400 days' - (g % 600) * interval '1 day' - (g % 86400) * interval '1 second'"
                        + " ELSE '" + now + "'::timestamptz - (g % 300) * interval '1 day' END FROM generate_series(1, " + (expired + kept) + ") g";
            }
            return "INSERT INTO " + name + " (id, owner_id, payload, created_at) SELECT seq, CONCAT('person-', 2 + seq % 10000),"
                    + " CONCAT('page-', seq % 500, '?ref=', MD5(seq)), CASE WHEN seq <= " + expired
                    + " THEN TIMESTAMP'" + literal(now) + "' - INTERVAL 400 DAY - INTERVAL (seq % 600) DAY - INTERVAL (seq % 86400) SECOND"
                    + " ELSE TIMESTAMP'" + literal(now) + "' - INTERVAL (seq % 300) DAY END FROM seq_1_to_" + (expired + kept);
        }

        String analyze(String name) {
            return this == POSTGRESQL ? "VACUUM ANALYZE " + name : "ANALYZE TABLE " + name;
        }

        String cutoff(Instant cutoff) {
            return this == POSTGRESQL ? "'" + cutoff + "'" : "TIMESTAMP'" + literal(cutoff) + "'";
        }

        String naive(String name) {
            return this == POSTGRESQL
                    ? "DELETE FROM " + name + " WHERE id IN (SELECT id FROM " + name + " WHERE created_at < ? LIMIT ?)"
                    : "DELETE FROM " + name + " WHERE created_at < ? LIMIT ?";
        }

        String storeStatement(int batch) {
            return this == POSTGRESQL
                    ? "DELETE FROM t WHERE ctid = ANY(ARRAY(SELECT ctid FROM t WHERE ctid >= '(from,0)' AND ctid < '(to,0)' AND created_at < ? LIMIT "
                    + batch + ")), the page range after the previous batch's, then once over the whole table"
                    : "DELETE FROM t WHERE created_at < ? ORDER BY created_at, id LIMIT " + batch;
        }

        /** MariaDB's DATETIME holds UTC here, as the TableStore reads it. */
        private static String literal(Instant instant) {
            return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC).toString().replace('T', ' ');
        }
    }

    private final BenchSettings settings;
    private final int rounds;
    private final int batch;
    private int expired;
    private int kept;

    private TableStoreBenchmark(BenchSettings settings) {
        this.settings = settings;
        this.expired = Integer.getInteger("bench.expiredRows", settings.quick() ? 100_000 : 1_000_000);
        this.kept = Integer.getInteger("bench.keptRows", settings.quick() ? 10_000 : 100_000);
        this.batch = Integer.getInteger("bench.purgeBatch", RetentionConfig.DEFAULT_BATCH_SIZE);
        this.rounds = Integer.getInteger("bench.rounds", settings.quick() ? 1 : 3);
        if (rounds < 1 || batch < 1 || expired < 1 || kept < 0) {
            throw new BenchmarkException("bench.rounds, bench.purgeBatch and bench.expiredRows must be positive, bench.keptRows not negative");
        }
    }

    /**
     * Runs the benchmark once, prints the results and writes them to {@code -Dbench.results} if set.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        BenchSettings settings = BenchSettings.fromSystem();
        Report report = new TableStoreBenchmark(settings).run();
        out.println(report.console());
        if (settings.results() != null) {
            report.writeMarkdown(settings.results(), "Generated by `benchmarks/run-tablestore-benchmark.sh`"
                    + " (`dev.hoheit.benchmarks.TableStoreBenchmark`); every figure below is copied from the run's own output.");
            out.println("Results written to " + settings.results());
        }
    }

    private Report run() throws Exception {
        Instant started = Instant.now();
        Report report = new Report(TITLE, "TableStore");
        report.machine("date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC); source revision: " + settings.revision());
        report.machine("the machine was shared: other engineers built and tested on the same 2 CPUs during the run, so single"
                + " runs vary; each figure is a median and the per-run figures are listed under Details");
        report.setting("rows per table: " + BenchSettings.count(expired) + " expired (older than " + KEPT.toDays() + " days) and "
                + BenchSettings.count(kept) + " kept (bench.expiredRows, bench.keptRows); purge batch: " + BenchSettings.count(batch)
                + " rows (bench.purgeBatch, default RetentionConfig.DEFAULT_BATCH_SIZE)");
        report.setting("each table: id BIGINT PRIMARY KEY, owner_id VARCHAR(200) indexed, payload TEXT, created_at indexed"
                + " (PostgreSQL TIMESTAMP WITH TIME ZONE, MariaDB DATETIME(6) in UTC, InnoDB); filled with one INSERT ... SELECT"
                + " (generate_series, MariaDB's seq_1_to_n); then on PostgreSQL VACUUM ANALYZE (autovacuum is off on this server),"
                + " on MariaDB ANALYZE TABLE");
        report.setting("after a warm-up (one TableStore run and one naive run over 50,000 rows) on each server, the three variants"
                + " run " + rounds + " times, in the orders baseline, TableStore, naive and naive, TableStore, baseline, alternating;"
                + " each figure is the median of its runs; before each run a CHECKPOINT (PostgreSQL) or a wait until InnoDB's"
                + " purge has caught up (history list below 1,000, at most 120 s; MariaDB)");
        try (BenchDatabase postgres = BenchDatabase.open(settings);
             AuditLog audit = AuditLog.create(postgres.dataSource(), AuditConfig.of(AuditKeys.generate()))) {
            for (String line : MachineInfo.describe(postgres)) {
                report.machine(line);
            }
            measure(Server.POSTGRESQL, postgres, audit, report);
        }
        String mariaUrl = MariaDatabase.serverUrl();
        try (MariaDatabase maria = MariaDatabase.open(mariaUrl);
             AuditLog audit = AuditLog.create(h2(), AuditConfig.of(AuditKeys.generate()))) {
            report.machine("MariaDB: " + maria.text("SELECT version()") + " (" + mariaUrl.replaceAll("password=[^&]*", "password=...") + ")");
            report.machine("MariaDB settings: innodb_buffer_pool_size " + maria.text("SELECT @@innodb_buffer_pool_size DIV 1048576") + " MiB"
                    + ", innodb_flush_log_at_trx_commit " + maria.text("SELECT @@innodb_flush_log_at_trx_commit")
                    + ", innodb_log_file_size " + maria.text("SELECT @@innodb_log_file_size DIV 1048576") + " MiB"
                    + ", innodb_flush_method " + maria.text("SELECT @@innodb_flush_method")
                    + ", innodb_doublewrite " + maria.text("SELECT @@innodb_doublewrite")
                    + ", innodb_purge_threads " + maria.text("SELECT @@innodb_purge_threads")
                    + ", log_bin " + maria.text("SELECT @@log_bin")
                    + ", transaction isolation " + maria.text("SELECT @@tx_isolation"));
            measure(Server.MARIADB, maria, audit, report);
        }
        report.detail("Run", "whole run took " + Report.seconds(Duration.between(started, Instant.now()).toMillis() / 1000.0));
        return report;
    }

    /** The run's audit log on MariaDB: in memory, in H2 (as in the committed results; lib-audit now runs on MariaDB too). */
    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:tablestore-bench-audit;DB_CLOSE_DELAY=-1");
        return h2;
    }

    private void measure(Server server, SqlTarget db, AuditLog audit, Report report) throws Exception {
        warmUp(server, db, audit);
        List<Double> plain = new ArrayList<>();
        List<Double> table = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        String benchmark = "Retention run through a TableStore (" + server.label + ")";
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of("plain", "table", "naive") : List.of("naive", "table", "plain");
            for (String variant : order) {
                String name = "visit_" + variant + "_" + round;
                fill(server, db, name);
                settle(server, db);
                switch (variant) {
                    case "plain" -> plain.add(plainDelete(server, db, name));
                    case "table" -> table.add(tableStoreRun(server, db, audit, name, round == 0 ? report : null));
                    default -> naive.add(naiveBatches(server, db, name));
                }
                db.execute("DROP TABLE " + name);
            }
        }
        double plainSeconds = median(plain);
        double tableSeconds = median(table);
        double naiveSeconds = median(naive);
        report.row(new Report.Row(benchmark, "rows deleted per second, " + BenchSettings.count(expired) + " rows due",
                Report.perSecond(expired / tableSeconds, "rows"), Report.perSecond(expired / plainSeconds, "rows"),
                Report.ratio(expired / tableSeconds, expired / plainSeconds, true), "ratio >= 0.5",
                Report.Verdict.of(plainSeconds / tableSeconds >= 0.5)));
        report.row(new Report.Row(benchmark, "wall time of runDuePolicies()", Report.seconds(tableSeconds), Report.seconds(plainSeconds),
                Report.ratio(tableSeconds, plainSeconds, false), "-", Report.Verdict.NONE));
        report.row(new Report.Row(benchmark, "the naive batched DELETE, for comparison (baseline column: the naive store)",
                Report.seconds(tableSeconds), Report.seconds(naiveSeconds), Report.ratio(tableSeconds, naiveSeconds, false), "-",
                Report.Verdict.NONE));
        report.detail(benchmark, String.format(Locale.ROOT, "per run (s), in round order: plain DELETE %s; TableStore run %s;"
                + " naive batches (%s) %s", seconds(plain), seconds(table), server.naive("t"), seconds(naive)));
        report.detail(benchmark, "per-run ratios (plain / TableStore, same round): " + ratios(plain, table));
    }

    /** One small run of each variant first, so the measured runs do not pay for class loading and the JIT. */
    private void warmUp(Server server, SqlTarget db, AuditLog audit) throws Exception {
        int measuredExpired = expired;
        int measuredKept = kept;
        try {
            expired = Math.min(expired, 50_000);
            kept = Math.min(kept, 5_000);
            fill(server, db, "visit_warmup_table");
            tableStoreRun(server, db, audit, "visit_warmup_table", null);
            db.execute("DROP TABLE visit_warmup_table");
            fill(server, db, "visit_warmup_naive");
            naiveBatches(server, db, "visit_warmup_naive");
            db.execute("DROP TABLE visit_warmup_naive");
        } finally {
            expired = measuredExpired;
            kept = measuredKept;
        }
    }

    private void fill(Server server, SqlTarget db, String name) throws SQLException {
        db.execute(server.createTable(name));
        db.execute("CREATE INDEX " + name + "_owner_ix ON " + name + " (owner_id)");
        db.execute("CREATE INDEX " + name + "_created_ix ON " + name + " (created_at)");
        LOG.info("Filling {} on {} with {} expired and {} kept rows", name, server.label, BenchSettings.count(expired),
                BenchSettings.count(kept));
        db.execute(server.fill(name, expired, kept, Instant.now()));
        db.execute(server.analyze(name));
    }

    private static void settle(Server server, SqlTarget db) throws SQLException, InterruptedException {
        if (server == Server.POSTGRESQL) {
            db.execute("CHECKPOINT");
        } else {
            ((MariaDatabase) db).awaitPurge(120);
        }
    }

    private double plainDelete(Server server, SqlTarget db, String name) throws SQLException {
        Instant cutoff = Instant.now().minus(KEPT);
        long started = System.nanoTime();
        int deleted = db.execute("DELETE FROM " + name + " WHERE created_at < " + server.cutoff(cutoff));
        double seconds = (System.nanoTime() - started) / 1e9;
        check(db, name, deleted);
        return seconds;
    }

    private double tableStoreRun(Server server, SqlTarget db, AuditLog audit, String name, Report report) throws SQLException {
        RetentionConfig config = RetentionConfig.of(audit).withBatchSize(batch)
                .withStore(ExpiringStore.on(db.dataSource(), name))
                .withPolicy(RetentionPolicy.delete(ExpiringStore.CATEGORY, KEPT, "bench: visits are kept one year"));
        try (RetentionService retention = RetentionService.create(db.dataSource(), config)) {
            long started = System.nanoTime();
            RunReport run = retention.runDuePolicies();
            double seconds = (System.nanoTime() - started) / 1e9;
            StepReport step = run.steps().stream().filter(s -> s.category().equals(ExpiringStore.CATEGORY)).findFirst()
                    .orElseThrow(() -> new BenchmarkException("the run has no step for " + ExpiringStore.CATEGORY));
            if (step.affected() != expired) {
                throw new BenchmarkException("the run deleted " + step.affected() + " rows, " + expired + " were due: " + run);
            }
            check(db, name, expired);
            if (report != null) {
                report.detail("Retention run through a TableStore (" + server.label + ")", "run " + run.runId() + ": outcome "
                        + run.outcome() + ", step " + step.category() + "@" + step.store() + " " + step.status() + ", "
                        + BenchSettings.count(step.affected()) + " rows, cutoff " + step.cutoff() + "; the store's statement: "
                        + server.storeStatement(batch) + "; one statement per batch, committed, the step's count written after each");
            }
            return seconds;
        }
    }

    private double naiveBatches(Server server, SqlTarget db, String name) throws SQLException {
        Instant cutoff = Instant.now().minus(KEPT);
        long deleted = 0;
        long started = System.nanoTime();
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement(server.naive(name))) {
            while (true) {
                if (server == Server.POSTGRESQL) {
                    delete.setTimestamp(1, java.sql.Timestamp.from(cutoff));
                } else {
                    delete.setObject(1, java.time.LocalDateTime.ofInstant(cutoff, java.time.ZoneOffset.UTC));
                }
                delete.setInt(2, batch);
                int count = delete.executeUpdate();
                deleted += count;
                if (count == 0) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        check(db, name, deleted);
        return seconds;
    }

    private void check(SqlTarget db, String name, long deleted) throws SQLException {
        long left = db.number("SELECT count(*) FROM " + name);
        if (deleted != expired || left != kept) {
            throw new BenchmarkException(name + ": " + deleted + " rows deleted and " + left + " left, expected " + expired + " and " + kept);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new BenchmarkException("no measurement");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).reduce((a, b) -> a + ", " + b).orElse("-");
    }

    private static String ratios(List<Double> plain, List<Double> table) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(plain.size(), table.size()); i++) {
            ratios.add(String.format(Locale.ROOT, "%.2f", plain.get(i) / table.get(i)));
        }
        return String.join(", ", ratios);
    }
}
