package dev.hoheit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: a table of lib-audit figures against their same-run baselines, and per
 * benchmark the details behind them. Rendered for the console and as Markdown.
 */
final class Report {

    /** Whether a figure met its target; {@code NONE} when it has no target. */
    enum Verdict {
        MET("met"), MISSED("MISSED"), NONE("-");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** One line of the results table. The ratio is always the library's figure divided by the baseline figure. */
    record Row(String benchmark, String measure, String audit, String baseline, String ratio, String target, Verdict verdict) {
    }

    private final String[] headers;
    private final String library;
    private final String title;
    private final List<String> machine = new ArrayList<>();
    private final List<String> settings = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> details = new LinkedHashMap<>();

    Report(String title) {
        this(title, "lib-audit");
    }

    /** A report whose figures are those of {@code library} (the column heading and the ratio's name). */
    Report(String title, String library) {
        this.title = title;
        this.library = library;
        this.headers = new String[] {"Benchmark", "Measure", library, "Baseline (same run)",
                "Ratio " + library + " / baseline", "Target", "Verdict"};
    }

    void machine(String line) {
        machine.add(line);
    }

    void setting(String line) {
        settings.add(line);
    }

    void row(Row row) {
        rows.add(row);
    }

    /** A detail line under a benchmark's heading (headings appear in the order first used). */
    void detail(String benchmark, String line) {
        details.computeIfAbsent(benchmark, k -> new ArrayList<>()).add(line);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    static String ratio(double audit, double baseline, boolean higherIsBetter) {
        if (baseline <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f (%s is better)", audit / baseline, higherIsBetter ? "higher" : "lower");
    }

    static String perSecond(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", value, unit);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.3f s" : "%.1f s", seconds);
    }

    /** Fixed-width text for the console. */
    String console() {
        List<String[]> cells = new ArrayList<>();
        cells.add(headers);
        for (Row row : rows) {
            cells.add(cells(row));
        }
        int[] widths = new int[headers.length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder("\n").append(title).append("\n\n");
        machine.forEach(line -> text.append("  ").append(line).append('\n'));
        settings.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append('\n');
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", line[i]));
            }
            text.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    text.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                text.append('\n');
            }
        }
        for (Map.Entry<String, List<String>> section : details.entrySet()) {
            text.append('\n').append(section.getKey()).append('\n');
            section.getValue().forEach(line -> text.append("  - ").append(line).append('\n'));
        }
        return text.toString();
    }

    /** The Markdown document. */
    String markdown(String generatedBy) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append(generatedBy).append("\n\n");
        md.append("## Machine\n\n");
        machine.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Sizes and settings\n\n");
        settings.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## Results\n\n");
        md.append("Every ratio is the " + library + " figure divided by the baseline figure measured in the same run.\n\n");
        md.append('|');
        for (String header : headers) {
            md.append(' ').append(header).append(" |");
        }
        md.append("\n|").append("---|".repeat(headers.length)).append('\n');
        for (Row row : rows) {
            md.append('|');
            for (String cell : cells(row)) {
                md.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            md.append('\n');
        }
        List<Row> missed = rows.stream().filter(row -> row.verdict() == Verdict.MISSED).toList();
        md.append('\n');
        if (missed.isEmpty()) {
            md.append("All targets were met in this run.\n");
        } else {
            md.append("**Targets missed in this run:**\n\n");
            for (Row row : missed) {
                md.append("- ").append(row.benchmark()).append(", ").append(row.measure()).append(": measured ")
                        .append(row.audit()).append(", target ").append(row.target()).append('\n');
            }
        }
        md.append("\n## Details\n");
        for (Map.Entry<String, List<String>> section : details.entrySet()) {
            md.append("\n### ").append(section.getKey()).append("\n\n");
            section.getValue().forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return md.toString();
    }

    void writeMarkdown(Path file, String generatedBy) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(generatedBy));
    }

    private static String[] cells(Row row) {
        return new String[] {row.benchmark(), row.measure(), row.audit(), row.baseline(), row.ratio(), row.target(),
                row.verdict().text};
    }
}
