package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.VerificationReport;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Database connections fail under load (one statement or commit in twenty, the app's integrator
 * included): afterwards every acknowledged request has its data and its audit event, every entry
 * has exactly one event and every event its entry, every acknowledged read has exactly one event,
 * and the log verifies.
 */
class FaultInjectionTest {

    private static final int THREADS = 4;
    private static final int ROUNDS = 30;

    /** What one client saw acknowledged. */
    private record Acknowledged(String menteeId, Set<String> entries, int reads, int failures) {
    }

    @DatabaseTest
    void under_dropped_connections_nothing_acknowledged_is_lost_and_nothing_is_half_done(TestDatabase db) throws Exception {
        FaultyDataSource faulty = new FaultyDataSource(db.dataSource());
        try (TestApp app = new TestApp(faulty)) {
            List<TestApp.Client> clients = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                TestApp.Client client = app.client();
                ids.add(TestApp.json(client.register("faulty" + t, "correct horse " + t)).get("id").asText());
                client.signIn("faulty" + t, "correct horse " + t);
                clients.add(client);
            }
            faulty.dropRate = 0.05;
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Acknowledged>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                TestApp.Client client = clients.get(t);
                String menteeId = ids.get(t);
                results.add(pool.submit(() -> load(client, menteeId)));
            }
            List<Acknowledged> acknowledged = new ArrayList<>();
            for (Future<Acknowledged> result : results) {
                acknowledged.add(result.get());
            }
            pool.shutdown();
            faulty.dropRate = 0;
            assertTrue(faulty.injected.get() > 20, "faults were injected: " + faulty.injected.get());
            assertTrue(acknowledged.stream().mapToInt(Acknowledged::failures).sum() > 0, "some requests failed");

            app.app.flushAudit();
            for (Acknowledged client : acknowledged) {
                long reads = AuditedEntries.check(db, app.app.audit(), client.menteeId(), client.entries());
                assertEquals(client.reads(), reads, "every acknowledged read has exactly one event, no unacknowledged one has");
            }
            VerificationReport report = app.app.audit().verify();
            assertTrue(report.ok(), report.toText());
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
        }
    }

    private static Acknowledged load(TestApp.Client client, String menteeId) {
        Set<String> entries = new HashSet<>();
        int reads = 0;
        int failures = 0;
        for (int i = 0; i < ROUNDS; i++) {
            HttpResponse<String> created = client.post("/api/me/smoff-sessions",
                    Map.of("kind", "day", "date", "2026-02-" + String.format("%02d", 1 + i % 28), "minutes", 1 + i % 50));
            if (created.statusCode() == 201) {
                entries.add(TestApp.json(created).get("id").asText());
            } else {
                assertServerFailure(created);
                failures++;
            }
            HttpResponse<String> read = client.get("/api/me/smoff-sessions");
            if (read.statusCode() == 200) {
                reads++;
            } else {
                assertServerFailure(read);
                failures++;
            }
        }
        return new Acknowledged(menteeId, entries, reads, failures);
    }

    /** A failed request under injected faults: 503 (the audit log or the database is unavailable) or 500, never a 2xx or 4xx. */
    private static void assertServerFailure(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 503 || response.statusCode() == 500, response.statusCode() + " " + response.body());
    }
}
