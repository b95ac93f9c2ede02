/**
 * Plain-main benchmarks of the Hoheit libraries (unpublished). Each benchmark measures a baseline
 * in the same run and reports its figures as ratios against it.
 *
 * <p>Start the audit benchmark with {@code benchmarks/run-audit-benchmark.sh}, or
 * {@code java -p target/classes:target/lib -m dev.hoheit.benchmarks/dev.hoheit.benchmarks.AuditBenchmark};
 * the retention benchmark with {@code benchmarks/run-retention-benchmark.sh} ({@code RetentionBenchmark}).
 * The PostgreSQL driver is not required here: it is found through {@code java.sql.Driver} service binding.
 */
module dev.hoheit.benchmarks {
    requires dev.hoheit.audit;
    // lib-retention, and through it lib-consent (requires transitive), for RetentionBenchmark.
    requires dev.hoheit.retention;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    // Process and thread CPU time (com.sun.management.OperatingSystemMXBean) for the time breakdowns.
    requires jdk.management;
}
