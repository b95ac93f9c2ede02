package dev.hoheit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the figures were measured on: CPUs, memory, JDK, PostgreSQL and how busy the machine was. */
final class MachineInfo {

    private MachineInfo() {
    }

    static List<String> describe(BenchDatabase db) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("CPUs (nproc): " + Runtime.getRuntime().availableProcessors() + ", " + firstValue("/proc/cpuinfo", "model name"));
        lines.add("memory: " + memory() + ", load average at start: " + loadAverage());
        lines.add("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        lines.add("JDK: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version") + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        lines.add("PostgreSQL: " + db.text("SELECT version()"));
        lines.add("PostgreSQL settings: shared_buffers " + db.text("SHOW shared_buffers")
                + ", synchronous_commit " + db.text("SHOW synchronous_commit")
                + ", fsync " + db.text("SHOW fsync")
                + ", wal_level " + db.text("SHOW wal_level")
                + ", max_wal_size " + db.text("SHOW max_wal_size")
                + ", work_mem " + db.text("SHOW work_mem")
                + ", autovacuum " + db.text("SHOW autovacuum"));
        return lines;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static String memory() {
        String total = firstValue("/proc/meminfo", "MemTotal");
        try {
            long kib = Long.parseLong(total.replace("kB", "").strip());
            return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return total;
        }
    }

    private static String firstValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
                    return line.substring(colon + 1).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux, or not readable: say so below.
        }
        return "n/a";
    }
}
