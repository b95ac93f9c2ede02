package dev.hoheit.consent.internal;

import dev.hoheit.transaction.internal.Library;
import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_DECISION;
import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_SUBJECT;

import dev.hoheit.consent.Choice;
import dev.hoheit.consent.Decision;
import dev.hoheit.consent.Evidence;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.internal.jooq.tables.ConsentDecision;
import dev.hoheit.consent.internal.jooq.tables.records.ConsentDecisionRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Consent decisions in SQL: append-only, ordered per subject by a locked sequence. */
final class JooqDecisionRepository {

    /**
     * Locks a subject's row (creating it when missing) until the transaction ends, so concurrent
     * decisions of one subject are serialised and none is lost. Callers lock several subjects in
     * ascending order, so two transactions can never wait for each other.
     */
    void lockSubject(DSLContext ctx, String subjectId) {
        if (ctx.family() == SQLDialect.MARIADB) {
            // INSERT IGNORE would leave a shared lock on an existing row, and two transactions upgrading
            // theirs deadlock; an upsert that updates takes the exclusive lock at once.
            ctx.insertInto(CONSENT_SUBJECT)
                    .set(CONSENT_SUBJECT.SUBJECT_ID, subjectId)
                    .set(CONSENT_SUBJECT.LAST_SEQ, 0L)
                    .onDuplicateKeyUpdate()
                    .set(CONSENT_SUBJECT.LAST_SEQ, CONSENT_SUBJECT.LAST_SEQ)
                    .execute();
            return;
        }
        try {
            ctx.insertInto(CONSENT_SUBJECT)
                    .set(CONSENT_SUBJECT.SUBJECT_ID, subjectId)
                    .set(CONSENT_SUBJECT.LAST_SEQ, 0L)
                    .onDuplicateKeyIgnore()
                    .execute();
        } catch (DataAccessException e) {
            // H2 emulates the upsert with MERGE, which a concurrent insert can still beat; the row exists then.
            if (!Library.isConstraintViolation(e)) {
                throw e;
            }
        }
        ctx.select(CONSENT_SUBJECT.LAST_SEQ).from(CONSENT_SUBJECT)
                .where(CONSENT_SUBJECT.SUBJECT_ID.eq(subjectId))
                .forUpdate()
                .fetchSingle();
    }

    /** The next sequence number of a subject whose row this transaction has locked. */
    long nextSequence(DSLContext ctx, String subjectId) {
        long next = ctx.select(CONSENT_SUBJECT.LAST_SEQ).from(CONSENT_SUBJECT)
                .where(CONSENT_SUBJECT.SUBJECT_ID.eq(subjectId))
                .fetchSingle(CONSENT_SUBJECT.LAST_SEQ) + 1;
        ctx.update(CONSENT_SUBJECT).set(CONSENT_SUBJECT.LAST_SEQ, next)
                .where(CONSENT_SUBJECT.SUBJECT_ID.eq(subjectId)).execute();
        return next;
    }

    void insert(DSLContext ctx, Decision d) {
        ctx.insertInto(CONSENT_DECISION)
                .set(CONSENT_DECISION.DECISION_ID, d.id().toString())
                .set(CONSENT_DECISION.SUBJECT_ID, d.subjectId())
                .set(CONSENT_DECISION.SUBJECT_SEQ, d.sequence())
                .set(CONSENT_DECISION.PURPOSE_ID, d.notice().purposeId())
                .set(CONSENT_DECISION.NOTICE_VERSION, d.notice().version())
                .set(CONSENT_DECISION.NOTICE_LANGUAGE, d.notice().language())
                .set(CONSENT_DECISION.CHOICE, d.choice().name())
                .set(CONSENT_DECISION.METHOD, d.method())
                .set(CONSENT_DECISION.SUBJECT_ROLE, d.subjectRole())
                .set(CONSENT_DECISION.DECIDED_AT, d.decidedAt())
                .set(CONSENT_DECISION.EXPIRES_AT, d.expiresAt().orElse(null))
                .set(CONSENT_DECISION.CHANNEL, d.evidence().map(Evidence::channel).orElse(null))
                .set(CONSENT_DECISION.USER_AGENT, d.evidence().map(Evidence::userAgent).orElse(null))
                .execute();
    }

