package dev.hoheit.consent;

/**
 * Who started an access grant. Only a grant the subject made themselves is active at once; any other
 * waits for the subject to accept it (nothing is shared without the subject's say).
 *
 * @since 0.1
 */
public enum GrantOrigin {
    /** The subject granted access themselves (a mentee inviting a mentor). Active at once. */
    SELF,
    /** The operator assigned the grantee (at account creation or for a course). Pending until the subject accepts. */
    ASSIGNED_BY_OPERATOR,
    /** The grantee asked for access (an employer asking an employee). Pending until the subject accepts. */
    REQUESTED_BY_GRANTEE
}
