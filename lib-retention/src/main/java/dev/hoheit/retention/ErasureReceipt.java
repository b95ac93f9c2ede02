package dev.hoheit.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Proof of an erasure (GDPR Art. 17): which stores erased how many records, and when. Holds no
 * personal data; also recorded in the audit log.
 *
 * @param erasureId the erasure's id
 * @param requestedAt when it was requested
 * @param requestedBy the role that asked, such as {@code subject} or {@code operator}
 * @param complete whether every store finished; an incomplete erasure is retried by every run
 * @param completedAt when it completed, if it did
 * @param attempts how many times it was attempted
 * @param stores what each store did
 * @since 0.1
 */
public record ErasureReceipt(UUID erasureId, Instant requestedAt, String requestedBy, boolean complete,
                             Optional<Instant> completedAt, int attempts, List<StoreErasure> stores) {

    /** Copies the list. */
    public ErasureReceipt {
        stores = List.copyOf(stores);
    }

    /** Records erased in all stores. */
    public long erased() {
        return stores.stream().mapToLong(StoreErasure::erased).sum();
    }
}
