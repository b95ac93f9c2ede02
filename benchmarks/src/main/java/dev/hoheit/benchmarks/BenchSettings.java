package dev.hoheit.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of {@link AuditBenchmark} does, read from system properties ({@code -Dbench.events=...})
 * and the environment ({@code HOHEIT_BENCH_PG_URL}). Sizes accept underscores: {@code 1_000_000}.
 *
 * @param jdbcUrl the PostgreSQL server; the run creates and drops its own schema in it
 * @param user database user, or null when the URL carries it
 * @param password database password, or null
 * @param quick whether this is a quick smoke run with small sizes
 * @param events N, the events of the append, verify and purge benchmarks (all recorded in one month)
 * @param readEvents the events behind the read benchmark
 * @param subjects distinct subjects (the read benchmark's events are spread over them evenly)
 * @param actors distinct actors
 * @param producers threads calling {@code appendBatched}
 * @param batchSize the audit log's group-commit batch size
 * @param baselineBatchSize the baseline's JDBC batch size (rows per commit)
 * @param bufferCapacity the audit log's buffer
 * @param latencyWarmup synchronous appends (and baseline inserts) before the measured ones
 * @param latencyCalls measured synchronous appends (and as many baseline inserts)
 * @param queryWarmup subject reads before the measured ones
 * @param queries measured subject reads (and as many baseline queries)
 * @param readMonths months the read benchmark's events are spread over
 * @param appendRounds the append benchmark and its baseline each run in this many alternating rounds of N/rounds
 * @param repeats runs of the verify benchmark and its baseline, alternating; the best is reported
 * @param proofWarmup proofs of each kind (and baseline reads) before the measured ones
 * @param proofs measured inclusion proofs, consistency proofs and baseline reads, each
 * @param chainJar the jar of lib-audit 0.1 (the hash chain), the append benchmark's second baseline; null for none
 * @param chainRevision which commit that jar was built from, as passed by the run script
 * @param results where the Markdown results go, or null for none
 * @param keepSchema whether to leave the schema behind for inspection
 * @param revision the source revision, as passed by the run script, or "unknown"
 */
record BenchSettings(String jdbcUrl, String user, String password, boolean quick, int events, int readEvents,
                     int subjects, int actors, int producers, int batchSize, int baselineBatchSize, int bufferCapacity,
                     int latencyWarmup, int latencyCalls, int queryWarmup, int queries, int readMonths,
                     int appendRounds, int repeats, int proofWarmup, int proofs, Path chainJar, String chainRevision,
                     Path results, boolean keepSchema, String revision) {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    BenchSettings {
        positive("bench.events", events);
        positive("bench.readEvents", readEvents);
        positive("bench.subjects", subjects);
        positive("bench.actors", actors);
        positive("bench.producers", producers);
        positive("bench.baselineBatchSize", baselineBatchSize);
        positive("bench.latencyCalls", latencyCalls);
        positive("bench.queries", queries);
        positive("bench.readMonths", readMonths);
        positive("bench.appendRounds", appendRounds);
        positive("bench.repeats", repeats);
        positive("bench.proofs", proofs);
        if (appendRounds > events) {
            throw new BenchmarkException("bench.appendRounds (" + appendRounds + ") must not exceed bench.events (" + events + ")");
        }
        if (readEvents < subjects) {
            throw new BenchmarkException("bench.readEvents (" + readEvents + ") must be at least bench.subjects (" + subjects + ")");
        }
    }

    /** The settings of this JVM's system properties and environment. */
    static BenchSettings fromSystem() {
        boolean quick = Boolean.getBoolean("bench.quick");
        String url = env("HOHEIT_BENCH_PG_URL", DEFAULT_URL);
        String results = System.getProperty("bench.results");
        String chainJar = System.getProperty("bench.chainJar");
        return new BenchSettings(url, env("HOHEIT_BENCH_PG_USER", null), env("HOHEIT_BENCH_PG_PASSWORD", null), quick,
                size("bench.events", quick ? 50_000 : 1_000_000),
                size("bench.readEvents", quick ? 100_000 : 5_000_000),
                size("bench.subjects", quick ? 1_000 : 10_000),
                size("bench.actors", quick ? 100 : 1_000),
                size("bench.producers", 2),
                size("bench.batchSize", 500),
                size("bench.baselineBatchSize", 500),
                size("bench.bufferCapacity", 10_000),
                size("bench.latencyWarmup", quick ? 100 : 500),
                size("bench.latencyCalls", quick ? 500 : 2_000),
                size("bench.queryWarmup", quick ? 50 : 200),
                size("bench.queries", quick ? 200 : 1_000),
                size("bench.readMonths", 3),
                size("bench.appendRounds", quick ? 5 : 10),
                size("bench.repeats", 3),
                size("bench.proofWarmup", quick ? 100 : 500),
                size("bench.proofs", quick ? 500 : 5_000),
                chainJar == null || chainJar.isBlank() ? null : Path.of(chainJar).toAbsolutePath().normalize(),
                System.getProperty("bench.chainRevision", "unknown"),
                results == null || results.isBlank() ? null : Path.of(results).toAbsolutePath().normalize(),
                Boolean.getBoolean("bench.keepSchema"),
                System.getProperty("bench.revision", "unknown"));
    }

    /** The settings as readable lines, without secrets. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + (quick ? "quick (smoke run; at these sizes the verdicts mean little)" : "full"));
        lines.add("N (bench.events): " + count(events) + " events for append, verify and purge");
        lines.add("read benchmark (bench.readEvents): " + count(readEvents) + " events over " + count(subjects)
                + " subjects (bench.subjects), spread over " + readMonths + " months");
        lines.add("actors (bench.actors): " + count(actors) + "; producer threads (bench.producers): " + producers);
        lines.add("baseline JDBC batch (bench.baselineBatchSize): " + baselineBatchSize + " rows per commit");
        lines.add("audit batch size (bench.batchSize): " + batchSize + ", buffer (bench.bufferCapacity): " + count(bufferCapacity)
                + ", seal every 1,000 events (AuditConfig default)");
        lines.add("latency: " + count(latencyWarmup) + " warm-up + " + count(latencyCalls) + " measured calls each;"
                + " reads: " + count(queryWarmup) + " warm-up + " + count(queries) + " measured queries each");
        lines.add("append and its baselines: " + appendRounds + " rounds of N/" + appendRounds + " each (bench.appendRounds),"
                + " the three in rotating order");
        lines.add("chain baseline (bench.chainJar): " + (chainJar == null ? "none (not measured)"
                : "lib-audit 0.1 built from " + chainRevision + ", " + chainJar.getFileName()));
        lines.add("proofs: " + count(proofWarmup) + " warm-up + " + count(proofs) + " measured calls of each kind"
                + " (bench.proofWarmup, bench.proofs)");
        lines.add("verify: best of " + repeats + " alternating runs (bench.repeats)");
        return lines;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static int size(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new BenchmarkException("-D" + property + " must be a whole number, was '" + value + "'");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void positive(String property, int value) {
        if (value < 1) {
            throw new BenchmarkException(property + " must be positive, was " + value);
        }
    }
}
