package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@MigrateWith(ConsentTestSchema.class)
class PurposeAndNoticeTest {

    @DatabaseTest
    void a_defined_purpose_reads_back_with_every_field(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Purpose purpose = Purpose.optional("research", "Forschung mit anonymisierten Daten")
                .withDescription("Nur vollständig anonymisiert (R20).")
                .forRoles("mentee")
                .withDataCategories(List.of("smoff-time"))
                .withThirdParties(List.of("Universität X"));
        consent.definePurpose(purpose);

        Purpose read = consent.purpose("research").orElseThrow();
        assertEquals(purpose, read);
        assertEquals(LegalBasis.CONSENT, read.legalBasis());
        assertEquals(Set.of("mentee"), read.roles());
        assertEquals(List.of("Universität X"), read.thirdParties());
    }

    @DatabaseTest
    void defining_the_same_purpose_twice_is_harmless_but_a_different_one_conflicts(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        consent.definePurpose(Purpose.required("terms", "Terms"));
        consent.definePurpose(Purpose.required("terms", "Terms"));
        assertEquals(1, consent.purposes().size());

        ConsentException e = assertThrows(ConsentException.class,
                () -> consent.definePurpose(Purpose.optional("terms", "Terms")));
        assertEquals(ConsentException.Problem.CONFLICT, e.problem());
        assertTrue(e.getMessage().contains("terms"), e.getMessage());
        assertTrue(consent.purpose("terms").orElseThrow().required(), "the original definition stays");
    }

    @DatabaseTest
    void purposes_are_offered_per_role(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);

        assertEquals(List.of("newsletter", "privacy-policy", "terms-mentee"),
                consent.purposesFor("mentee").stream().map(Purpose::id).toList());
        assertEquals(List.of("newsletter", "privacy-policy", "terms-mentor"),
                consent.purposesFor("mentor").stream().map(Purpose::id).toList());
        assertEquals(List.of("privacy-policy"), consent.purposesFor("employer").stream().map(Purpose::id).toList());
    }

    @DatabaseTest
    void publishing_an_unchanged_text_again_returns_its_version_and_asks_nobody_again(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        consent.definePurpose(Purpose.required("terms", "Terms"));
        Notice v1 = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        clock.advance(Duration.ofDays(1));
        Notice again = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        assertEquals(v1, again, "a host that publishes its texts at every start gets the same version");
        assertEquals(1, db.queryLong("SELECT count(*) FROM consent_notice WHERE purpose_id = 'terms'"));

        Notice english = consent.publishNotice(NoticeDraft.ofText("terms", "en", "Fassung 1"));
        assertEquals(2, english.version(), "the same words in another language are a publication of their own");
        Notice moved = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1").publishedAt("https://x.example/terms"));
        assertEquals(3, moved.version(), "a new URL is a new publication");
        assertEquals(moved, consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1")),
                "without a URL, the newest version with that text is the one");
        Notice changed = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1."));
        assertEquals(4, changed.version(), "one character more is a change");
        assertEquals(changed, consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1.")));
        Notice back = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        assertEquals(5, back.version(), "going back to an earlier wording is a new version: everyone saw the change");
    }

    @DatabaseTest
    void a_new_notice_version_is_a_new_record_and_old_versions_stay(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        consent.definePurpose(Purpose.required("terms", "Terms"));
        Notice v1 = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        clock.advance(Duration.ofDays(30));
        Notice v2 = consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 2").publishedAt("https://x.example/terms/2"));

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals("Fassung 1", consent.notice(v1.ref()).orElseThrow().text().orElseThrow());
        assertEquals(NoticeDraft.sha256("Fassung 1"), consent.notice(v1.ref()).orElseThrow().sha256());
        assertEquals("https://x.example/terms/2", consent.notice(v2.ref()).orElseThrow().url().orElseThrow());
        assertEquals(2, consent.latestNotice("terms", "de").orElseThrow().version());
        assertEquals(2, consent.notices("terms").size());
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_notice WHERE purpose_id = 'terms'"));
    }

    @DatabaseTest
    void a_notice_effective_in_the_future_is_not_the_latest_until_then(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        consent.definePurpose(Purpose.required("terms", "Terms"));
        consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 2").effectiveFrom(clock.instant().plus(Duration.ofDays(14))));

        assertEquals(1, consent.latestNotice("terms", "de").orElseThrow().version());
        clock.advance(Duration.ofDays(14));
        assertEquals(2, consent.latestNotice("terms", "de").orElseThrow().version());
    }

    @DatabaseTest
    void a_translation_shares_the_version_and_a_reference_notice_keeps_hash_and_url(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        consent.definePurpose(Purpose.required("terms", "Terms"));
        consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1"));
        String hash = NoticeDraft.sha256("Version 1");
        Notice english = consent.publishTranslation(1, NoticeDraft.ofReference("terms", "en", hash, "https://x.example/en/terms"));

        assertEquals(NoticeRef.of("terms", 1, "en"), english.ref());
        assertTrue(english.text().isEmpty());
        assertEquals(hash, consent.latestNotice("terms", "en").orElseThrow().sha256());
        assertEquals(ConsentException.Problem.CONFLICT, assertThrows(ConsentException.class, () ->
                consent.publishTranslation(1, NoticeDraft.ofText("terms", "en", "again"))).problem());
        assertEquals(ConsentException.Problem.UNKNOWN_NOTICE, assertThrows(ConsentException.class, () ->
                consent.publishTranslation(7, NoticeDraft.ofText("terms", "fr", "Version 7"))).problem());
    }

    @DatabaseTest
    void a_notice_for_an_unknown_purpose_is_refused_and_nothing_is_stored(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        ConsentException e = assertThrows(ConsentException.class,
                () -> consent.publishNotice(NoticeDraft.ofText("nope", "de", "Text")));
        assertEquals(ConsentException.Problem.UNKNOWN_PURPOSE, e.problem());
        assertTrue(e.getMessage().contains("nope"));
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_notice"));
    }

    @Test
    void malformed_drafts_and_purposes_name_the_problem() {
        assertEquals("purpose id must not be blank", assertThrows(ConsentException.class,
                () -> Purpose.required(" ", "Title")).getMessage());
        assertTrue(assertThrows(ConsentException.class, () -> Purpose.required("has space", "Title"))
                .getMessage().contains("has space"));
        assertEquals("notice SHA-256 does not match its text", assertThrows(ConsentException.class,
                () -> new NoticeDraft("terms", "de", "Text", "0".repeat(64), null, null)).getMessage());
        assertEquals("a notice needs its text, or its SHA-256 and URL", assertThrows(ConsentException.class,
                () -> new NoticeDraft("terms", "de", null, "0".repeat(64), null, null)).getMessage());
        assertFalse(NoticeDraft.ofText("terms", "de", "x").sha256().isBlank());
    }
}
