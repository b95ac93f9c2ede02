package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import java.time.Instant;
import java.util.Set;

/**
 * An access grant about to be made: {@code subjectId} lets {@code granteeId} see {@code scopes}.
 *
 * <pre>{@code
 * GrantRequest.of("mentee-42", "mentor-7", "mentor", Set.of("smoff-time", "plans", "pictures"))
 *         .assignedBy("operator-1");
 * }</pre>
 *
 * @param subjectId whose data is shared
 * @param granteeId who may see it
 * @param granteeRole the grantee's role in this relation, such as {@code mentor} or {@code smoff-time-mentor}
 * @param scopes what may be seen, such as {@code smoff-time}, {@code plans}, {@code pictures}
 * @param origin who started it
 * @param requestedBy the actor who made the request (the subject for {@link GrantOrigin#SELF})
 * @param expiresAt when the grant lapses by itself, or null
 * @since 0.1
 */
public record GrantRequest(String subjectId, String granteeId, String granteeRole, Set<String> scopes,
                           GrantOrigin origin, String requestedBy, Instant expiresAt) {

    /** Validates the request (the expiry is checked against the clock when made). */
    public GrantRequest {
        subjectId = CHECKS.text("subject id", subjectId, 200);
        granteeId = CHECKS.text("grantee id", granteeId, 200);
        if (subjectId.equals(granteeId)) {
            throw CHECKS.invalid("a subject cannot grant access to themselves");
        }
        granteeRole = CHECKS.token("grantee role", granteeRole, 64);
        scopes = CHECKS.tokens("scope", scopes, 64);
        if (scopes.isEmpty()) {
            throw CHECKS.invalid("a grant needs at least one scope");
        }
        origin = CHECKS.required("origin", origin);
        requestedBy = CHECKS.text("requested by", requestedBy, 200);
        if (origin == GrantOrigin.SELF && !requestedBy.equals(subjectId)) {
            throw CHECKS.invalid("a self-made grant must be requested by its subject");
        }
    }

    /** The subject grants access themselves. */
    public static GrantRequest of(String subjectId, String granteeId, String granteeRole, Set<String> scopes) {
        return new GrantRequest(subjectId, granteeId, granteeRole, scopes, GrantOrigin.SELF, subjectId, null);
    }

    /** The same grant, assigned by the operator {@code operatorId} instead (pending until the subject accepts). */
    public GrantRequest assignedBy(String operatorId) {
        return new GrantRequest(subjectId, granteeId, granteeRole, scopes, GrantOrigin.ASSIGNED_BY_OPERATOR, operatorId, expiresAt);
    }

    /** The same grant, requested by the grantee instead (pending until the subject accepts). */
    public GrantRequest requestedByGrantee() {
        return new GrantRequest(subjectId, granteeId, granteeRole, scopes, GrantOrigin.REQUESTED_BY_GRANTEE, granteeId, expiresAt);
    }

    /** The same grant, lapsing at {@code instant}. */
    public GrantRequest until(Instant instant) {
        return new GrantRequest(subjectId, granteeId, granteeRole, scopes, origin, requestedBy, instant);
    }
}
