package dev.hoheit.retention;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A legal hold: retention and erasure are suspended for {@link #subjects()}, or for everyone when
 * that set is empty, until the hold is lifted (GDPR Art. 17(3)(e)).
 *
 * @param id the hold's id
 * @param reason why (a court order, a pending complaint)
 * @param subjects the persons held; empty means everyone
 * @param placedAt when it was placed
 * @param liftedAt when it was lifted, if it was
 * @since 0.1
 */
public record LegalHold(UUID id, String reason, Set<String> subjects, Instant placedAt, Optional<Instant> liftedAt) {

    /** Copies the set. */
    public LegalHold {
        subjects = Set.copyOf(subjects);
    }

    /** Whether the hold is in force. */
    public boolean active() {
        return liftedAt.isEmpty();
    }

    /** Whether it holds everyone. */
    public boolean holdsEveryone() {
        return subjects.isEmpty();
    }
}
