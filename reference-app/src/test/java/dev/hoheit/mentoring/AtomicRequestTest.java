package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Every request's data and its audit event commit in one transaction: a 2xx means both are durable
 * (own reads included); a failed audit write fails the request and changes nothing.
 */
class AtomicRequestTest {

    @DatabaseTest
    void a_failed_audit_write_fails_the_request_and_stores_nothing(TestDatabase db) {
        FaultyDataSource faulty = new FaultyDataSource(db.dataSource());
        try (TestApp app = new TestApp(faulty)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("mia", "correct horse 5")).get("id").asText();
            mentee.signIn("mia", "correct horse 5");
            long accounts = db.queryLong("SELECT count(*) FROM app_account");
            long decisions = db.queryLong("SELECT count(*) FROM consent_decision");

            faulty.failing = "audit_outbox";
            HttpResponse<String> write = mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 7));
            assertEquals(503, write.statusCode(), "the audit log is unavailable: try again; " + write.body());
            assertTrue(write.body().contains("nothing was changed"), write.body());
            HttpResponse<String> read = mentee.get("/api/me/smoff-sessions");
            assertEquals(503, read.statusCode(), "a read whose audit event cannot be written is not answered: " + read.body());
            HttpResponse<String> registration = app.client().register("nora", "correct horse 7");
            assertEquals(503, registration.statusCode(), registration.body());
            assertTrue(faulty.injected.get() >= 3);
            faulty.failing = null;

            assertEquals(0, db.queryLong("SELECT count(*) FROM app_smoff_session"), "the entry was rolled back with its event");
            assertEquals(accounts, db.queryLong("SELECT count(*) FROM app_account"), "no account without its CREATE event");
            assertEquals(decisions, db.queryLong("SELECT count(*) FROM consent_decision"), "no consent proof without the account");
            assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 7)).statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_smoff_session"));
            app.app.flushAudit();
            assertTrue(app.app.audit().verify().ok());
            assertEquals(1, app.app.audit().byActor(menteeId, AuditQuery.newest(50).actions(AuditAction.CREATE)).entries().stream()
                    .filter(entry -> entry.resourceType().equals("smoff-session")).count(), "one CREATE, for the entry that was kept");
        }
    }

    @DatabaseTest
    void every_answered_read_has_its_audit_event_durable_before_the_answer(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("mia", "correct horse 5")).get("id").asText();
            mentee.signIn("mia", "correct horse 5");
            long before = durableEvents(db);
            for (int i = 0; i < 20; i++) {
                assertEquals(200, mentee.get("/api/me/smoff-sessions").statusCode());
                // Counted on another connection right after the answer: the event is committed already
                // (at least: the app's own background work, a retention run, may add events too).
                long durable = durableEvents(db);
                assertTrue(durable >= before + i + 1, "the read's event is durable when the 200 arrives: " + durable);
            }
            app.app.flushAudit();
            assertEquals(20, app.app.audit().bySubject(menteeId, AuditQuery.newest(100).actions(AuditAction.VIEW)).entries().stream()
                    .filter(entry -> entry.resourceId().orElse("").equals("/api/me/smoff-sessions")).count());
        }
    }

    /** Committed audit events, integrated or still in the outbox. */
    private static long durableEvents(TestDatabase db) {
        return db.queryLong("SELECT (SELECT count(*) FROM audit_entry) + (SELECT count(*) FROM audit_outbox)");
    }
}
