package dev.hoheit.transaction;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a library service runs its writes: the explicit choice a host makes for each service.
 *
 * <ul>
 *   <li>{@link #own()} (the default): every write is a transaction of the library's own, on a
 *       connection it takes from its {@code DataSource}, committed before the call returns.</li>
 *   <li>{@link #joining(CallerTransaction)}: a write joins the transaction the caller has open on the
 *       current thread, so it commits or rolls back with the caller's own writes; when the caller has
 *       none open, the write runs in a transaction of its own.</li>
 *   <li>{@link #mandatory(CallerTransaction)}: like joining, but a write without an open caller
 *       transaction is refused ({@link TransactionBindingException}), for hosts that want every
 *       library write to be part of one of theirs.</li>
 * </ul>
 *
 * <p>Reads follow the same binding: inside the caller's transaction they run on its connection and
 * see its uncommitted writes; otherwise on a pooled connection.
 *
 * @since 0.2
 */
public final class Transactions {

    /** How writes are bound. */
    public enum Mode {
        /** Every write in a transaction of the library's own. */
        OWN,
        /** Writes join the caller's transaction when one is open, else run in their own. */
        JOIN,
        /** Writes join the caller's transaction; without one they are refused. */
        MANDATORY
    }

    private static final Transactions OWN = new Transactions(Mode.OWN, null);

    private final Mode mode;
    private final CallerTransaction caller;

    private Transactions(Mode mode, CallerTransaction caller) {
        this.mode = mode;
        this.caller = caller;
    }

    /**
     * Every write in a transaction of the library's own.
     *
     * @return the setting
     */
    public static Transactions own() {
        return OWN;
    }

    /**
     * Writes join the caller's transaction when one is open on the current thread, else run in their own.
     *
     * @param caller where the caller's transaction is found
     * @return the setting
     */
    public static Transactions joining(CallerTransaction caller) {
        return new Transactions(Mode.JOIN, Objects.requireNonNull(caller, "caller transaction must not be null"));
    }

    /**
     * Writes join the caller's transaction; a write without one open is refused.
     *
     * @param caller where the caller's transaction is found
     * @return the setting
     */
    public static Transactions mandatory(CallerTransaction caller) {
        return new Transactions(Mode.MANDATORY, Objects.requireNonNull(caller, "caller transaction must not be null"));
    }

    /**
     * The binding.
     *
     * @return how writes are bound
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Where the caller's transaction is found.
     *
     * @return the caller transaction, empty for {@link Mode#OWN}
     */
    public Optional<CallerTransaction> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public String toString() {
        return "Transactions." + mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
