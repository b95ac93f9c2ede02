package dev.hoheit.consent;

/**
 * The state of a subject's consent to a purpose at some instant, derived from the decisions.
 *
 * @since 0.1
 */
public enum ConsentStatus {
    /** Granted and not expired. */
    GRANTED,
    /** Refused at the last decision. */
    REFUSED,
    /** Withdrawn at the last decision. */
    WITHDRAWN,
    /** Granted with an expiry that has passed. */
    EXPIRED,
    /** No decision recorded yet. */
    UNDECIDED;

    /** Whether processing under this purpose is allowed. */
    public boolean isGranted() {
        return this == GRANTED;
    }
}
