package dev.hoheit.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An access grant with its current status.
 *
 * @param id unique id
 * @param subjectId whose data is shared
 * @param granteeId who may see it
 * @param granteeRole the grantee's role in this relation
 * @param scopes what may be seen
 * @param origin who started it
 * @param createdBy the actor who made the request
 * @param createdAt when it was made
 * @param expiresAt when it lapses, if it does
 * @param status the status now
 * @param statusSince when the status was reached
 * @since 0.1
 */
public record AccessGrant(UUID id, String subjectId, String granteeId, String granteeRole, Set<String> scopes,
                          GrantOrigin origin, String createdBy, Instant createdAt, Optional<Instant> expiresAt,
                          GrantStatus status, Instant statusSince) {

    /** Copies the scopes. */
    public AccessGrant {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the grant is active and covers {@code scope}. */
    public boolean allows(String scope) {
        return status == GrantStatus.ACTIVE && scopes.contains(scope);
    }
}
