package dev.hoheit.audit;

import java.util.regex.Pattern;

/** Argument checks of the API records. */
final class Checks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]+");

    private Checks() {
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }

    static String token(String field, String value, int maxLength) {
        String text = text(field, value, maxLength);
        if (!TOKEN.matcher(text).matches()) {
            throw invalid(field + " '" + text + "' may only contain letters, digits and . _ : @ -");
        }
        return text;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    static AuditException invalid(String message) {
        return new AuditException(AuditException.Problem.INVALID_ARGUMENT, message);
    }
}
