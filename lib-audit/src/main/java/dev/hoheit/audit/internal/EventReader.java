package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.internal.jooq.tables.records.AuditEntryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Keyset-paged reads, newest first, decrypted through the {@link FieldSealer}. */
final class EventReader {

    private final DSLContext db;
    private final FieldSealer sealer;

    EventReader(DSLContext db, FieldSealer sealer) {
        this.db = db;
        this.sealer = sealer;
    }

    AuditPage byActorTag(String tag, AuditQuery query) {
        return page(AUDIT_ENTRY.ACTOR_TAG.eq(tag), query);
    }

    AuditPage bySubjectTag(String tag, AuditQuery query) {
        return page(AUDIT_ENTRY.SUBJECT_TAG.eq(tag), query);
    }

    /** About the person with this tag, by anyone else: her actor tag is her subject tag. */
    AuditPage bySubjectTagFromOthers(String tag, AuditQuery query) {
        return page(AUDIT_ENTRY.SUBJECT_TAG.eq(tag).and(AUDIT_ENTRY.ACTOR_TAG.isNull().or(AUDIT_ENTRY.ACTOR_TAG.ne(tag))), query);
    }

    AuditPage all(AuditQuery query) {
        return page(DSL.noCondition(), query);
    }

    List<StoredEvent> range(long fromSeq, long toSeq) {
        return db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.SEQ.between(fromSeq, toSeq))
                .orderBy(AUDIT_ENTRY.SEQ).fetch(EventReader::stored);
    }

    long countByActorTag(String tag) {
        return db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.ACTOR_TAG.eq(tag));
    }

    long countBySubjectTag(String tag) {
        return db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.SUBJECT_TAG.eq(tag));
    }

    private AuditPage page(Condition owner, AuditQuery query) {
        Condition condition = owner;
        if (query.from() != null) {
            condition = condition.and(AUDIT_ENTRY.RECORDED_AT.ge(query.from()));
        }
        if (query.to() != null) {
            condition = condition.and(AUDIT_ENTRY.RECORDED_AT.lt(query.to()));
        }
        if (!query.actions().isEmpty()) {
            condition = condition.and(AUDIT_ENTRY.ACTION.in(query.actions().stream().map(AuditAction::name).toList()));
        }
        if (query.beforeSeq() > 0) {
            condition = condition.and(AUDIT_ENTRY.SEQ.lt(query.beforeSeq()));
        }
        List<StoredEvent> rows = db.selectFrom(AUDIT_ENTRY).where(condition)
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(query.limit() + 1).fetch(EventReader::stored);
        boolean more = rows.size() > query.limit();
        List<AuditEntry> entries = new ArrayList<>(Math.min(rows.size(), query.limit()));
        for (StoredEvent row : more ? rows.subList(0, query.limit()) : rows) {
            entries.add(sealer.open(row));
        }
        return new AuditPage(entries, more ? OptionalLong.of(entries.get(entries.size() - 1).seq()) : OptionalLong.empty());
    }

    static StoredEvent stored(AuditEntryRecord r) {
        return new StoredEvent(r.getSeq(), r.getRecordedAt(), r.getActorTag(), r.getActorRole(), r.getActorEnc(),
                r.getSubjectTag(), r.getSubjectEnc(), r.getAction(), r.getResourceType(), r.getResourceEnc(), r.getPurpose(),
                r.getOutcome(), r.getDetails(), r.getClientDay(), r.getClientEnc());
    }
}