    /** The subject's latest decision on a purpose made at or before {@code at}. */
    Optional<Decision> latest(DSLContext ctx, String subjectId, String purposeId, Instant at) {
        return ctx.selectFrom(CONSENT_DECISION)
                .where(CONSENT_DECISION.SUBJECT_ID.eq(subjectId))
                .and(CONSENT_DECISION.PURPOSE_ID.eq(purposeId))
                .and(CONSENT_DECISION.DECIDED_AT.le(at))
                .orderBy(CONSENT_DECISION.SUBJECT_SEQ.desc())
                .limit(1)
                .fetchOptional().map(JooqDecisionRepository::toDecision);
    }

    List<Decision> history(DSLContext ctx, String subjectId) {
        return ctx.selectFrom(CONSENT_DECISION)
                .where(CONSENT_DECISION.SUBJECT_ID.eq(subjectId))
                .orderBy(CONSENT_DECISION.SUBJECT_SEQ)
                .fetch(JooqDecisionRepository::toDecision);
    }

    List<Decision> history(DSLContext ctx, String subjectId, String purposeId, long upToSequence) {
        return ctx.selectFrom(CONSENT_DECISION)
                .where(CONSENT_DECISION.SUBJECT_ID.eq(subjectId))
                .and(CONSENT_DECISION.PURPOSE_ID.eq(purposeId))
                .and(CONSENT_DECISION.SUBJECT_SEQ.le(upToSequence))
                .orderBy(CONSENT_DECISION.SUBJECT_SEQ)
                .fetch(JooqDecisionRepository::toDecision);
    }

    Optional<Decision> find(DSLContext ctx, UUID decisionId) {
        return ctx.selectFrom(CONSENT_DECISION)
                .where(CONSENT_DECISION.DECISION_ID.eq(decisionId.toString()))
                .fetchOptional().map(JooqDecisionRepository::toDecision);
    }

    /** Subjects whose latest decision on the purpose is an unexpired grant, keyset-paged by subject id. */
    List<String> subjectsGranting(DSLContext ctx, String purposeId, String after, int limit, Instant now) {
        ConsentDecision d = CONSENT_DECISION.as("d");
        ConsentDecision later = CONSENT_DECISION.as("later");
        var condition = d.PURPOSE_ID.eq(purposeId)
                .and(d.CHOICE.eq(Choice.GRANTED.name()))
                .and(d.DECIDED_AT.le(now))
                .and(d.EXPIRES_AT.isNull().or(d.EXPIRES_AT.gt(now)))
                .andNotExists(DSL.selectOne().from(later)
                        .where(later.SUBJECT_ID.eq(d.SUBJECT_ID))
                        .and(later.PURPOSE_ID.eq(d.PURPOSE_ID))
                        .and(later.DECIDED_AT.le(now))
                        .and(later.SUBJECT_SEQ.gt(d.SUBJECT_SEQ)));
        if (after != null) {
            condition = condition.and(d.SUBJECT_ID.gt(after));
        }
        return ctx.select(d.SUBJECT_ID).from(d).where(condition)
                .orderBy(d.SUBJECT_ID).limit(limit).fetch(d.SUBJECT_ID);
    }

    long count(DSLContext ctx, String subjectId) {
        return ctx.fetchCount(CONSENT_DECISION, CONSENT_DECISION.SUBJECT_ID.eq(subjectId));
    }

    long deleteSubject(DSLContext ctx, String subjectId) {
        int decisions = ctx.deleteFrom(CONSENT_DECISION).where(CONSENT_DECISION.SUBJECT_ID.eq(subjectId)).execute();
        ctx.deleteFrom(CONSENT_SUBJECT).where(CONSENT_SUBJECT.SUBJECT_ID.eq(subjectId)).execute();
        return decisions;
    }

    private static Decision toDecision(ConsentDecisionRecord r) {
        Optional<Evidence> evidence = r.getChannel() == null
                ? Optional.empty() : Optional.of(new Evidence(r.getChannel(), r.getUserAgent()));
        return new Decision(UUID.fromString(r.getDecisionId()), r.getSubjectId(), r.getSubjectSeq(),
                new NoticeRef(r.getPurposeId(), r.getNoticeVersion(), r.getNoticeLanguage()),
                Choice.valueOf(r.getChoice()), r.getSubjectRole(), r.getMethod(), r.getDecidedAt(),
                Optional.ofNullable(r.getExpiresAt()), evidence);
    }
}
