package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_HOLD;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_HOLD_SUBJECT;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_LOCK;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_RESTRICTION;

import dev.hoheit.retention.LegalHold;
import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.internal.jooq.tables.records.RetentionHoldRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/** Legal holds and restrictions of processing. */
final class JooqHoldRepository {

    /** The row of {@code retention_lock} that placing a hold and an erasure's hold check take (row 1 is the runner's). */
    static final int HOLD_LOCK = 2;

    /**
     * Takes the hold lock until {@code ctx}'s transaction ends. Placing a hold and the hold check of
     * an erasure both take it first, so an erasure cannot pass its check while a hold that names the
     * person is being placed: one of them waits for the other to commit, and then sees it.
     */
    void lockHolds(DSLContext ctx) {
        if (ctx.select(RETENTION_LOCK.ID).from(RETENTION_LOCK).where(RETENTION_LOCK.ID.eq(HOLD_LOCK)).forUpdate().fetch().isEmpty()) {
            throw new RetentionException(RetentionException.Problem.SCHEMA_MISMATCH, "retention_lock has no row " + HOLD_LOCK
                    + " (the hold lock); run the migration V2__hold_lock.sql");
        }
    }

    /** Whether an active hold names {@code subjectId} or holds everyone. */
    boolean holds(DSLContext ctx, String subjectId) {
        return active(ctx).stream().anyMatch(hold -> hold.holdsEveryone() || hold.subjects().contains(subjectId));
    }

    void place(DSLContext ctx, UUID id, String reason, Set<String> subjects, Instant at) {
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
    }

    boolean lift(DSLContext ctx, UUID id, Instant at) {
        return ctx.update(RETENTION_HOLD).set(RETENTION_HOLD.LIFTED_AT, at)
                .where(RETENTION_HOLD.HOLD_ID.eq(id.toString())).and(RETENTION_HOLD.LIFTED_AT.isNull()).execute() == 1;
    }

    Optional<LegalHold> hold(DSLContext ctx, UUID id) {
        return ctx.selectFrom(RETENTION_HOLD).where(RETENTION_HOLD.HOLD_ID.eq(id.toString())).fetchOptional(r -> toHold(ctx, r));
    }

    List<LegalHold> active(DSLContext ctx) {
        return ctx.selectFrom(RETENTION_HOLD).where(RETENTION_HOLD.LIFTED_AT.isNull())
                .orderBy(RETENTION_HOLD.PLACED_AT).fetch(r -> toHold(ctx, r));
    }

    /** Holds that name this person (lifted ones included, for export). */
    long holdsNaming(DSLContext ctx, String subjectId) {
        return ctx.fetchCount(RETENTION_HOLD_SUBJECT, RETENTION_HOLD_SUBJECT.SUBJECT_ID.eq(subjectId));
    }

    /** Removes the person from holds that were lifted; returns how many memberships. */
    int forgetInLiftedHolds(DSLContext ctx, String subjectId) {
        return ctx.deleteFrom(RETENTION_HOLD_SUBJECT).where(RETENTION_HOLD_SUBJECT.SUBJECT_ID.eq(subjectId))
                .and(RETENTION_HOLD_SUBJECT.HOLD_ID.in(ctx.select(RETENTION_HOLD.HOLD_ID).from(RETENTION_HOLD)
                        .where(RETENTION_HOLD.LIFTED_AT.isNotNull()))).execute();
    }

    void restrict(DSLContext ctx, String subjectId, String reason, Instant at) {
        ctx.deleteFrom(RETENTION_RESTRICTION).where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).execute();
        ctx.insertInto(RETENTION_RESTRICTION)
                .set(RETENTION_RESTRICTION.SUBJECT_ID, subjectId)
                .set(RETENTION_RESTRICTION.REASON, reason)
                .set(RETENTION_RESTRICTION.SINCE, at)
                .execute();
    }

    int liftRestriction(DSLContext ctx, String subjectId) {
        return ctx.deleteFrom(RETENTION_RESTRICTION).where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).execute();
    }

    Optional<String> restriction(DSLContext ctx, String subjectId) {
        return ctx.select(RETENTION_RESTRICTION.REASON).from(RETENTION_RESTRICTION)
                .where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).fetchOptional(RETENTION_RESTRICTION.REASON);
    }

    Optional<Instant> restrictedSince(DSLContext ctx, String subjectId) {
        return ctx.select(RETENTION_RESTRICTION.SINCE).from(RETENTION_RESTRICTION)
                .where(RETENTION_RESTRICTION.SUBJECT_ID.eq(subjectId)).fetchOptional(RETENTION_RESTRICTION.SINCE);
    }

    private static LegalHold toHold(DSLContext ctx, RetentionHoldRecord r) {
        Set<String> subjects = new HashSet<>(ctx.select(RETENTION_HOLD_SUBJECT.SUBJECT_ID).from(RETENTION_HOLD_SUBJECT)
                .where(RETENTION_HOLD_SUBJECT.HOLD_ID.eq(r.getHoldId())).fetch(RETENTION_HOLD_SUBJECT.SUBJECT_ID));
        return new LegalHold(UUID.fromString(r.getHoldId()), r.getReason(), subjects, r.getPlacedAt(),
                Optional.ofNullable(r.getLiftedAt()));
    }
}
