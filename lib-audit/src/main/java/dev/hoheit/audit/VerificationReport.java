package dev.hoheit.audit;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link AuditLog#verify}: which part of the log was checked and what was wrong.
 *
 * @param firstSeq the first retained position (0 for an empty log)
 * @param lastSeq the last position
 * @param eventsChecked how many entries were re-hashed against the tree
 * @param checkpointsChecked how many checkpoints were checked (stored and supplied)
 * @param findings the problems, in log order; empty means the log verifies
 * @param took how long it took
 * @since 0.1
 */
public record VerificationReport(long firstSeq, long lastSeq, long eventsChecked, int checkpointsChecked,
                                 List<Finding> findings, Duration took) {

    /** Copies the list. */
    public VerificationReport {
        findings = List.copyOf(findings);
    }

    /** Whether no problem was found. */
    public boolean ok() {
        return findings.isEmpty();
    }

    /** A readable multi-line report. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(ok() ? "OK" : "FAILED").append(": audit log ")
                .append(firstSeq).append("..").append(lastSeq).append(", ")
                .append(eventsChecked).append(" entries re-hashed, ")
                .append(checkpointsChecked).append(" checkpoints checked, ")
                .append(took.toMillis()).append(" ms\n");
        for (Finding finding : findings) {
            text.append("  ").append(finding).append('\n');
        }
        return text.toString();
    }
}
