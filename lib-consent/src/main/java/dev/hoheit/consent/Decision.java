package dev.hoheit.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A recorded decision: immutable proof of who decided what, about which exact notice, when and how.
 *
 * @param id unique id, also the id of its receipts
 * @param subjectId the person who decided
 * @param sequence position among this subject's decisions (1, 2, 3...), in commit order
 * @param notice the exact notice the decision refers to
 * @param choice what was decided
 * @param subjectRole the subject's role at the time
 * @param method how it was expressed
 * @param decidedAt when, from the service's clock
 * @param expiresAt when a grant lapses, if it does
 * @param evidence channel and user agent, if given
 * @since 0.1
 */
public record Decision(UUID id, String subjectId, long sequence, NoticeRef notice, Choice choice, String subjectRole,
                       String method, Instant decidedAt, Optional<Instant> expiresAt, Optional<Evidence> evidence) {

    /** The purpose decided about. */
    public String purposeId() {
        return notice.purposeId();
    }

    /** The status this decision gives its purpose at {@code instant} (expired grants count as expired). */
    public ConsentStatus statusAt(Instant instant) {
        return switch (choice) {
            case GRANTED -> expiresAt.filter(expiry -> !expiry.isAfter(instant)).isPresent()
                    ? ConsentStatus.EXPIRED : ConsentStatus.GRANTED;
            case REFUSED -> ConsentStatus.REFUSED;
            case WITHDRAWN -> ConsentStatus.WITHDRAWN;
        };
    }
}
