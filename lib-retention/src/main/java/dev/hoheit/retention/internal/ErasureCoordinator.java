package dev.hoheit.retention.internal;

import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.spi.PersonalDataStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a person from every store. Each store is tried even when another fails; a failure leaves
 * the erasure incomplete (with the subject id kept for the retry), and a retry runs every store again
 * (erasing is idempotent), adding to the counts of earlier attempts.
 */
final class ErasureCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureCoordinator.class);

    private final TransactionRunner db;
    private final JooqErasureRepository erasures;
    private final List<PersonalDataStore> stores;
    private final Clock clock;
    private final Consumer<ErasureReceipt> recorder;

    /**
     * @param stores every store, in the order to erase (the audit store last: its erasure destroys the key)
     * @param recorder records each attempt's receipt in the audit log
     */
    ErasureCoordinator(TransactionRunner db, JooqErasureRepository erasures, List<PersonalDataStore> stores, Clock clock,
                       Consumer<ErasureReceipt> recorder) {
        this.db = db;
        this.erasures = erasures;
        this.stores = stores;
        this.clock = clock;
        this.recorder = recorder;
    }

    /** Erases a person whose erasure {@code id} was recorded (after the hold check, in its transaction). */
    ErasureReceipt erase(UUID id, String subjectId) {
        return attempt(id, subjectId, List.of());
    }

    List<ErasureReceipt> retryIncomplete() {
        List<ErasureReceipt> receipts = new ArrayList<>();
        for (JooqErasureRepository.Pending pending : erasures.incomplete(db.context())) {
            List<StoreErasure> earlier = erasures.receipt(db.context(), pending.id()).map(ErasureReceipt::stores).orElse(List.of());
            receipts.add(attempt(pending.id(), pending.subjectId(), earlier));
        }
        return receipts;
    }

    private ErasureReceipt attempt(UUID id, String subjectId, List<StoreErasure> earlier) {
        Map<String, Long> before = new HashMap<>();
        earlier.forEach(result -> before.put(result.store(), result.erased()));
        List<StoreErasure> results = new ArrayList<>();
        boolean complete = true;
        for (PersonalDataStore store : stores) {
            String name = store.descriptor().name();
            long previously = before.getOrDefault(name, 0L);
            try {
                results.add(new StoreErasure(name, previously + store.erase(subjectId), Optional.empty()));
            } catch (RuntimeException e) {
                complete = false;
                LOG.error("Erasure {} failed in store {}: {}", id, name, e.getClass().getName());
                results.add(new StoreErasure(name, previously, Optional.of(e.getClass().getSimpleName())));
            }
        }
        erasures.record(db.context(), id, results, complete, clock.instant());
        ErasureReceipt receipt = erasures.receipt(db.context(), id).orElseThrow();
        recorder.accept(receipt);
        return receipt;
    }
}
