package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_HOLD;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_HOLD_SUBJECT;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_RESTRICTION;

import dev.hoheit.retention.LegalHold;
import dev.hoheit.retention.internal.jooq.tables.records.RetentionHoldRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import dev.hoheit.transaction.internal.TransactionRunner;

/** Legal holds and restrictions of processing. */
final class JooqHoldRepository {

    private final TransactionRunner tx;

    JooqHoldRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    void place(UUID id, String reason, Set<String> subjects, Instant at) {
        tx.write(ctx -> {
            ctx.insertInto(RETENTION_HOLD)
                    .set(RETENTION_HOLD.HOLD_ID, id.toString())
                    .set(RETENTION_HOLD.REASON, reason)
                    .set(RETENTION_HOLD.PLACED_AT, at)
                    .execute();
            for (String subject : subjects) {
                ctx.insertInto(RETENTION_HOLD_SUBJECT)
                        .set(RETENTION_HOLD_SUBJECT.HOLD_ID, id.toString())
                        .set(RETENTION_HOLD_SUBJECT.SUBJECT_ID, subject)
                        .execute();
            }
            return null;
        });
    }

    boolean lift(UUID id, Instant at) {
        return tx.context().update(RETENTION_HOLD).set(RETENTION_HOLD.LIFTED_AT, at)
                .where(RETENTION_HOLD.HOLD_ID.eq(id.toString())).and(RETENTION_HOLD.LIFTED_AT.isNull()).execute() == 1;
    }

    Optional<LegalHold> hold(UUID id) {
        return tx.context().selectFrom(RETENTION_HOLD).where(RETENTION_HOLD.HOLD_ID.eq(id.toString())).fetchOptional(this::toHold);
    }

    List<LegalHold> active() {
        return tx.context().selectFrom(RETENTION_HOLD).where(RETENTION_HOLD.LIFTED_AT.isNull())
                .orderBy(RETENTION_HOLD.PLACED_AT).fetch(this::toHold);
    }

    /** Holds that name this person (lifted ones included, for export). */
    long holdsNaming(String subjectId) {
        return tx.context().fetchCount(RETENTION_HOLD_SUBJECT, RETENTION_HOLD_SUBJECT.SUBJECT_ID.eq(subjectId));
    }

    /** Removes the person from holds that were lifted; returns how many memberships. */
    int forgetInLiftedHolds(String subjectId) {
        return tx.context().deleteFrom(RETENTION_HOLD_SUBJECT).where(RETENTION_HOLD_SUBJECT.SUBJECT_ID.eq(subjectId))
                .and(RETENTION_HOLD_SUBJECT.HOLD_ID.in(tx.context().select(RETENTION_HOLD.HOLD_ID).from(RETENTION_HOLD)
                        .where(RETENTION_HOLD.LIFTED_AT.isNotNull()))).execute();
    }

    void restrict(String subjectId, String reason, Instant at) {
        tx.write(ctx -> {
            ctx.deleteFrom(RETENTION_RESTRICTION).where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).execute();
            return ctx.insertInto(RETENTION_RESTRICTION)
                    .set(RETENTION_RESTRICTION.SUBJECT_ID, subjectId)
                    .set(RETENTION_RESTRICTION.REASON, reason)
                    .set(RETENTION_RESTRICTION.SINCE, at)
                    .execute();
        });
    }

    int lift(String subjectId) {
        return tx.context().deleteFrom(RETENTION_RESTRICTION).where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).execute();
    }

    Optional<String> restriction(String subjectId) {
        return tx.context().select(RETENTION_RESTRICTION.REASON).from(RETENTION_RESTRICTION)
                .where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).fetchOptional(RETENTION_RESTRICTION.REASON);
    }

    Optional<Instant> restrictedSince(String subjectId) {
        return tx.context().select(RETENTION_RESTRICTION.SINCE).from(RETENTION_RESTRICTION)
                .where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).fetchOptional(RETENTION_RESTRICTION.SINCE);
    }

    private LegalHold toHold(RetentionHoldRecord r) {
        Set<String> subjects = new HashSet<>(tx.context().select(RETENTION_HOLD_SUBJECT.SUBJECT_ID).from(RETENTION_HOLD_SUBJECT)
                .where(RETENTION_HOLD_SUBJECT.HOLD_ID.eq(r.getHoldId())).fetch(RETENTION_HOLD_SUBJECT.SUBJECT_ID));
        return new LegalHold(UUID.fromString(r.getHoldId()), r.getReason(), subjects, r.getPlacedAt(),
                Optional.ofNullable(r.getLiftedAt()));
    }
}
