package dev.hoheit.consent;

import dev.hoheit.transaction.internal.Checks;

/** The argument checks of the API records: a failure is a {@link ConsentException.Problem#INVALID_ARGUMENT}. */
final class Arguments {

    static final Checks CHECKS = new Checks(message -> new ConsentException(ConsentException.Problem.INVALID_ARGUMENT, message));

    private Arguments() {
    }
}
