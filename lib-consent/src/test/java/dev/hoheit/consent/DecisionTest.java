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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

@MigrateWith(ConsentTestSchema.class)
class DecisionTest {

    @DatabaseTest
    void a_grant_is_stored_as_proof_with_notice_method_role_time_and_evidence(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);

        Decision d = consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1)
                .withEvidence(Evidence.of("web", "Mozilla/5.0 Test")));

        assertEquals(1, d.sequence());
        Map<String, Object> row = db.rows("SELECT * FROM consent_decision WHERE decision_id = ?", d.id().toString()).get(0);
        assertEquals("mentee-1", row.get("subject_id"));
        assertEquals("terms-mentee", row.get("purpose_id"));
        assertEquals(1, ((Number) row.get("notice_version")).intValue());
        assertEquals("de", row.get("notice_language"));
        assertEquals("GRANTED", row.get("choice"));
        assertEquals("checkbox", row.get("method"));
        assertEquals("mentee", row.get("subject_role"));
        assertEquals("web", row.get("channel"));
        assertEquals("Mozilla/5.0 Test", row.get("user_agent"));
        assertEquals(clock.instant(), consent.decision(d.id()).orElseThrow().decidedAt());
        assertFalse(row.keySet().stream().anyMatch(column -> column.contains("ip")), "no IP address column: " + row.keySet());
        assertEquals(ConsentStatus.GRANTED, consent.state("mentee-1", "terms-mentee").status());
    }

    @DatabaseTest
    void a_decision_counts_at_once_even_when_the_clock_is_finer_than_the_database(TestDatabase db) {
        // PostgreSQL rounds to the microsecond: unrounded, this grant would be stored 1 µs in the future.
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00.000000700Z");
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);

        Decision d = consent.record(Fixtures.grant("mentee-1", "newsletter", 1));

        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), d.decidedAt());
        assertEquals(ConsentStatus.GRANTED, consent.state("mentee-1", "newsletter").status());
        assertEquals(ConsentStatus.GRANTED, consent.states("mentee-1").stream()
                .filter(s -> s.purpose().id().equals("newsletter")).findFirst().orElseThrow().status());
        assertTrue(consent.isGranted("mentee-1", "newsletter", clock.instant()));
    }

    @DatabaseTest
    void a_refusal_is_recorded_like_a_grant(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);

        Decision refusal = consent.record(DecisionRequest.refuse("mentee-1", NoticeRef.of("newsletter", 1, "de"))
                .as("mentee").via("checkbox"));

        assertEquals(Choice.REFUSED, refusal.choice());
        assertEquals(1, db.queryLong("SELECT count(*) FROM consent_decision WHERE choice = 'REFUSED'"));
        ConsentState state = consent.state("mentee-1", "newsletter");
        assertEquals(ConsentStatus.REFUSED, state.status());
        assertEquals(refusal, state.decision().orElseThrow());
        assertFalse(consent.isGranted("mentee-1", "newsletter", Instant.parse("2030-01-01T00:00:00Z")));
    }

    @DatabaseTest
    void withdrawn_consent_is_no_longer_granted_and_history_keeps_every_step(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        Instant whileGranted = clock.advance(Duration.ofHours(1));
        clock.advance(Duration.ofHours(1));

        Decision withdrawal = consent.record(DecisionRequest.withdraw("mentee-1", "newsletter").as("mentee").via("console"));

        assertEquals(NoticeRef.of("newsletter", 1, "de"), withdrawal.notice(), "a withdrawal refers to the notice it ends");
        assertEquals(ConsentStatus.WITHDRAWN, consent.state("mentee-1", "newsletter").status());
        assertTrue(consent.isGranted("mentee-1", "newsletter", whileGranted));
        assertFalse(consent.isGranted("mentee-1", "newsletter", clock.instant()));
        assertEquals(List.of(Choice.GRANTED, Choice.WITHDRAWN),
                consent.history("mentee-1").stream().map(Decision::choice).toList());
        assertEquals(List.of(1L, 2L), consent.history("mentee-1").stream().map(Decision::sequence).toList());
    }

    @DatabaseTest
    void withdrawing_what_was_never_granted_fails_and_stores_nothing(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);

        ConsentException e = assertThrows(ConsentException.class,
                () -> consent.record(DecisionRequest.withdraw("mentee-1", "newsletter")));
        assertEquals(ConsentException.Problem.ILLEGAL_STATE, e.problem());
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision"));
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_subject"), "the sequence reservation is rolled back too");
    }

    @DatabaseTest
    void was_it_granted_at_instant_t_follows_the_decisions_over_time(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        Instant before = clock.instant().minusSeconds(1);
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        Instant granted = clock.advance(Duration.ofDays(5));
        clock.advance(Duration.ofDays(5));
        consent.record(DecisionRequest.withdraw("mentee-1", "newsletter"));
        Instant withdrawn = clock.advance(Duration.ofDays(5));
        clock.advance(Duration.ofDays(5));
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        Instant regranted = clock.advance(Duration.ofDays(1));

        assertFalse(consent.isGranted("mentee-1", "newsletter", before));
        assertTrue(consent.isGranted("mentee-1", "newsletter", granted));
        assertFalse(consent.isGranted("mentee-1", "newsletter", withdrawn));
        assertTrue(consent.isGranted("mentee-1", "newsletter", regranted));
    }

    @DatabaseTest
    void a_grant_with_expiry_lapses_by_itself(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        Instant expiry = clock.instant().plus(Duration.ofDays(365));
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1).until(expiry));

        assertEquals(ConsentStatus.GRANTED, consent.state("mentee-1", "newsletter").status());
        clock.set(expiry);
        assertEquals(ConsentStatus.EXPIRED, consent.state("mentee-1", "newsletter").status());
        assertFalse(consent.isGranted("mentee-1", "newsletter", expiry));
        assertTrue(consent.isGranted("mentee-1", "newsletter", expiry.minusSeconds(1)));
        assertTrue(consent.purposesToAsk("mentee-1", "mentee").stream().anyMatch(p -> p.id().equals("newsletter")),
                "an expired consent is asked again");
    }

    @DatabaseTest
    void bad_input_names_the_problem_and_stores_nothing(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);

        assertEquals(ConsentException.Problem.UNKNOWN_PURPOSE, assertThrows(ConsentException.class,
                () -> consent.record(Fixtures.grant("mentee-1", "unknown-purpose", 1))).problem());
        ConsentException unknownNotice = assertThrows(ConsentException.class,
                () -> consent.record(Fixtures.grant("mentee-1", "terms-mentee", 9)));
        assertEquals(ConsentException.Problem.UNKNOWN_NOTICE, unknownNotice.problem());
        assertTrue(unknownNotice.getMessage().contains("terms-mentee v9"), unknownNotice.getMessage());
        assertEquals("subject id must not be blank", assertThrows(ConsentException.class,
                () -> Fixtures.grant("  ", "terms-mentee", 1)).getMessage());
        assertEquals(ConsentException.Problem.EXPIRY_IN_PAST, assertThrows(ConsentException.class,
                () -> consent.record(Fixtures.grant("mentee-1", "newsletter", 1).until(clock.instant().minusSeconds(5)))).problem());
        assertEquals(ConsentException.Problem.INVALID_ARGUMENT, assertThrows(ConsentException.class,
                () -> consent.state("mentee-1", " ")).problem());
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision"));
    }

    @DatabaseTest
    void a_registration_form_is_recorded_all_or_nothing(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);

        assertThrows(ConsentException.class, () -> consent.recordAll(List.of(
                Fixtures.grant("mentee-1", "terms-mentee", 1),
                Fixtures.grant("mentee-1", "privacy-policy", 1),
                Fixtures.grant("mentee-1", "newsletter", 42))));
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision"), "nothing half-written remains");

        List<Decision> stored = consent.recordAll(List.of(
                Fixtures.grant("mentee-1", "terms-mentee", 1),
                Fixtures.grant("mentee-1", "privacy-policy", 1),
                DecisionRequest.refuse("mentee-1", NoticeRef.of("newsletter", 1, "de")).as("mentee").via("checkbox")));
        assertEquals(List.of(1L, 2L, 3L), stored.stream().map(Decision::sequence).toList());
        assertEquals(3, db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = 'mentee-1'"));
        assertTrue(consent.purposesToAsk("mentee-1", "mentee").isEmpty(), "a refusal of an optional purpose is respected");
    }

    @DatabaseTest
    void a_changed_notice_requires_consent_again(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
        consent.record(Fixtures.grant("mentee-1", "privacy-policy", 1));
        assertTrue(consent.hasAcceptedLatestNotice("mentee-1", "terms-mentee"));

        clock.advance(Duration.ofDays(1));
        consent.publishNotice(NoticeDraft.ofText("terms-mentee", "de", "Fassung 2"));

        assertFalse(consent.hasAcceptedLatestNotice("mentee-1", "terms-mentee"));
        assertEquals(ConsentStatus.GRANTED, consent.state("mentee-1", "terms-mentee").status(), "the old grant still stands");
        assertEquals(List.of("newsletter", "terms-mentee"),
                consent.purposesToAsk("mentee-1", "mentee").stream().map(Purpose::id).toList());
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 2));
        assertTrue(consent.hasAcceptedLatestNotice("mentee-1", "terms-mentee"));
    }

    @DatabaseTest
    void subjects_currently_granting_a_purpose_come_in_pages(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        for (int i = 0; i < 25; i++) {
            consent.record(Fixtures.grant(String.format("mentee-%02d", i), "newsletter", 1));
        }
        consent.record(DecisionRequest.withdraw("mentee-03", "newsletter"));
        consent.record(DecisionRequest.refuse("mentee-99", NoticeRef.of("newsletter", 1, "de")));
        consent.record(Fixtures.grant("mentee-04", "newsletter", 1).until(clock.instant().plusSeconds(60)));
        clock.advance(Duration.ofMinutes(2));

        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SubjectPage page = consent.subjectsGranting("newsletter", cursor, 10);
            all.addAll(page.subjectIds());
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null);

        assertEquals(3, pages);
        assertEquals(23, all.size());
        assertFalse(all.contains("mentee-03"), "withdrawn");
        assertFalse(all.contains("mentee-04"), "expired");
        assertFalse(all.contains("mentee-99"), "refused");
        assertEquals(all.stream().sorted().toList(), all);
        assertEquals(ConsentException.Problem.INVALID_ARGUMENT, assertThrows(ConsentException.class,
                () -> consent.subjectsGranting("newsletter", null, 0)).problem());
    }

    @DatabaseTest
    void concurrent_decisions_on_one_subject_lose_no_write(TestDatabase db) throws Exception {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        int threads = 6;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean grant = t % 2 == 0;
                tasks.add(() -> {
                    for (int i = 0; i < perThread; i++) {
                        consent.record(grant ? Fixtures.grant("mentee-1", "privacy-policy", 1)
                                : DecisionRequest.refuse("mentee-1", NoticeRef.of("privacy-policy", 1, "de")));
                    }
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Decision> history = consent.history("mentee-1");
        assertEquals(threads * perThread, history.size());
        assertEquals(threads * perThread, db.queryLong("SELECT count(*) FROM consent_decision"));
        for (int i = 0; i < history.size(); i++) {
            assertEquals(i + 1, history.get(i).sequence(), "gap-free sequence in commit order");
        }
        Decision last = history.get(history.size() - 1);
        assertEquals(Optional.of(last), consent.state("mentee-1", "privacy-policy").decision());
    }

    @DatabaseTest
    void concurrent_batches_over_the_same_subjects_in_opposite_order_all_succeed(TestDatabase db) throws Exception {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                boolean forward = t % 2 == 0;
                tasks.add(() -> {
                    for (int i = 0; i < 20; i++) {
                        DecisionRequest a = Fixtures.grant("mentee-a", "privacy-policy", 1);
                        DecisionRequest b = Fixtures.grant("mentee-b", "privacy-policy", 1);
                        consent.recordAll(forward ? List.of(a, b) : List.of(b, a));
                    }
                    return null;
                });
            }
            for (Future<Void> future : pool.invokeAll(tasks)) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(80, consent.history("mentee-a").size());
        assertEquals(80, consent.history("mentee-b").size());
    }
}
