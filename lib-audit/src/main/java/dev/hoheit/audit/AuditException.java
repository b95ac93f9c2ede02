package dev.hoheit.audit;

import dev.hoheit.transaction.HoheitException;
import java.io.Serial;

/**
 * An audit operation failed. {@link #problem()} says what kind of failure; the message names the
 * offending value. A failed durable append was not stored (the caller must not treat it as logged).
 *
 * @since 0.1
 */
public final class AuditException extends HoheitException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Problem {
        /** An argument is missing, blank, too long or unknown (such as an unknown action). */
        INVALID_ARGUMENT,
        /** The database failed; nothing of the operation was stored. */
        STORAGE,
        /** A key or signature operation failed (wrong master key, damaged key material). */
        CRYPTO,
        /**
         * The stored log does not extend what this log signed before (rolled back, truncated or
         * rewritten), or does not start where its recorded purges end: the operation was refused
         * so that nothing covers the damage up. Run a verification for the details.
         *
         * @since 0.2
         */
        TAMPERED,
        /** The log is closed. */
        CLOSED,
        /** The caller was interrupted while waiting. */
        INTERRUPTED,
        /**
         * An entry was not integrated in the time the caller waited (no integrator running, or one
         * far behind). The entry is durable and will be integrated; only the wait ended.
         *
         * @since 0.2
         */
        TIMEOUT,
        /**
         * The call cannot succeed in the current state: it waits for integration inside the
         * caller's open transaction (which must commit first), or for an appended event that is
         * not committed (its transaction rolled back or is still open).
         *
         * @since 0.2
         */
        INVALID_STATE,
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
         * The log was created without migration and its schema is not at the version the library
         * needs (tables or columns missing); the message names them. Run {@link AuditSchema#scripts}
         * (or {@link AuditSchema#migrate}) first.
         * @since 0.2
         */
        SCHEMA_MISMATCH
    }

    /**
     * Creates an exception.
     *
     * @param problem the kind of failure
     * @param message what went wrong
     */
    public AuditException(Problem problem, String message) {
        super(problem, message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param problem the kind of failure
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AuditException(Problem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }

    /** The kind of failure. */
    @Override
    public Problem problem() {
        return (Problem) super.problem();
    }
}
