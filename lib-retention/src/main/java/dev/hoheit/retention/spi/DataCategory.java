package dev.hoheit.retention.spi;

import static dev.hoheit.retention.spi.Arguments.CHECKS;

import java.util.List;

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

    /**
     * Validates and copies.
     *
     * @throws dev.hoheit.retention.RetentionException ({@code INVALID_ARGUMENT}) naming the first
     *         missing or malformed argument
     */
    public DataCategory {
        name = Arguments.name("category name", name);
        description = CHECKS.required("category description", description);
        fields = CHECKS.list("category fields", fields);
    }
}
