/**
 * Plain-main benchmarks of the Hoheit libraries (unpublished). Each benchmark measures a baseline
 * in the same run and reports its figures as ratios against it.
 *
 * <p>Start the audit benchmark with {@code benchmarks/run-audit-benchmark.sh}, or
 * {@code java -p target/classes:target/lib -m dev.hoheit.benchmarks/dev.hoheit.benchmarks.AuditBenchmark};
 * the retention benchmark with {@code benchmarks/run-retention-benchmark.sh} ({@code RetentionBenchmark}).
 * the write path of issue 11 (outbox and integrator) with {@code benchmarks/run-integration-benchmark.sh}
 * ({@code IntegrationBenchmark}); what auditing costs a mentor's view in the reference app with
 * {@code benchmarks/run-mentor-view-benchmark.sh} ({@code MentorViewBenchmark}); the write path on MariaDB with
 * {@code benchmarks/run-integration-benchmark-mariadb.sh} ({@code MariaDbIntegrationBenchmark}).
 */
module dev.hoheit.benchmarks {
    requires dev.hoheit.audit;
    // lib-retention, and through it lib-consent (requires transitive), for RetentionBenchmark.
    requires dev.hoheit.retention;
    requires com.zaxxer.hikari;
    // MentorViewBenchmark: the reference app, and JSON for its HTTP API.
    requires dev.hoheit.mentoring;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    // pgjdbc's CopyManager: COPY is the integrator's baseline (IntegrationBenchmark).
    requires org.postgresql.jdbc;
    // TableStoreBenchmark on MariaDB: its driver, and H2 for the run's audit log (as in the committed results).
    requires org.mariadb.jdbc;
    requires com.h2database;
    requires org.slf4j;
    // Process and thread CPU time (com.sun.management.OperatingSystemMXBean) for the time breakdowns.
    requires jdk.management;
}
