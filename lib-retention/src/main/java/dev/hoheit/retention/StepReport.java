package dev.hoheit.retention;

import dev.hoheit.retention.spi.RetentionAction;
import java.time.Instant;
import java.util.Optional;

/**
 * What one store did for one policy in a run.
 *
 * @param category the policy's category
 * @param store the store
 * @param action the action applied
 * @param cutoff records older than this were due
 * @param affected how many records were affected
 * @param status where the step stands
 * @param error why it failed, if it did (no personal data)
 * @since 0.1
 */
public record StepReport(String category, String store, RetentionAction action, Instant cutoff, long affected,
                         Status status, Optional<String> error) {

    /**
     * Where a step stands.
     *
     * @since 0.2
     */
    public enum Status {
        /** Started but not finished (the run was interrupted; the next run finishes it). */
        PENDING,
        /** Every due record was deleted or anonymised. */
        DONE,
        /** The store failed; see {@link StepReport#error()}. */
        FAILED,
        /** Skipped: a legal hold holds everyone. */
        HELD
    }
}
