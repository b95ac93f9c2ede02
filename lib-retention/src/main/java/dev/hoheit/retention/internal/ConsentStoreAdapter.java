package dev.hoheit.retention.internal;

import dev.hoheit.consent.ConsentSchema;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Decision;
import dev.hoheit.consent.ReceiptFormat;
import dev.hoheit.consent.SubjectRecords;
import dev.hoheit.retention.Stores;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * lib-consent as a store. Consent records are proof of consent: they are kept for the life of the
 * account and erased with it, so they have no retention period of their own (not purgeable).
 */
public final class ConsentStoreAdapter implements PersonalDataStore {

    private static final StoreDescriptor DESCRIPTOR = new StoreDescriptor("consent",
            "Your consent decisions (what you agreed to or refused, which notice version, when and how) "
                    + "and the access you granted to others or others granted to you.",
            List.of(new DataCategory(Stores.CONSENT_RECORDS, "Consent decisions and access grants",
                    List.of("subject id", "purpose", "notice version", "choice", "method", "role", "time",
                            "user agent", "grantee", "scopes"), false)),
            ConsentSchema.TABLES);

    private final ConsentService consent;

    /** Wraps a consent service. */
    public ConsentStoreAdapter(ConsentService consent) {
        this.consent = consent;
    }

    @Override
    public StoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public long count(String subjectId) {
        return consent.exportSubject(subjectId, OutputStream.nullOutputStream()).total();
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        AtomicReference<SubjectRecords> counts = new AtomicReference<>();
        sink.document("consent-history.json", out -> counts.set(consent.exportSubject(subjectId, out)));
        // A receipt for every decision, as the person could also download it one by one (Kantara v1.1).
        for (Decision decision : consent.history(subjectId)) {
            String receipt = consent.receipt(decision.id(), ReceiptFormat.KANTARA_V1_1);
            sink.document(ExportIndex.RECEIPT_PREFIX + decision.id() + ".json", out -> {
                try {
                    out.write(receipt.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return counts.get().total();
    }

    @Override
    public long erase(String subjectId) {
        return consent.eraseSubject(subjectId).total();
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        return PurgeBatch.none();
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return Optional.empty();
    }
}
