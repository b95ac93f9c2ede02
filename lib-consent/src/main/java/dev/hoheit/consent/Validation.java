package dev.hoheit.consent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Argument checks shared by the API records. Failures are {@link ConsentException}s naming the field. */
final class Validation {

    /** Ids and names: letters, digits and {@code . _ : @ -}, no spaces. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]+");

    private Validation() {
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

    static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    static String token(String field, String value, int maxLength) {
        String text = text(field, value, maxLength);
        if (!TOKEN.matcher(text).matches()) {
            throw invalid(field + " '" + text + "' may only contain letters, digits and . _ : @ -");
        }
        return text;
    }

    static Set<String> tokens(String field, Collection<String> values, int maxLength) {
        if (values == null) {
            return Set.of();
        }
        Set<String> result = new TreeSet<>();
        for (String value : values) {
            result.add(token(field, value, maxLength));
        }
        return Set.copyOf(result);
    }

    static List<String> texts(String field, Collection<String> values, int maxLength) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> text(field, value, maxLength)).toList();
    }

    static Instant notNull(String field, Instant value) {
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
