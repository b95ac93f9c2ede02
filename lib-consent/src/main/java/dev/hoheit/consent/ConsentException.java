package dev.hoheit.consent;

import dev.hoheit.transaction.HoheitException;
import java.io.Serial;

/**
 * A consent operation failed. {@link #problem()} says what kind of failure it was; the message names
 * the offending value. When this is thrown, nothing of the failed operation was stored.
 *
 * @since 0.1
 */
public final class ConsentException extends HoheitException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of failure, so callers (an HTTP layer, say) can react without parsing messages. */
    public enum Problem {
        /** An argument is missing, blank, too long or otherwise malformed. */
        INVALID_ARGUMENT,
        /** No purpose with the given id is defined. */
        UNKNOWN_PURPOSE,
        /** No notice with the given purpose, version and language exists. */
        UNKNOWN_NOTICE,
        /** No decision with the given id exists. */
        UNKNOWN_DECISION,
        /** No access grant with the given id exists. */
        UNKNOWN_GRANT,
        /** An expiry lies in the past (or at the present instant). */
        EXPIRY_IN_PAST,
        /** The operation does not fit the current state (withdrawing what was never granted, accepting a revoked grant...). */
        ILLEGAL_STATE,
        /** A definition clashes with an existing one (a purpose redefined differently). */
        CONFLICT,
        /** The operation was stored, but a listener failed afterwards. */
        LISTENER_FAILED,
        /** The database failed; the operation was rolled back. */
        STORAGE,
        /**
         * The database is not one the library supports (see the message for the supported ones); found
         * before anything was written to it.
         * @since 0.2
         */
        UNSUPPORTED_DATABASE,
        /**
         * The jOOQ or Flyway on the path is older than the library needs; the message names the versions
         * found and needed.
         * @since 0.2
         */
        INCOMPATIBLE_DEPENDENCY,
        /**
         * The service was created without migration and its schema is not at the version the library
         * needs (tables or columns missing); the message names them. Run {@link ConsentSchema#scripts}
         * (or {@link ConsentSchema#migrate}) first.
         * @since 0.2
         */
        SCHEMA_MISMATCH
    }

    /**
     * Creates an exception.
     *
     * @param problem the kind of failure
     * @param message what went wrong, naming the offending value (never personal data beyond ids)
     */
    public ConsentException(Problem problem, String message) {
        super(problem, message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param problem the kind of failure
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ConsentException(Problem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }

    /** The kind of failure. */
    @Override
    public Problem problem() {
        return (Problem) super.problem();
    }
}
