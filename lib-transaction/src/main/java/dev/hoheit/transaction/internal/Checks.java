package dev.hoheit.transaction.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Argument checks for the libraries' API records and service methods, in one place. A failure is
 * the library's exception with its {@code INVALID_ARGUMENT} problem, naming the field; each library
 * holds one instance (see {@link Library#checks()}).
 */
public final class Checks {

    /** Ids and names: letters, digits and {@code . _ : @ -}, no spaces. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]+");

    private final Function<String, ? extends RuntimeException> invalid;

    /** Checks whose failures {@code invalid} makes from a message. */
    public Checks(Function<String, ? extends RuntimeException> invalid) {
        this.invalid = Objects.requireNonNull(invalid, "invalid");
    }

    /** A non-blank text of at most {@code maxLength} characters, stripped. */
    public String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return stripped;
    }

    /** A non-blank text of any length, stripped. */
    public String nonBlank(String field, String value) {
        return text(field, value, Integer.MAX_VALUE);
    }

    /** Like {@link #text}, but null or blank gives null. */
    public String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    /** A subject, grantee or actor id: non-blank, at most 200 characters. */
    public String id(String field, String value) {
        return text(field, value, 200);
    }

    /** A text without spaces: letters, digits and {@code . _ : @ -}. */
    public String token(String field, String value, int maxLength) {
        String text = text(field, value, maxLength);
        if (!TOKEN.matcher(text).matches()) {
            throw invalid(field + " '" + text + "' may only contain letters, digits and . _ : @ -");
        }
        return text;
    }

    /** A sorted, immutable set of tokens; null gives the empty set. */
    public Set<String> tokens(String field, Collection<String> values, int maxLength) {
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
    public List<String> texts(String field, Collection<String> values, int maxLength) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(value -> text(field, value, maxLength)).toList();
    }

    /** A free-text reason of at most 500 characters, or null. */
    public String optionalReason(String reason) {
        return optionalText("reason", reason, 500);
    }

    /** A value that must be present. */
    public <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " must not be null");
        }
        return value;
    }

    /** An immutable copy of a list that must be present and hold no null. */
    public <T> List<T> list(String field, Collection<T> values) {
        required(field, values);
        for (T value : values) {
            if (value == null) {
                throw invalid(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** An id that must be present. */
    public UUID uuid(String field, UUID value) {
        return required(field, value);
    }

    /** An instant that must be present. */
    public Instant instant(String field, Instant value) {
        return required(field, value);
    }

    /** A duration that must be present and longer than zero. */
    public Duration positive(String field, Duration value) {
        required(field, value);
        if (value.isNegative() || value.isZero()) {
            throw invalid(field + " must be positive, was " + value);
        }
        return value;
    }

    /** A number from {@code min} to {@code max}, both included. */
    public int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** The exception for a malformed argument. */
    public RuntimeException invalid(String message) {
        return invalid.apply(message);
    }
}
