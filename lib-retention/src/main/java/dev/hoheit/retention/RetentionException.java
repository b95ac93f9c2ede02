package dev.hoheit.retention;

import dev.hoheit.transaction.HoheitException;
import java.io.Serial;

/**
 * A retention operation failed; {@link #problem()} says how.
 *
 * @since 0.1
 */
public final class RetentionException extends HoheitException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The kinds of failure. */
    public enum Problem {
        /** An argument is missing or malformed. */
        INVALID_ARGUMENT,
        /** The configuration contradicts itself (two stores with one name, a policy for an unknown category). */
        INVALID_CONFIGURATION,
        /** A legal hold forbids the operation. */
        LEGAL_HOLD,
        /** A runner is already running in this database. */
        ALREADY_RUNNING,
        /** The database failed. */
        STORAGE,
        /** Writing an export failed. */
        EXPORT,
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
         * needs (tables or columns missing); the message names them. Run {@link RetentionSchema#scripts}
         * (or {@link RetentionSchema#migrate}) first.
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
    public RetentionException(Problem problem, String message) {
        super(problem, message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param problem the kind of failure
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public RetentionException(Problem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }

    /** The kind of failure. */
    @Override
    public Problem problem() {
        return (Problem) super.problem();
    }
}
