package dev.hoheit.benchmarks;

import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What every benchmark of a run shares. {@code month} is month M: the N events of the append
 * benchmark are recorded in it, later benchmarks in the months after it. {@code chain} is lib-audit
 * 0.1 on its own schema {@code chainDb}, or null (both) when the run has no chain baseline.
 */
record BenchContext(BenchSettings settings, BenchDatabase db, BenchClock clock, AuditTraffic traffic, CpuMeter cpu,
                    Report report, YearMonth month, ChainLibrary chain, BenchDatabase chainDb) {

    /** The name of the lib-audit writer thread, whose CPU time the breakdowns show. */
    static final String WRITER_THREAD = "hoheit-audit-writer";

    /** The first instant of month M plus {@code months}, UTC. */
    Instant monthStart(int months) {
        return month.plusMonths(months).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** How many months after month M the month of {@code instant} lies (UTC). */
    int monthsAfterM(Instant instant) {
        YearMonth of = YearMonth.from(instant.atZone(ZoneOffset.UTC));
        return (int) java.time.temporal.ChronoUnit.MONTHS.between(month, of);
    }

    /** The average stored size of a row of {@code table} (over at most 20,000 rows), in bytes. */
    long averageRowBytes(String table) throws SQLException {
        return averageRowBytes(db, table);
    }

    /** The average stored size of a row of a table of {@code db} (over at most 20,000 rows), in bytes. */
    static long averageRowBytes(BenchDatabase db, String table) throws SQLException {
        return db.number("SELECT avg(pg_column_size(t.*))::bigint FROM (SELECT * FROM " + table + " LIMIT 20000) t");
    }

    /** Size of a table with its indexes (for {@code audit_entry}: the sum over its partitions), in MiB. */
    String totalSize(String table) throws SQLException {
        return totalSize(db, table);
    }

    /** Size of a table of {@code db} with its indexes (a partitioned table: the sum over its partitions), in MiB. */
    static String totalSize(BenchDatabase db, String table) throws SQLException {
        long bytes = db.number("SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits"
                + " WHERE inhparent = '" + table + "'::regclass");
        if (bytes == 0) {
            bytes = db.number("SELECT pg_total_relation_size('" + table + "'::regclass)");
        }
        return String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }
}
