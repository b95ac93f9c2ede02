package dev.hoheit.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Recorded durations of single calls, and their percentiles (nearest rank). */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** The {@code percent} percentile in milliseconds. */
    double millis(double percent) {
        if (count == 0) {
            throw new BenchmarkException("no latencies recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return millis(100);
    }

    /** "p50 1.23 ms, p99 4.56 ms, max 7.89 ms". */
    String summary() {
        return String.format(Locale.ROOT, "p50 %s ms, p99 %s ms, max %s ms (%d calls)",
                ms(millis(50)), ms(millis(99)), ms(maxMillis()), count);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
