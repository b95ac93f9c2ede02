package dev.hoheit.retention.spi;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.transaction.internal.Checks;

/** The argument checks of the API records: a failure is a {@link RetentionException.Problem#INVALID_ARGUMENT}. */
final class Arguments {

    static final Checks CHECKS = new Checks(message -> new RetentionException(RetentionException.Problem.INVALID_ARGUMENT, message));

    private Arguments() {
    }

    /** A store or category name: lower-case letters, digits and {@code -}, starting with a letter or digit. */
    static String name(String field, String value) {
        String name = CHECKS.text(field, value, 100);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw CHECKS.invalid(field + " '" + name + "' must be lower-case letters, digits and -");
        }
        return name;
    }
}
