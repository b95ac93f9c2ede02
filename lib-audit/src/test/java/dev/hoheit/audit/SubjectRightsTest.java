package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

@MigrateWith(AuditTestSchema.class)
class SubjectRightsTest {

    private static void populate(AuditLog log) {
        log.appendIntegrated(AuditFixtures.mentorViewsPlan("w1"));
        log.appendIntegrated(AuditFixtures.mentorViewsPlan("w2"));
        log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("w1"));
        log.appendIntegrated(AuditEvent.of(AuditFixtures.MENTOR, AuditAction.LOGIN, Resource.of("session")));
        log.appendIntegrated(AuditEvent.of(Actor.of("mentee-1", "mentee"), AuditAction.UPDATE, Resource.of("plan", "z")).about("mentee-1"));
    }

    @DatabaseTest
    void export_lists_every_event_by_and_about_the_person(TestDatabase db) throws Exception {
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            populate(log);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            SubjectAuditRecords counts = log.exportSubject("mentee-42", out);

            assertEquals(new SubjectAuditRecords(1, 3), counts);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertEquals("hoheit-audit-export/1", json.get("format").asText());
            assertEquals(1, json.get("asActor").size());
            assertEquals(3, json.get("asSubject").size());
            assertEquals("mentor-7", json.get("asSubject").get(1).get("actorId").asText());
            assertNull(json.get("asSubject").get(1).get("client"), "a mentee's export never carries the mentor's client data");
            assertFalse(out.toString(StandardCharsets.UTF_8).contains("203.0.113.7"));
            ByteArrayOutputStream mentors = new ByteArrayOutputStream();
            assertEquals(new SubjectAuditRecords(3, 0), log.exportSubject("mentor-7", mentors));
            assertEquals("203.0.113.7", new ObjectMapper().readTree(mentors.toByteArray())
                    .get("asActor").get(1).get("client").get("ipAddress").asText(), "the mentor's own export keeps her client data");
        }
    }

    @DatabaseTest
    void a_persons_export_keeps_her_own_client_data_about_her_own_data(TestDatabase db) throws Exception {
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("p").from(ClientInfo.of("198.51.100.4", "Own Browser")));
            log.appendIntegrated(AuditFixtures.mentorViewsPlan("p"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            log.exportSubject("mentee-42", out);
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            assertEquals("198.51.100.4", json.get("asActor").get(0).get("client").get("ipAddress").asText());
            assertEquals("198.51.100.4", json.get("asSubject").get(1).get("client").get("ipAddress").asText());
            assertNull(json.get("asSubject").get(0).get("client"));
            assertEquals("mentor-7", json.get("asSubject").get(0).get("actorId").asText(), "who acted stays in the export");
        }
    }

    @DatabaseTest
    void erasure_makes_the_persons_fields_unreadable_and_the_chain_still_verifies(TestDatabase db) {
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            populate(log);
            Checkpoint exported = log.seal();

            SubjectAuditRecords erased = log.eraseSubject("mentor-7");

            assertEquals(new SubjectAuditRecords(3, 0), erased);
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_person_key WHERE tag IN"
                    + " (SELECT actor_tag FROM audit_entry WHERE actor_role = 'mentor')"), "the mentor's key is gone");
            assertEquals(0, log.byActor("mentor-7", AuditQuery.newest(10)).entries().size(), "nothing links to the person any more");
            List<AuditEntry> aboutMentee = log.bySubject("mentee-42", AuditQuery.newest(10)).entries();
            AuditEntry view = aboutMentee.stream().filter(e -> e.action() == AuditAction.VIEW).findFirst().orElseThrow();
            assertTrue(view.actorId().isEmpty(), "the erased viewer is shown as erased");
            assertEquals("mentee-42", view.subjectId().orElseThrow(), "the mentee's own view of the event stays");
            assertEquals("mentor", view.actorRole());
            AuditEntry login = log.search(AuditQuery.newest(20).actions(AuditAction.LOGIN)).entries().get(0);
            assertTrue(login.actorId().isEmpty());
            assertEquals(Map.of(), login.details());
            VerificationReport report = log.verify(List.of(exported));
            assertTrue(report.ok(), report.toText());
            AuditEntry record = log.search(AuditQuery.newest(1).actions(AuditAction.ERASE)).entries().get(0);
            assertEquals("3", record.details().get("eventsAsActor"));
            assertFalse(record.details().containsValue("mentor-7"), "the erasure record holds no id");
            for (Map<String, Object> row : db.rows("SELECT * FROM audit_entry")) {
                for (Object value : row.values()) {
                    String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                    assertFalse(text.contains("mentor-7"), "no clear id anywhere");
                }
            }
            assertEquals(new SubjectAuditRecords(0, 0), log.eraseSubject("mentor-7"), "erasing twice finds nothing");
        }
    }
}
