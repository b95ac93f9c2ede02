package dev.hoheit.retention;

import dev.hoheit.transaction.internal.Checks;

/** The argument checks of the API records: a failure is a {@link RetentionException.Problem#INVALID_ARGUMENT}. */
final class Arguments {

    static final Checks CHECKS = new Checks(message -> new RetentionException(RetentionException.Problem.INVALID_ARGUMENT, message));

    private Arguments() {
    }
}
