package dev.hoheit.retention.spi;

import java.util.List;
import java.util.Objects;

/**
 * A category of personal data a store holds, such as {@code smoff-time} or {@code usage-log}.
 * Retention policies are set per category.
 *
 * @param name the category name (letters, digits, {@code -})
 * @param description what it is, in plain words (shown in exports and reports)
 * @param fields the personal fields it holds
 * @param purgeable whether the store can delete or anonymise old records of this category; a retention
 *                  policy may name only purgeable categories ({@code false}: the records live until the
 *                  person's erasure)
 * @since 0.1
 */
public record DataCategory(String name, String description, List<String> fields, boolean purgeable) {

    /** Validates and copies. */
    public DataCategory {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("category name '" + name + "' must be lower-case letters, digits and -");
        }
        description = Objects.requireNonNull(description, "description");
        fields = List.copyOf(fields);
    }
}
