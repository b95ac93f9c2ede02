package dev.hoheit.retention.spi;

import static dev.hoheit.retention.spi.Arguments.CHECKS;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a store is: its name, the categories of personal data it holds, the database tables it
 * covers (the coverage check uses those), and when an erasure reaches it.
 *
 * @param name unique store name, such as {@code smoff-sessions} (letters, digits, {@code -})
 * @param description what it holds, in plain words
 * @param categories the categories of personal data
 * @param tables the database tables whose personal data this store exports and erases (lower case)
 * @param erasureOrder when an erasure reaches this store: with the others, or after them
 * @since 0.1
 */
public record StoreDescriptor(String name, String description, List<DataCategory> categories, List<String> tables,
                              ErasureOrder erasureOrder) {

    /**
     * When an erasure reaches a store.
     *
     * @since 0.2
     */
    public enum ErasureOrder {
        /** In the order the stores were registered (the default). */
        WITH_THE_OTHERS,
        /**
         * After every store that is not {@code LAST}: for a store whose erasure the others still
         * need, such as the audit log (erasing a person there destroys their key, and the other
         * stores' erasures are logged).
         */
        LAST
    }

    /**
     * Validates and copies.
     *
     * @throws dev.hoheit.retention.RetentionException ({@code INVALID_ARGUMENT}) naming the first
     *         missing or malformed argument
     */
    public StoreDescriptor {
        name = Arguments.name("store name", name);
        description = CHECKS.required("store description", description);
        categories = CHECKS.list("store categories", categories);
        tables = CHECKS.list("store tables", tables).stream()
                .map(table -> CHECKS.text("store table", table, 200).toLowerCase(Locale.ROOT)).toList();
        erasureOrder = CHECKS.required("erasure order", erasureOrder);
    }

    /** A store erased with the others, in the order the stores were registered. */
    public StoreDescriptor(String name, String description, List<DataCategory> categories, List<String> tables) {
        this(name, description, categories, tables, ErasureOrder.WITH_THE_OTHERS);
    }

    /**
     * The same store, erased after every store that is not {@link ErasureOrder#LAST}.
     *
     * @since 0.2
     */
    public StoreDescriptor erasedLast() {
        return new StoreDescriptor(name, description, categories, tables, ErasureOrder.LAST);
    }

    /** The category with this name, if the store holds it. */
    public Optional<DataCategory> category(String categoryName) {
        return categories.stream().filter(c -> c.name().equals(categoryName)).findFirst();
    }
}
