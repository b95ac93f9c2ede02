package dev.hoheit.retention;

import static dev.hoheit.retention.Arguments.CHECKS;

import dev.hoheit.retention.spi.RetentionAction;
import java.time.Duration;

/**
 * How long a category of personal data is kept, and what happens then.
 *
 * @param category the data category, as stores declare it
 * @param maxAge the retention period
 * @param action what happens when it ends
 * @param reason why this period (shown to auditors), such as "usage log kept 12 months"
 * @since 0.1
 */
public record RetentionPolicy(String category, Duration maxAge, RetentionAction action, String reason) {

    /**
     * Validates the policy.
     *
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) for a missing
     *         category, period or action, or a period that is not positive
     */
    public RetentionPolicy {
        category = CHECKS.text("policy category", category, 100);
        CHECKS.positive("retention period of " + category, maxAge);
        CHECKS.required("policy action", action);
        reason = reason == null ? "" : reason.strip();
    }

    /** Records of {@code category} older than {@code maxAge} are deleted. */
    public static RetentionPolicy delete(String category, Duration maxAge, String reason) {
        return new RetentionPolicy(category, maxAge, RetentionAction.DELETE, reason);
    }

    /** Records of {@code category} older than {@code maxAge} are anonymised. */
    public static RetentionPolicy anonymise(String category, Duration maxAge, String reason) {
        return new RetentionPolicy(category, maxAge, RetentionAction.ANONYMISE, reason);
    }
}
