package dev.hoheit.retention;

import dev.hoheit.retention.internal.ReportRendering;
import java.time.Instant;
import java.util.List;

/**
 * The auditor's verification: every check made, with its result, and every finding with evidence.
 * Render it with {@link #toJson()} or {@link #toHtml()}.
 *
 * @param generatedAt when it was made
 * @param checks what was checked, one line each, such as "usage-log in audit: nothing older than 2025-11-22"
 * @param findings the problems; empty means nothing checked was wrong (see {@code notChecked})
 * @param recentRuns the latest retention runs
 * @param notChecked what could not be checked, and why, one line each, such as "no signed checkpoint yet";
 *                   a report without findings says "no findings" only about what was checked (since 0.2)
 * @since 0.1
 */
public record AuditorReport(Instant generatedAt, List<String> checks, List<AuditorFinding> findings, List<RunReport> recentRuns,
                            List<String> notChecked) {

    /** Copies the lists. */
    public AuditorReport {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        recentRuns = List.copyOf(recentRuns);
        notChecked = List.copyOf(notChecked);
    }

    /** A report with everything checked (the 0.1 shape). */
    public AuditorReport(Instant generatedAt, List<String> checks, List<AuditorFinding> findings, List<RunReport> recentRuns) {
        this(generatedAt, checks, findings, recentRuns, List.of());
    }

    /** Whether nothing was found in what was checked. */
    public boolean ok() {
        return findings.isEmpty();
    }

    /**
     * Whether everything could be checked: {@link #ok()} and complete is a clean bill; ok but not
     * complete means "nothing found in what could be checked", with {@link #notChecked()} saying what not.
     *
     * @since 0.2
     */
    public boolean complete() {
        return notChecked.isEmpty();
    }

    /** The report as JSON ({@code hoheit-auditor-report/1}). */
    public String toJson() {
        return ReportRendering.json(this);
    }

    /** The report as a self-contained, readable HTML page (no scripts, no external resources). */
    public String toHtml() {
        return ReportRendering.html(this);
    }
}
