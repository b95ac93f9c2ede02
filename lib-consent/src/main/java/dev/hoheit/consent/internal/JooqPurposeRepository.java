package dev.hoheit.consent.internal;

import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_NOTICE;
import static dev.hoheit.consent.internal.jooq.Tables.CONSENT_PURPOSE;

import dev.hoheit.consent.LegalBasis;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.Purpose;
import dev.hoheit.consent.internal.jooq.tables.records.ConsentNoticeRecord;
import dev.hoheit.consent.internal.jooq.tables.records.ConsentPurposeRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Purposes and their notices in SQL. */
final class JooqPurposeRepository {

    void insert(DSLContext ctx, Purpose purpose, Instant at) {
        ctx.insertInto(CONSENT_PURPOSE)
                .set(CONSENT_PURPOSE.PURPOSE_ID, purpose.id())
                .set(CONSENT_PURPOSE.TITLE, purpose.title())
                .set(CONSENT_PURPOSE.DESCRIPTION, purpose.description())
                .set(CONSENT_PURPOSE.LEGAL_BASIS, purpose.legalBasis().name())
                .set(CONSENT_PURPOSE.REQUIRED, purpose.required())
                .set(CONSENT_PURPOSE.ROLES, String.join(",", purpose.roles()))
                .set(CONSENT_PURPOSE.DATA_CATEGORIES, String.join(",", purpose.dataCategories()))
                .set(CONSENT_PURPOSE.THIRD_PARTIES, String.join(",", purpose.thirdParties()))
                .set(CONSENT_PURPOSE.DEFINED_AT, at)
                .execute();
    }

    Optional<Purpose> find(DSLContext ctx, String purposeId) {
        return ctx.selectFrom(CONSENT_PURPOSE).where(CONSENT_PURPOSE.PURPOSE_ID.eq(purposeId))
                .fetchOptional().map(JooqPurposeRepository::toPurpose);
    }

    List<Purpose> all(DSLContext ctx) {
        return ctx.selectFrom(CONSENT_PURPOSE).orderBy(CONSENT_PURPOSE.PURPOSE_ID).fetch(JooqPurposeRepository::toPurpose);
    }

    int nextNoticeVersion(DSLContext ctx, String purposeId) {
        Integer max = ctx.select(DSL.max(CONSENT_NOTICE.VERSION)).from(CONSENT_NOTICE)
                .where(CONSENT_NOTICE.PURPOSE_ID.eq(purposeId)).fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    boolean versionExists(DSLContext ctx, String purposeId, int version) {
        return ctx.fetchExists(CONSENT_NOTICE, CONSENT_NOTICE.PURPOSE_ID.eq(purposeId).and(CONSENT_NOTICE.VERSION.eq(version)));
    }

    Notice insertNotice(DSLContext ctx, NoticeRef ref, NoticeDraft draft, Instant effectiveFrom, Instant publishedAt) {
        ctx.insertInto(CONSENT_NOTICE)
                .set(CONSENT_NOTICE.PURPOSE_ID, ref.purposeId())
                .set(CONSENT_NOTICE.VERSION, ref.version())
                .set(CONSENT_NOTICE.LANGUAGE, ref.language())
                .set(CONSENT_NOTICE.NOTICE_TEXT, draft.text())
                .set(CONSENT_NOTICE.SHA256, draft.sha256())
                .set(CONSENT_NOTICE.URL, draft.url())
                .set(CONSENT_NOTICE.EFFECTIVE_FROM, effectiveFrom)
                .set(CONSENT_NOTICE.PUBLISHED_AT, publishedAt)
                .execute();
        return new Notice(ref, Optional.ofNullable(draft.text()), draft.sha256(), Optional.ofNullable(draft.url()),
                effectiveFrom, publishedAt);
    }

    Optional<Notice> findNotice(DSLContext ctx, NoticeRef ref) {
        return ctx.selectFrom(CONSENT_NOTICE)
                .where(CONSENT_NOTICE.PURPOSE_ID.eq(ref.purposeId()))
                .and(CONSENT_NOTICE.VERSION.eq(ref.version()))
                .and(CONSENT_NOTICE.LANGUAGE.eq(ref.language()))
                .fetchOptional().map(JooqPurposeRepository::toNotice);
    }

    Optional<Notice> latestNotice(DSLContext ctx, String purposeId, String language, Instant now) {
        return ctx.selectFrom(CONSENT_NOTICE)
                .where(CONSENT_NOTICE.PURPOSE_ID.eq(purposeId))
                .and(CONSENT_NOTICE.LANGUAGE.eq(language))
                .and(CONSENT_NOTICE.EFFECTIVE_FROM.le(now))
                .orderBy(CONSENT_NOTICE.VERSION.desc())
                .limit(1)
                .fetchOptional().map(JooqPurposeRepository::toNotice);
    }

    /** The highest version in force now, in any language (translations share a version). */
    Optional<Integer> latestVersion(DSLContext ctx, String purposeId, Instant now) {
        return Optional.ofNullable(ctx.select(DSL.max(CONSENT_NOTICE.VERSION)).from(CONSENT_NOTICE)
                .where(CONSENT_NOTICE.PURPOSE_ID.eq(purposeId))
                .and(CONSENT_NOTICE.EFFECTIVE_FROM.le(now))
                .fetchOne(0, Integer.class));
    }

    List<Notice> notices(DSLContext ctx, String purposeId) {
        return ctx.selectFrom(CONSENT_NOTICE).where(CONSENT_NOTICE.PURPOSE_ID.eq(purposeId))
                .orderBy(CONSENT_NOTICE.VERSION, CONSENT_NOTICE.LANGUAGE)
                .fetch(JooqPurposeRepository::toNotice);
    }

    private static Purpose toPurpose(ConsentPurposeRecord r) {
        return new Purpose(r.getPurposeId(), r.getTitle(), r.getDescription(), LegalBasis.valueOf(r.getLegalBasis()),
                r.getRequired(), Set.copyOf(split(r.getRoles())), split(r.getDataCategories()), split(r.getThirdParties()));
    }

    private static Notice toNotice(ConsentNoticeRecord r) {
        return new Notice(new NoticeRef(r.getPurposeId(), r.getVersion(), r.getLanguage()),
                Optional.ofNullable(r.getNoticeText()), r.getSha256(), Optional.ofNullable(r.getUrl()),
                r.getEffectiveFrom(), r.getPublishedAt());
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
