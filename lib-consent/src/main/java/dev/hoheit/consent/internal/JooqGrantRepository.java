package dev.hoheit.consent.internal;

import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_GRANT;
import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_GRANT_EVENT;
import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_GRANT_SCOPE;

import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.GrantEvent;
import dev.hoheit.consent.GrantOrigin;
import dev.hoheit.consent.GrantStatus;
import dev.hoheit.consent.internal.jooq.tables.records.ConsentGrantEventRecord;
import dev.hoheit.consent.internal.jooq.tables.records.ConsentGrantRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Access grants in SQL: the grant's fixed facts, its scopes, and an append-only list of steps. */
final class JooqGrantRepository {

    void insert(DSLContext ctx, UUID id, dev.hoheit.consent.GrantRequest request, Instant at) {
        ctx.insertInto(CONSENT_GRANT)
                .set(CONSENT_GRANT.GRANT_ID, id.toString())
                .set(CONSENT_GRANT.SUBJECT_ID, request.subjectId())
                .set(CONSENT_GRANT.GRANTEE_ID, request.granteeId())
                .set(CONSENT_GRANT.GRANTEE_ROLE, request.granteeRole())
                .set(CONSENT_GRANT.ORIGIN, request.origin().name())
                .set(CONSENT_GRANT.CREATED_BY, request.requestedBy())
                .set(CONSENT_GRANT.CREATED_AT, at)
                .set(CONSENT_GRANT.EXPIRES_AT, request.expiresAt())
                .execute();
        for (String scope : request.scopes()) {
            ctx.insertInto(CONSENT_GRANT_SCOPE)
                    .set(CONSENT_GRANT_SCOPE.GRANT_ID, id.toString())
                    .set(CONSENT_GRANT_SCOPE.SCOPE, scope)
                    .execute();
        }
    }

    GrantEvent appendEvent(DSLContext ctx, UUID grantId, GrantStatus status, String actorId, Instant at, String reason) {
        ctx.insertInto(CONSENT_GRANT_EVENT)
                .set(CONSENT_GRANT_EVENT.GRANT_ID, grantId.toString())
                .set(CONSENT_GRANT_EVENT.STATUS, status.name())
                .set(CONSENT_GRANT_EVENT.ACTOR_ID, actorId)
                .set(CONSENT_GRANT_EVENT.OCCURRED_AT, at)
                .set(CONSENT_GRANT_EVENT.REASON, reason)
                .execute();
        return new GrantEvent(grantId, status, actorId, at, Optional.ofNullable(reason));
    }

    /** Locks a grant's row until the transaction ends, so two steps on one grant cannot interleave. */
    boolean lock(DSLContext ctx, UUID grantId) {
        return ctx.select(CONSENT_GRANT.GRANT_ID).from(CONSENT_GRANT)
                .where(CONSENT_GRANT.GRANT_ID.eq(grantId.toString()))
                .forUpdate()
                .fetchOptional().isPresent();
    }

    Optional<AccessGrant> find(DSLContext ctx, UUID grantId, Instant now) {
        return load(ctx, CONSENT_GRANT.GRANT_ID.eq(grantId.toString()), now).stream().findFirst();
    }

    List<AccessGrant> bySubject(DSLContext ctx, String subjectId, Instant now) {
        return load(ctx, CONSENT_GRANT.SUBJECT_ID.eq(subjectId), now);
    }

    List<AccessGrant> byGrantee(DSLContext ctx, String granteeId, Instant now) {
        return load(ctx, CONSENT_GRANT.GRANTEE_ID.eq(granteeId), now);
    }

    List<GrantEvent> history(DSLContext ctx, UUID grantId) {
        return ctx.selectFrom(CONSENT_GRANT_EVENT)
                .where(CONSENT_GRANT_EVENT.GRANT_ID.eq(grantId.toString()))
                .orderBy(CONSENT_GRANT_EVENT.EVENT_ID)
                .fetch(JooqGrantRepository::toEvent);
    }

