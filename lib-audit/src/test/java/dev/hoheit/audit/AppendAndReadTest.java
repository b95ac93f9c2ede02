package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MigrateWith(AuditTestSchema.class)
class AppendAndReadTest {

    @DatabaseTest
    void an_appended_event_reads_back_with_every_field(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            AuditReceipt receipt = log.appendIntegrated(AuditFixtures.mentorViewsPlan("week-2026-02"));

            assertEquals(1, receipt.seq());
            assertEquals(clock.instant(), receipt.recordedAt());
            AuditEntry entry = log.bySubject("mentee-42", AuditQuery.newest(10)).entries().get(0);
            assertEquals(receipt.seq(), entry.seq());
            assertEquals("mentor-7", entry.actorId().orElseThrow());
            assertEquals("mentor", entry.actorRole());
            assertEquals("mentee-42", entry.subjectId().orElseThrow());
            assertEquals(AuditAction.VIEW, entry.action());
            assertEquals("plan", entry.resourceType());
            assertEquals("week-2026-02", entry.resourceId().orElseThrow());
            assertEquals("grant:81c2", entry.purpose().orElseThrow());
            assertEquals(Outcome.ALLOWED, entry.outcome());
            assertEquals(Map.of("scope", "plans"), entry.details());
            assertEquals(ClientInfo.of("203.0.113.7", "Mozilla/5.0 Test"), entry.client().orElseThrow());
            assertEquals(receipt.leafHash(), entry.leafHash());
        }
    }

    @DatabaseTest
    void personal_fields_are_stored_only_encrypted(TestDatabase db) {
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            log.appendIntegrated(AuditFixtures.mentorViewsPlan("week-2026-02"));
        }
        Map<String, Object> row = db.rows("SELECT * FROM audit_entry").get(0);
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String text = column.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(column.getValue());
            for (String secret : List.of("mentor-7", "mentee-42", "week-2026-02", "203.0.113.7", "Mozilla", "plans")) {
                assertFalse(text.contains(secret), column.getKey() + " holds '" + secret + "' in clear");
            }
        }
        assertEquals("mentor", row.get("actor_role"));
        assertEquals("VIEW", row.get("action"));
    }

    @DatabaseTest
    void who_viewed_my_data_and_what_did_i_do_come_newest_first_in_pages(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            for (int i = 0; i < 25; i++) {
                log.appendIntegrated(AuditFixtures.mentorViewsPlan("plan-" + i));
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("plan-" + i));
                clock.advance(Duration.ofMinutes(1));
            }
            log.appendIntegrated(AuditEvent.of(Actor.of("mentor-9", "mentor"), AuditAction.VIEW, Resource.of("plan", "x")).about("mentee-1"));

            List<AuditEntry> aboutMe = new ArrayList<>();
            AuditQuery query = AuditQuery.newest(20);
            while (true) {
                AuditPage page = log.bySubject("mentee-42", query);
                aboutMe.addAll(page.entries());
                if (page.next().isEmpty()) {
                    break;
                }
                query = query.before(page.next().getAsLong());
            }
            assertEquals(50, aboutMe.size());
            for (int i = 1; i < aboutMe.size(); i++) {
                assertTrue(aboutMe.get(i - 1).seq() > aboutMe.get(i).seq(), "newest first");
            }
            List<AuditEntry> views = log.bySubject("mentee-42", AuditQuery.newest(100).actions(AuditAction.VIEW)).entries();
            assertEquals(25, views.size());
            assertTrue(views.stream().allMatch(e -> e.actorId().orElseThrow().equals("mentor-7")));

            AuditPage mine = log.byActor("mentee-42", AuditQuery.newest(100));
            assertEquals(25, mine.entries().size());
            assertTrue(mine.entries().stream().allMatch(e -> e.action() == AuditAction.UPDATE));
            assertEquals(0, log.byActor("nobody", AuditQuery.newest(5)).entries().size());
        }
    }

    @DatabaseTest
    void views_by_others_page_through_any_number_of_own_reads_in_the_database(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            Resource plan = Resource.of("plan", "p");
            for (int i = 0; i < 7; i++) {
                log.appendIntegrated(AuditEvent.of(Actor.of("mentor-" + i, "mentor"), AuditAction.VIEW, plan).about("mentee-42"));
                for (int own = 0; own < 40; own++) { // the person's own reads outnumber every page
                    log.appendIntegrated(AuditEvent.of(AuditFixtures.MENTEE, AuditAction.VIEW, plan).about("mentee-42"));
                }
            }
            log.appendIntegrated(AuditEvent.of(Actor.system(), AuditAction.VIEW, plan).about("mentee-42"));
            log.appendIntegrated(AuditEvent.of(Actor.of("mentor-8", "mentor"), AuditAction.VIEW, plan).about("mentee-1"));

            List<String> others = new ArrayList<>();
            int pages = 0;
            AuditQuery query = AuditQuery.newest(3).actions(AuditAction.VIEW);
            while (true) {
                AuditPage page = log.bySubjectFromOthers("mentee-42", query);
                pages++;
                assertTrue(page.entries().size() == 3 || page.next().isEmpty(), "every page but the last is full");
                page.entries().forEach(e -> others.add(e.actorId().orElseThrow()));
                if (page.next().isEmpty()) {
                    break;
                }
                query = query.before(page.next().getAsLong());
            }
            assertEquals(List.of(Actor.SYSTEM_ID, "mentor-6", "mentor-5", "mentor-4", "mentor-3", "mentor-2", "mentor-1", "mentor-0"), others);
            assertEquals(3, pages);
            assertEquals(List.of(), log.bySubjectFromOthers("nobody", AuditQuery.newest(5)).entries());
        }
    }

    @DatabaseTest
    void search_filters_by_time_range_and_action(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            Instant start = clock.instant();
            for (int i = 0; i < 10; i++) {
                log.appendIntegrated(i % 2 == 0 ? AuditFixtures.mentorViewsPlan("p" + i) : AuditFixtures.menteeUpdatesPlan("p" + i));
                clock.advance(Duration.ofHours(1));
            }
            List<AuditEntry> window = log.search(AuditQuery.newest(100).between(start.plus(Duration.ofHours(2)),
                    start.plus(Duration.ofHours(6)))).entries();
            assertEquals(List.of(6L, 5L, 4L, 3L), window.stream().map(AuditEntry::seq).toList());
            List<AuditEntry> views = log.search(AuditQuery.newest(100).actions(AuditAction.VIEW)).entries();
            assertEquals(5, views.size());
        }
    }

    @Test
    void bad_input_names_the_problem() {
        assertEquals("actor id must not be blank", assertThrows(AuditException.class, () -> Actor.of(" ", "mentor")).getMessage());
        AuditException unknown = assertThrows(AuditException.class, () -> AuditAction.parse("peek"));
        assertEquals(AuditException.Problem.INVALID_ARGUMENT, unknown.problem());
        assertTrue(unknown.getMessage().contains("unknown action 'peek'"), unknown.getMessage());
        assertEquals(AuditAction.VIEW, AuditAction.parse(" view "));
        Map<String, String> big = new HashMap<>();
        big.put("text", "x".repeat(5000));
        AuditException oversized = assertThrows(AuditException.class,
                () -> AuditFixtures.menteeUpdatesPlan("p").withDetails(big));
        assertTrue(oversized.getMessage().contains("at most 4096"), oversized.getMessage());
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("k" + i, "v");
        }
        assertTrue(assertThrows(AuditException.class, () -> AuditFixtures.menteeUpdatesPlan("p").withDetails(many))
                .getMessage().contains("40 entries"));
        assertThrows(AuditException.class, () -> AuditQuery.newest(0));
    }
}
