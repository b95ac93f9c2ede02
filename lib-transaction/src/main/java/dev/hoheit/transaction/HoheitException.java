package dev.hoheit.transaction;

import java.io.Serial;
import java.util.Objects;

/**
 * The base of the Hoheit libraries' exceptions ({@code ConsentException}, {@code AuditException},
 * {@code RetentionException}): unchecked, with a {@link #problem()} from the library's own
 * {@code Problem} enum, which each subclass returns with its own type. A host that handles the three
 * alike (an HTTP layer mapping them to status codes, say) can catch this one type.
 *
 * @since 0.2
 */
public abstract class HoheitException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Enum<?> problem;

    /**
     * Creates an exception without a cause.
     *
     * @param problem the kind of failure, from the library's {@code Problem} enum
     * @param message what went wrong, naming the offending value (never personal data beyond ids)
     */
    protected HoheitException(Enum<?> problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * Creates an exception with a cause.
     *
     * @param problem the kind of failure, from the library's {@code Problem} enum
     * @param message what went wrong, naming the offending value (never personal data beyond ids)
     * @param cause the underlying failure, or null
     */
    protected HoheitException(Enum<?> problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The kind of failure; each library's subclass narrows it to its own {@code Problem} enum. */
    public Enum<?> problem() {
        return problem;
    }
}
