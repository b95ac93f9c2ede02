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
 * @param findings the problems; empty means everything verified
 * @param recentRuns the latest retention runs
 * @since 0.1
 */
public record AuditorReport(Instant generatedAt, List<String> checks, List<AuditorFinding> findings, List<RunReport> recentRuns) {

    /** Copies the lists. */
    public AuditorReport {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
        recentRuns = List.copyOf(recentRuns);
    }

    /** Whether nothing was found. */
    public boolean ok() {
        return findings.isEmpty();
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
