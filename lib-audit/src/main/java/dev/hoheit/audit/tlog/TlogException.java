package dev.hoheit.audit.tlog;

import java.io.Serial;

/**
 * Bad transparency-log input: a malformed note, checkpoint, key, tile or request. The message names
 * the problem. Proof checks ({@code verify*} methods) return {@code false} instead of throwing.
 *
 * @since 0.2
 */
public class TlogException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is wrong with the input
     * @since 0.2
     */
    public TlogException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what is wrong with the input
     * @param cause the underlying failure
     * @since 0.2
     */
    public TlogException(String message, Throwable cause) {
        super(message, cause);
    }
}
