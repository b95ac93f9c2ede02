package dev.hoheit.transaction;

/**
 * A library write could not be bound to a transaction as its {@link Transactions} setting asks: the
 * caller has no transaction open where one is mandatory, or the caller's connection is in auto-commit
 * mode (so there is no transaction to join). Nothing was written.
 *
 * @since 0.2
 */
public final class TransactionBindingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, in a sentence
     */
    public TransactionBindingException(String message) {
        super(message);
    }
}
