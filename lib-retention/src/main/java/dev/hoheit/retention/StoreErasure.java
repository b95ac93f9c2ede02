package dev.hoheit.retention;

import java.util.Optional;

/**
 * What one store did in an erasure.
 *
 * @param store the store
 * @param erased how many records it erased
 * @param error why it failed, if it did (no personal data)
 * @since 0.1
 */
public record StoreErasure(String store, long erased, Optional<String> error) {

    /** Whether this store finished. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
