package dev.hoheit.retention.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a store is: its name, the categories of personal data it holds, and the database tables it
 * covers (the coverage check uses those).
 *
 * @param name unique store name, such as {@code smoff-sessions} (letters, digits, {@code -})
 * @param description what it holds, in plain words
 * @param categories the categories of personal data
 * @param tables the database tables whose personal data this store exports and erases (lower case)
 * @since 0.1
 */
public record StoreDescriptor(String name, String description, List<DataCategory> categories, List<String> tables) {

    /** Validates and copies. */
    public StoreDescriptor {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("store name '" + name + "' must be lower-case letters, digits and -");
        }
        description = Objects.requireNonNull(description, "description");
        categories = List.copyOf(categories);
        tables = tables.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** The category with this name, if the store holds it. */
    public java.util.Optional<DataCategory> category(String categoryName) {
        return categories.stream().filter(c -> c.name().equals(categoryName)).findFirst();
    }
}
