package dev.hoheit.retention;

import java.util.Map;

/**
 * One problem the auditor's verification found, with its evidence.
 *
 * @param kind what is wrong
 * @param subject what it concerns (a store and category, an erasure id, the audit log)
 * @param message a plain description
 * @param evidence the facts behind it (times, counts, positions); never personal data
 * @since 0.1
 */
public record AuditorFinding(Kind kind, String subject, String message, Map<String, String> evidence) {

    /** Kinds of finding. */
    public enum Kind {
        /** Records older than their retention period remain. */
        RETENTION_OVERDUE,
        /** The audit log does not verify. */
        AUDIT_LOG_BROKEN,
        /** An erasure has not completed in every store. */
        ERASURE_INCOMPLETE,
        /** A scheduled retention run did not happen. */
        RUN_MISSED,
        /** A retention run failed. */
        RUN_FAILED
    }

    /** Copies the map. */
    public AuditorFinding {
        evidence = Map.copyOf(evidence);
    }
}
