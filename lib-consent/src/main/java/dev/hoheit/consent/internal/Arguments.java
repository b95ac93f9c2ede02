package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import java.time.Instant;
import java.util.UUID;

/** Checks of plain arguments to service methods (the request records validate themselves). */
final class Arguments {

    private Arguments() {
    }

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > 200) {
            throw invalid(field + " is longer than 200 characters");
        }
        return stripped;
    }

    static String optionalReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        String stripped = reason.strip();
        if (stripped.length() > 500) {
            throw invalid("reason is longer than 500 characters");
        }
        return stripped;
    }

    static UUID uuid(String field, UUID value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    static Instant instant(String field, Instant value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    static ConsentException invalid(String message) {
        return new ConsentException(ConsentException.Problem.INVALID_ARGUMENT, message);
    }
}
