package dev.hoheit.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the CPU time of a phase went: this JVM, the PostgreSQL server processes (when they run on
 * this machine and {@code /proc} shows them) and everything else on the machine. On a shared,
 * noisy machine the last figure says how much a phase was disturbed.
 */
final class CpuMeter {

    /** Linux reports process and machine CPU time in ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** CPU totals at one moment; -1 where a figure is not available. */
    record Sample(long wallNanos, long jvmNanos, long postgresNanos, long machineBusyNanos, long stolenNanos,
                  long threadNanos, long gcMillis, long jitMillis) {
    }

    /** CPU time used over one or more phases; -1 where a figure is not available. */
    record Usage(long wallNanos, long jvmNanos, long postgresNanos, long machineBusyNanos, long stolenNanos,
                 long threadNanos, long gcMillis, long jitMillis) {

        static final Usage NONE = new Usage(0, 0, 0, 0, 0, 0, 0, 0);

        static Usage between(Sample from, Sample to) {
            return new Usage(to.wallNanos() - from.wallNanos(), to.jvmNanos() - from.jvmNanos(),
                    diff(from.postgresNanos(), to.postgresNanos()), diff(from.machineBusyNanos(), to.machineBusyNanos()),
                    diff(from.stolenNanos(), to.stolenNanos()), diff(from.threadNanos(), to.threadNanos()),
                    diff(from.gcMillis(), to.gcMillis()), diff(from.jitMillis(), to.jitMillis()));
        }

        Usage plus(Usage other) {
            return new Usage(wallNanos + other.wallNanos, jvmNanos + other.jvmNanos, sum(postgresNanos, other.postgresNanos),
                    sum(machineBusyNanos, other.machineBusyNanos), sum(stolenNanos, other.stolenNanos),
                    sum(threadNanos, other.threadNanos), sum(gcMillis, other.gcMillis), sum(jitMillis, other.jitMillis));
        }

        private static long diff(long from, long to) {
            return from < 0 || to < 0 ? -1 : to - from;
        }

        private static long sum(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Totals now; {@code threadName} (may be null) picks the live threads whose CPU time is included. */
    Sample sample(String threadName) {
        long[] machine = machineNanos();
        long gc = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, collector.getCollectionTime());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return new Sample(System.nanoTime(), os.getProcessCpuTime(), postgresNanos(), machine[0], machine[1],
                threadNanos(threadName), gc, jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1);
    }

    /** A readable breakdown between two samples. */
    String describe(Sample from, Sample to, String threadLabel) {
        return describe(Usage.between(from, to), threadLabel);
    }

    /**
     * A readable breakdown in cores (CPU seconds per wall second): this JVM (and the thread named
     * {@code threadLabel}, if sampled), the PostgreSQL server processes, everything else on the machine.
     */
    String describe(Usage usage, String threadLabel) {
        double wall = usage.wallNanos();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "CPU in cores (CPU s per wall s, over %.1f s): JVM %.2f",
                wall / 1e9, usage.jvmNanos() / wall));
        if (threadLabel != null && usage.threadNanos() >= 0) {
            text.append(String.format(Locale.ROOT, " (%s %.2f)", threadLabel, usage.threadNanos() / wall));
        }
        long others = usage.machineBusyNanos() - usage.jvmNanos();
        if (usage.postgresNanos() >= 0) {
            others -= usage.postgresNanos();
            text.append(String.format(Locale.ROOT, ", PostgreSQL server processes %.2f", usage.postgresNanos() / wall));
        } else {
            text.append(", PostgreSQL server n/a (not visible in /proc)");
        }
        if (usage.machineBusyNanos() >= 0) {
            text.append(String.format(Locale.ROOT, ", everything else (other processes, kernel threads) %.2f,"
                            + " stolen by the hypervisor %.2f; %d cores", Math.max(0, others) / wall,
                    Math.max(0, usage.stolenNanos()) / wall, Runtime.getRuntime().availableProcessors()));
        }
        text.append(String.format(Locale.ROOT, "; JVM garbage collection %.1f s, JIT compilation %.1f s (summed over threads)",
                usage.gcMillis() / 1e3, usage.jitMillis() / 1e3));
        return text.toString();
    }

    /** CPU time of the calling thread so far. */
    long currentThreadNanos() {
        return threads.getCurrentThreadCpuTime();
    }

    /** CPU time of every live thread named {@code name}, summed (both audit logs of the append benchmark name their writer alike). */
    private long threadNanos(String name) {
        if (name == null) {
            return -1;
        }
        long nanos = -1;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                nanos = Math.max(0, nanos) + Math.max(0, threads.getThreadCpuTime(thread.threadId()));
            }
        }
        return nanos;
    }

    private static long postgresNanos() {
        long ticks = 0;
        boolean seen = false;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long[] times = processTicks(process.resolve("stat"), "postgres");
                if (times != null) {
                    ticks += times[0] + times[1];
                    seen = true;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return seen ? ticks * NANOS_PER_TICK : -1;
    }

    /** utime and stime of a process named {@code command}, or null. */
    private static long[] processTicks(Path stat, String command) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < 0 || !line.substring(open + 1, close).equals(command)) {
                return null;
            }
            String[] fields = line.substring(close + 2).split(" ");
            // fields[0] is the state (field 3 of the file), so utime (14) and stime (15) are at 11 and 12.
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return null; // the process ended meanwhile, or is not ours to read
        }
    }

    /** Busy (user, nice, system, irq, softirq) and stolen CPU time of the whole machine, or -1s. */
    private static long[] machineNanos() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] fields = lines.get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 7; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return new long[] {busy * NANOS_PER_TICK, Long.parseLong(fields[8]) * NANOS_PER_TICK};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }
}
