package dev.hoheit.audit.tlog;

import java.io.Serial;

/**
 * Bad input to a transparency-log primitive: a negative index, an index outside the tree, a
 * malformed path or bundle, a hash of the wrong length. The message names the problem.
 *
 * <p>It is sealed rather than final so that {@link TileMissingException} can say which tile is missing.
 *
 * @since 0.2
 */
public sealed class TlogException extends RuntimeException permits TileMissingException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong
     * @since 0.2
     */
    public TlogException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what is wrong
     * @param cause the underlying failure
     * @since 0.2
     */
    public TlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
