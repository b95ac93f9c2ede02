package dev.hoheit.retention.internal;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditSchema;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.SubjectAuditRecords;
import dev.hoheit.retention.Stores;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * lib-audit as a store. The log purges by time only (it deletes a prefix of its chain), so a legal
 * hold on named persons does not stop the usage-log purge; a hold on everyone does (the runner
 * skips held categories then). Client data is anonymised a whole day at a time.
 */
public final class AuditStoreAdapter implements PersonalDataStore {

    private static final StoreDescriptor DESCRIPTOR = new StoreDescriptor("audit",
            "The access and usage log: what you did on the platform and who viewed your data, when and why.",
            List.of(new DataCategory(Stores.USAGE_LOG, "What every user did, and every view of someone else's data",
                            List.of("actor", "subject", "action", "resource", "purpose", "outcome", "details", "time"), true),
                    new DataCategory(Stores.CLIENT_DATA, "IP address and browser of each request",
                            List.of("IP address", "user agent"), true)),
            AuditSchema.TABLES).erasedLast(); // erasing a person destroys their key, and the other stores' erasures are logged

    private final AuditLog audit;

    /** Wraps an audit log. */
    public AuditStoreAdapter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public StoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public long count(String subjectId) {
        SubjectAuditRecords counts = audit.countSubject(subjectId);
        return counts.asActor() + counts.asSubject();
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        AtomicReference<SubjectAuditRecords> counts = new AtomicReference<>();
        sink.document("audit-log.json", out -> counts.set(audit.exportSubject(subjectId, out)));
        return counts.get().asActor() + counts.get().asSubject();
    }

    @Override
    public long erase(String subjectId) {
        SubjectAuditRecords erased = audit.eraseSubject(subjectId);
        return erased.asActor() + erased.asSubject();
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (Stores.USAGE_LOG.equals(category)) {
            PurgeResult result = audit.purgeBefore(cutoff);
            return new PurgeBatch(result.eventsDeleted(), false);
        }
        if (Stores.CLIENT_DATA.equals(category)) {
            return new PurgeBatch(audit.anonymiseClientDataBefore(cutoff), false);
        }
        return PurgeBatch.none();
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        if (Stores.USAGE_LOG.equals(category)) {
            return audit.oldestEvent();
        }
        if (Stores.CLIENT_DATA.equals(category)) {
            return audit.oldestReadableClientData().map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return Optional.empty();
    }
}
