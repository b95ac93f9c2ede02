package dev.hoheit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes of one run of {@link RetentionBenchmark}, from system properties ({@code -Dbench.notes=...});
 * the database, results file and quick mode come from {@link BenchSettings}.
 *
 * @param subjectEvents audit events about the exported person (half as actor, half as subject)
 * @param otherEvents audit events between other people, mixed in
 * @param notes the person's notes (~200-byte bodies)
 * @param otherNotes notes of other people in the same table
 * @param pictures the person's pictures
 * @param pictureBytes bytes of random content per picture
 * @param exportRepeats warm export calls (each against a baseline run, alternating which goes first)
 * @param heapSampleMicros how often the heap sampler reads the used heap
 * @param expiredRows rows past their retention period in the retention-run benchmark
 * @param keptRows rows within it (they must survive)
 * @param purgeBatch the retention service's batch size ({@code RetentionConfig.withBatchSize})
 */
record RetentionSettings(int subjectEvents, int otherEvents, int notes, int otherNotes, int pictures, int pictureBytes,
                         int exportRepeats, int heapSampleMicros, int expiredRows, int keptRows, int purgeBatch) {

    static RetentionSettings fromSystem(boolean quick) {
        return new RetentionSettings(
                BenchSettings.size("bench.subjectEvents", quick ? 10_000 : 100_000),
                BenchSettings.size("bench.otherEvents", quick ? 10_000 : 100_000),
                BenchSettings.size("bench.notes", quick ? 1_000 : 10_000),
                BenchSettings.size("bench.otherNotes", quick ? 9_000 : 90_000),
                BenchSettings.size("bench.pictures", quick ? 5 : 20),
                BenchSettings.size("bench.pictureBytes", 1 << 20),
                BenchSettings.size("bench.exportRepeats", quick ? 2 : 3),
                BenchSettings.size("bench.heapSampleMicros", 500),
                BenchSettings.size("bench.expiredRows", quick ? 50_000 : 1_000_000),
                BenchSettings.size("bench.keptRows", quick ? 1_000 : 10_000),
                BenchSettings.size("bench.purgeBatch", 10_000));
    }

    List<String> describe(boolean quick) {
        List<String> lines = new ArrayList<>();
        lines.add("mode: " + (quick ? "quick (smoke run; at these sizes the verdicts mean little)" : "full"));
        lines.add("the person's audit events (bench.subjectEvents): " + BenchSettings.count(subjectEvents)
                + " (half as actor, half as subject), mixed with " + BenchSettings.count(otherEvents)
                + " events between other people (bench.otherEvents)");
        lines.add("the person's notes (bench.notes): " + BenchSettings.count(notes) + " of 200 bytes, among "
                + BenchSettings.count(otherNotes) + " notes of others (bench.otherNotes)");
        lines.add("the person's pictures (bench.pictures): " + pictures + " of " + BenchSettings.count(pictureBytes)
                + " random bytes (bench.pictureBytes), in a bytea column");
        lines.add("export: 1 cold call to a file, then " + exportRepeats + " warm calls to a counting stream (bench.exportRepeats),"
                + " each alternating with its baseline; heap sampled every " + heapSampleMicros + " µs (bench.heapSampleMicros)");
        lines.add("retention run: " + BenchSettings.count(expiredRows) + " expired rows (bench.expiredRows) and "
                + BenchSettings.count(keptRows) + " kept rows (bench.keptRows); purge batch (bench.purgeBatch): "
                + BenchSettings.count(purgeBatch));
        return lines;
    }
}
