package dev.hoheit.audit;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link AuditLog#verify}: which part of the chain was checked and what was wrong.
 *
 * @param firstSeq the first retained position (0 for an empty log)
 * @param lastSeq the last position
 * @param eventsChecked how many events were re-hashed
 * @param checkpointsChecked how many checkpoints were compared (stored and supplied)
 * @param findings the problems, in chain order; empty means the log verifies
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
        text.append(ok() ? "OK" : "FAILED").append(": audit chain ")
                .append(firstSeq).append("..").append(lastSeq).append(", ")
                .append(eventsChecked).append(" events re-hashed, ")
                .append(checkpointsChecked).append(" checkpoints compared, ")
                .append(took.toMillis()).append(" ms\n");
        for (Finding finding : findings) {
            text.append("  ").append(finding).append('\n');
        }
        return text.toString();
    }
}
