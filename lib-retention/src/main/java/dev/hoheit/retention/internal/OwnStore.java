package dev.hoheit.retention.internal;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.DSLContext;

/**
 * The retention service's own personal data (restrictions, legal-hold memberships, pending erasure
 * requests), registered like any other store so export, erasure and the coverage check include it.
 */
final class OwnStore implements PersonalDataStore {

    private static final StoreDescriptor DESCRIPTOR = new StoreDescriptor("retention",
            "Whether processing of your data is restricted (GDPR Art. 18), and legal holds naming you.",
            List.of(new DataCategory("retention-records", "Restrictions of processing and legal holds",
                    List.of("subject id", "reason", "since"), false)),
            List.of("retention_restriction", "retention_hold_subject", "retention_erasure"));

    private final TransactionRunner db;
    private final JooqHoldRepository holds;

    OwnStore(TransactionRunner db, JooqHoldRepository holds) {
        this.db = db;
        this.holds = holds;
    }

    @Override
    public StoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public long count(String subjectId) {
        return db.read(ctx -> (holds.restriction(ctx, subjectId).isPresent() ? 1 : 0) + holds.holdsNaming(ctx, subjectId));
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        return db.read(ctx -> export(ctx, subjectId, sink));
    }

    private long export(DSLContext ctx, String subjectId, ExportSink sink) {
        long written = 0;
        Optional<String> reason = holds.restriction(ctx, subjectId);
        if (reason.isPresent()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("type", "restriction");
            record.put("reason", reason.get());
            record.put("since", holds.restrictedSince(ctx, subjectId).orElse(null));
            sink.record(record);
            written++;
        }
        long named = holds.holdsNaming(ctx, subjectId);
        if (named > 0) {
            sink.record(Map.of("type", "legal-holds", "count", named));
            written += named;
        }
        return written;
    }

    /** Lifts a restriction and leaves lifted holds; an erasure under an active hold is refused before this. */
    @Override
    public long erase(String subjectId) {
        return db.write(ctx -> holds.liftRestriction(ctx, subjectId) + holds.forgetInLiftedHolds(ctx, subjectId));
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