    /** The oldest grant that lets {@code granteeId} see {@code scope} of {@code subjectId}'s data at {@code at}. */
    Optional<String> permittingGrantId(DSLContext ctx, String granteeId, String subjectId, String scope, Instant at) {
        Field<String> statusAt = DSL.field(DSL.select(CONSENT_GRANT_EVENT.STATUS).from(CONSENT_GRANT_EVENT)
                .where(CONSENT_GRANT_EVENT.GRANT_ID.eq(CONSENT_GRANT.GRANT_ID))
                .and(CONSENT_GRANT_EVENT.OCCURRED_AT.le(at))
                .orderBy(CONSENT_GRANT_EVENT.EVENT_ID.desc())
                .limit(1));
        return ctx.select(CONSENT_GRANT.GRANT_ID).from(CONSENT_GRANT)
                .join(CONSENT_GRANT_SCOPE).on(CONSENT_GRANT_SCOPE.GRANT_ID.eq(CONSENT_GRANT.GRANT_ID))
                .where(CONSENT_GRANT.GRANTEE_ID.eq(granteeId))
                .and(CONSENT_GRANT.SUBJECT_ID.eq(subjectId))
                .and(CONSENT_GRANT_SCOPE.SCOPE.eq(scope))
                .and(CONSENT_GRANT.CREATED_AT.le(at))
                .and(CONSENT_GRANT.EXPIRES_AT.isNull().or(CONSENT_GRANT.EXPIRES_AT.gt(at)))
                .and(statusAt.eq(GrantStatus.ACTIVE.name()))
                .orderBy(CONSENT_GRANT.CREATED_AT, CONSENT_GRANT.GRANT_ID)
                .limit(1)
                .fetchOptional(CONSENT_GRANT.GRANT_ID);
    }

    /** Counts and deletes every grant where the subject is the subject or the grantee. */
    long[] deleteSubject(DSLContext ctx, String subjectId) {
        List<String> asSubject = ctx.select(CONSENT_GRANT.GRANT_ID).from(CONSENT_GRANT)
                .where(CONSENT_GRANT.SUBJECT_ID.eq(subjectId)).fetch(CONSENT_GRANT.GRANT_ID);
        List<String> asGrantee = ctx.select(CONSENT_GRANT.GRANT_ID).from(CONSENT_GRANT)
                .where(CONSENT_GRANT.GRANTEE_ID.eq(subjectId)).fetch(CONSENT_GRANT.GRANT_ID);
        Set<String> all = new HashSet<>(asSubject);
        all.addAll(asGrantee);
        int events = ctx.deleteFrom(CONSENT_GRANT_EVENT).where(CONSENT_GRANT_EVENT.GRANT_ID.in(all)).execute();
        ctx.deleteFrom(CONSENT_GRANT_SCOPE).where(CONSENT_GRANT_SCOPE.GRANT_ID.in(all)).execute();
        ctx.deleteFrom(CONSENT_GRANT).where(CONSENT_GRANT.GRANT_ID.in(all)).execute();
        return new long[] {asSubject.size(), asGrantee.size(), events};
    }

    private List<AccessGrant> load(DSLContext ctx, Condition condition, Instant now) {
        List<ConsentGrantRecord> grants = ctx.selectFrom(CONSENT_GRANT).where(condition)
                .orderBy(CONSENT_GRANT.CREATED_AT.desc(), CONSENT_GRANT.GRANT_ID).fetch();
        if (grants.isEmpty()) {
            return List.of();
        }
        List<String> ids = grants.stream().map(ConsentGrantRecord::getGrantId).toList();
        Map<String, Set<String>> scopes = new HashMap<>();
        ctx.selectFrom(CONSENT_GRANT_SCOPE).where(CONSENT_GRANT_SCOPE.GRANT_ID.in(ids))
                .forEach(r -> scopes.computeIfAbsent(r.getGrantId(), k -> new HashSet<>()).add(r.getScope()));
        Map<String, ConsentGrantEventRecord> latest = new HashMap<>();
        ctx.selectFrom(CONSENT_GRANT_EVENT).where(CONSENT_GRANT_EVENT.GRANT_ID.in(ids))
                .orderBy(CONSENT_GRANT_EVENT.EVENT_ID)
                .forEach(r -> latest.put(r.getGrantId(), r));
        List<AccessGrant> result = new ArrayList<>(grants.size());
        for (ConsentGrantRecord g : grants) {
            ConsentGrantEventRecord event = latest.get(g.getGrantId());
            GrantStatus status = GrantStatus.valueOf(event.getStatus());
            Instant since = event.getOccurredAt();
            if (!status.isFinal() && g.getExpiresAt() != null && !g.getExpiresAt().isAfter(now)) {
                status = GrantStatus.EXPIRED;
                since = g.getExpiresAt();
            }
            result.add(new AccessGrant(UUID.fromString(g.getGrantId()), g.getSubjectId(), g.getGranteeId(),
                    g.getGranteeRole(), scopes.getOrDefault(g.getGrantId(), Set.of()), GrantOrigin.valueOf(g.getOrigin()),
                    g.getCreatedBy(), g.getCreatedAt(), Optional.ofNullable(g.getExpiresAt()), status, since));
        }
        return result;
    }

    private static GrantEvent toEvent(ConsentGrantEventRecord r) {
        return new GrantEvent(UUID.fromString(r.getGrantId()), GrantStatus.valueOf(r.getStatus()), r.getActorId(),
                r.getOccurredAt(), Optional.ofNullable(r.getReason()));
    }
}
