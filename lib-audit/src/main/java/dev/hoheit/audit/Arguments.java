package dev.hoheit.audit;

import dev.hoheit.transaction.internal.Checks;

/** The argument checks of the API records: a failure is a {@link AuditException.Problem#INVALID_ARGUMENT}. */
final class Arguments {

    static final Checks CHECKS = new Checks(message -> new AuditException(AuditException.Problem.INVALID_ARGUMENT, message));

    private Arguments() {
    }
}
