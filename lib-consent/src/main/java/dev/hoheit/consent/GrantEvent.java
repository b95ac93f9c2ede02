package dev.hoheit.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step in the history of an access grant (made, accepted, declined, revoked).
 *
 * @param grantId the grant
 * @param status the status it entered
 * @param actorId who took the step
 * @param at when
 * @param reason why, if given
 * @since 0.1
 */
public record GrantEvent(UUID grantId, GrantStatus status, String actorId, Instant at, Optional<String> reason) {
}
