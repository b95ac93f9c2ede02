package dev.hoheit.consent;

/**
 * Hears about withdrawals and revocations after they are stored, on the thread that recorded them.
 * The app deletes an account when a required consent is withdrawn (R18), and ends a mentor's access
 * views when a grant is revoked.
 *
 * <p>A listener that throws does not undo the stored decision; the caller gets a
 * {@link ConsentException} with {@link ConsentException.Problem#LISTENER_FAILED}.
 *
 * @since 0.1
 */
public interface ConsentListener {

    /**
     * A consent was withdrawn.
     *
     * @param withdrawal the stored withdrawal
     * @param purpose the purpose withdrawn; {@link Purpose#required()} tells whether the account depends on it
     */
    default void onWithdrawn(Decision withdrawal, Purpose purpose) {
    }

    /**
     * An access grant was revoked.
     *
     * @param grant the grant, now {@link GrantStatus#REVOKED}
     * @param revocation the stored step
     */
    default void onRevoked(AccessGrant grant, GrantEvent revocation) {
    }
}
