package dev.hoheit.consent;

/**
 * Hears about withdrawals and revocations after they are stored, on the thread that recorded them.
 * The app deletes an account when a required consent is withdrawn, and ends a mentor's access
 * views when a grant is revoked.
 *
 * <p>A listener that throws does not undo the stored decision; the caller gets a
 * {@link ConsentException} with {@link ConsentException.Problem#LISTENER_FAILED}.
 *
 * <p>When the service joins the caller's transaction ({@code ConsentConfig.withTransactions}),
 * "stored" means written in that transaction, not yet committed: the listener runs inside it,
 * before the caller commits, so what it writes on the same transaction commits or rolls back
 * together with the decision (the app deletes the account in the request that withdrew the
 * required consent). A listener that must act only on committed decisions, such as one sending
 * mail, registers its action with the caller's framework to run after the commit.
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
