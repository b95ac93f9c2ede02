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
 * @param status {@code DONE}, {@code PENDING} (interrupted; the next run finishes it) or {@code FAILED}
 * @param error why it failed, if it did (no personal data)
 * @since 0.1
 */
public record StepReport(String category, String store, RetentionAction action, Instant cutoff, long affected,
                         String status, Optional<String> error) {
}
