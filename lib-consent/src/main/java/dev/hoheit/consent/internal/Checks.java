package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Argument checks for the API records and the service methods, in one place. A failure is a
 * {@link ConsentException} with {@link ConsentException.Problem#INVALID_ARGUMENT} naming the field.
 */
public final class Checks {

    /** Ids and names: letters, digits and {@code . _ : @ -}, no spaces. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]+");

    private Checks() {
    }

    /** A non-blank text of at most {@code maxLength} characters, stripped. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }

    /** Like {@link #text}, but null or blank gives null. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    /** A subject, grantee or actor id: non-blank, at most 200 characters. */
    public static String id(String field, String value) {
        return text(field, value, 200);
    }

    /** A text without spaces: letters, digits and {@code . _ : @ -}. */
    public static String token(String field, String value, int maxLength) {
        String text = text(field, value, maxLength);
        if (!TOKEN.matcher(text).matches()) {
            throw invalid(field + " '" + text + "' may only contain letters, digits and . _ : @ -");
        }
        return text;
    }

    /** A sorted, immutable set of tokens; null gives the empty set. */
    public static Set<String> tokens(String field, Collection<String> values, int maxLength) {
        if (values == null) {
            return Set.of();
        }
        Set<String> result = new TreeSet<>();
        for (String value : values) {
            result.add(token(field, value, maxLength));
        }
        return Set.copyOf(result);
    }

    /** An immutable list of texts; null gives the empty list. */
    public static List<String> texts(String field, Collection<String> values, int maxLength) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> text(field, value, maxLength)).toList();
    }

    /** A free-text reason of at most 500 characters, or null. */
    public static String optionalReason(String reason) {
        return optionalText("reason", reason, 500);
    }

    /** A value that must be present. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    /** An id that must be present. */
    public static UUID uuid(String field, UUID value) {
        return required(field, value);
    }

    /** An instant that must be present. */
    public static Instant instant(String field, Instant value) {
        return required(field, value);
    }

    /** The exception for a malformed argument. */
    public static ConsentException invalid(String message) {
        return new ConsentException(ConsentException.Problem.INVALID_ARGUMENT, message);
    }
}
