/**
 * Plain-main benchmarks of the Hoheit libraries (unpublished). Each benchmark measures a baseline
 * in the same run and reports its figures as ratios against it.
 *
 * <p>Start the audit benchmark with {@code benchmarks/run-audit-benchmark.sh}, or
 * {@code java -p target/classes:target/lib -m dev.hoheit.benchmarks/dev.hoheit.benchmarks.AuditBenchmark}.
 * The PostgreSQL driver is not required here: it is found through {@code java.sql.Driver} service binding.
 */
module dev.hoheit.benchmarks {
    requires dev.hoheit.audit;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    // Process and thread CPU time (com.sun.management.OperatingSystemMXBean) for the time breakdowns.
    requires jdk.management;
}
