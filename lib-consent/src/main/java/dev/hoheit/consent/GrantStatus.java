package dev.hoheit.consent;

/**
 * The state of an access grant.
 *
 * @since 0.1
 */
public enum GrantStatus {
    /** Waiting for the subject to accept or decline. Gives no access. */
    PENDING,
    /** In force: the grantee may see the granted scopes. */
    ACTIVE,
    /** The subject declined. Final. */
    DECLINED,
    /** Ended by the subject, the grantee or the operator. Final. */
    REVOKED,
    /** Its expiry passed. Final. */
    EXPIRED;

    /** Whether nothing can change this grant any more. */
    public boolean isFinal() {
        return this == DECLINED || this == REVOKED || this == EXPIRED;
    }
}
