package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.GrantRequest;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.Purpose;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

@MigrateWith(HostSchema.class)
class SubjectRightsTest {

    private static final byte[] PICTURE = "\u0089PNG fake picture bytes".getBytes(StandardCharsets.ISO_8859_1);

    /** mentee-1 has notes, a note sent to mentor-1 (on the mentor's side), a picture, consents, a grant and log entries. */
    private static void populate(RetentionFixtures app) {
        app.notes.addNote(1, "mentee-1", null, "my plan", app.clock.instant());
        app.notes.addNote(2, "mentee-1", "mentor-1", "hello mentor", app.clock.instant());
        app.notes.addNote(3, "mentor-1", "mentee-1", "hello mentee", app.clock.instant());
        app.notes.addNote(4, "mentor-1", null, "mentor's own", app.clock.instant());
        app.notes.addPicture(1, "mentee-1", "plan-week-2.png", PICTURE);
        app.consent.definePurpose(Purpose.required("terms", "Terms"));
        Notice terms = app.consent.publishNotice(NoticeDraft.ofText("terms", "de", "Bedingungen"));
        app.consent.record(DecisionRequest.grant("mentee-1", terms.ref()).as("mentee").via("checkbox"));
        app.consent.record(DecisionRequest.grant("mentor-1", terms.ref()).as("mentor").via("checkbox"));
        app.consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", Set.of("plans")));
        app.audit.append(AuditEvent.of(Actor.of("mentee-1", "mentee"), AuditAction.LOGIN, Resource.of("session"))
                .from(ClientInfo.of("192.0.2.9", "UA")));
        app.audit.append(AuditEvent.of(Actor.of("mentor-1", "mentor"), AuditAction.VIEW, Resource.of("plan", "1")).about("mentee-1"));
        app.retention.restrict("mentee-1", "disputes accuracy of a plan");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @DatabaseTest
    void the_readable_page_shows_every_store_as_tables_in_the_persons_language_with_names(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            populate(app);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            ExportOptions options = ExportOptions.in(java.util.Locale.GERMAN)
                    .withNames(id -> Map.of("mentee-1", "Mia", "mentor-1", "Max").entrySet().stream()
                            .filter(e -> e.getKey().equals(id)).map(Map.Entry::getValue).findFirst())
                    .withLabels(key -> java.util.Optional.ofNullable(Map.of("store.notes", "Notizen", "field.body", "Text").get(key)));

            app.retention.exportSubject("mentee-1", zip, options);

            Map<String, byte[]> entries = unzip(zip.toByteArray());
            String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);
            assertTrue(index.contains("<html lang=\"de\">") && index.contains("Alle über Sie gespeicherten Daten"), index);
            assertTrue(index.contains("Export für <strong>Mia</strong>"), "the subject by name, not id");
            assertTrue(index.contains("<h2>Notizen</h2>") && index.contains("<th scope=\"col\">Text</th>")
                    && index.contains("<td>hello mentor</td>"), "the host's store as a table in its words");
            assertTrue(index.contains("<span title=\"mentor-1\">Max</span>"), "other people by name");
            assertTrue(index.contains("<caption>decisions") && index.contains("<caption>asSubject"),
                    "the consent and audit documents' lists as tables");
            assertTrue(index.contains("<img src=\"files/notes/plan-week-2.png\""), "the picture shown");
            long receipts = entries.keySet().stream().filter(name -> name.startsWith("stores/consent/receipt-")).count();
            assertEquals(1, receipts, "the receipt of mentee-1's one decision");
            assertTrue(index.contains("Belege Ihrer Einwilligungen") && index.contains("Einwilligung: Terms"), index);
            assertFalse(index.contains("Everything stored about you"));
            assertTrue(new String(entries.get("stores/notes.json"), StandardCharsets.UTF_8).contains("\"mentee-1\""),
                    "the JSON keeps the ids");
        }
    }

    @DatabaseTest
    void the_export_covers_every_store_and_its_manifest_lists_them_all(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            populate(app);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();

            ExportSummary summary = app.retention.exportSubject("mentee-1", zip);

            Map<String, byte[]> entries = unzip(zip.toByteArray());
            ObjectMapper json = new ObjectMapper();
            JsonNode manifest = json.readTree(entries.get("manifest.json"));
            assertEquals("hoheit-export/1", manifest.get("format").asText());
            List<String> listed = manifest.get("stores").findValuesAsText("name");
            assertEquals(app.retention.stores().stream().map(s -> s.descriptor().name()).toList(), listed,
                    "every registered store is listed");
            Map<String, Long> records = new HashMap<>();
            manifest.get("stores").forEach(s -> records.put(s.get("name").asText(), s.get("records").asLong()));
            assertEquals(4, records.get("notes"), "3 notes (one on the mentor's side) and a picture");
            assertEquals(3, records.get("consent"), "a decision, a grant and its one event");
            assertEquals(3, records.get("audit"), "the login, the mentor's view and the restriction");
            assertEquals(1, records.get("retention"), "the restriction");
            assertEquals(summary.recordsPerStore(), records);

            JsonNode notes = json.readTree(entries.get("stores/notes.json"));
            assertEquals(4, notes.get("records").size());
            assertEquals("hello mentor", notes.get("records").get(1).get("body").asText());
            assertArrayEquals(PICTURE, entries.get("files/notes/plan-week-2.png"), "pictures come as files");
            JsonNode consent = json.readTree(entries.get("stores/consent/consent-history.json"));
            assertEquals("hoheit-consent-export/1", consent.get("format").asText());
            JsonNode audit = json.readTree(entries.get("stores/audit/audit-log.json"));
            JsonNode view = java.util.stream.StreamSupport.stream(audit.get("asSubject").spliterator(), false)
                    .filter(e -> e.get("action").asText().equals("VIEW")).findFirst().orElseThrow();
            assertEquals("mentor-1", view.get("actorId").asText(), "who viewed my data");
            assertEquals("192.0.2.9", audit.get("asActor").get(0).get("client").get("ipAddress").asText());
            String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);
            assertTrue(index.contains(">notes</a></td>") && index.contains(">retention</a></td>"), index);
            assertEquals(1, summary.files());

            ByteArrayOutputStream nobody = new ByteArrayOutputStream();
            ExportSummary empty = app.retention.exportSubject("nobody", nobody);
            assertTrue(empty.recordsPerStore().values().stream().allMatch(count -> count == 0));
            assertEquals(listed.size(), empty.recordsPerStore().size(), "a store with no data is listed with 0");
            AuditEntry exported = app.audit.bySubject("mentee-1", AuditQuery.newest(5).actions(AuditAction.EXPORT)).entries().get(0);
            assertEquals("4", exported.details().get("records.notes"));
        }
    }

    @DatabaseTest
    void an_erased_person_appears_nowhere_and_the_audit_log_still_verifies(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            populate(app);
            app.audit.seal();

            ErasureReceipt receipt = app.retention.eraseSubject("mentee-1", "subject");

            assertTrue(receipt.complete(), receipt.toString());
            assertEquals(List.of("notes", "consent", "retention", "audit"), receipt.stores().stream().map(StoreErasure::store).toList());
            assertEquals(4, receipt.stores().get(0).erased(), "including the note on the mentor's side");
            for (String table : db.tableNames()) {
                for (Map<String, Object> row : db.rowsOfTable(table)) {
                    for (Map.Entry<String, Object> value : row.entrySet()) {
                        String text = value.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                : String.valueOf(value.getValue());
                        assertFalse(text.contains("mentee-1"), table + "." + value.getKey() + " still mentions the erased person");
                    }
                }
            }
            assertEquals(1, db.queryLong("SELECT count(*) FROM host_note"), "the mentor's own note stays");
            assertTrue(app.audit.verify().ok(), app.audit.verify().toText());
            assertTrue(app.retention.verify().ok(), app.retention.verify().toJson());
            AuditEntry recorded = app.audit.search(AuditQuery.newest(5).actions(AuditAction.ERASE)).entries().stream()
                    .filter(e -> e.resourceType().equals("erasure")).findFirst().orElseThrow();
            assertEquals("4", recorded.details().get("store.notes"));
            assertEquals(receipt.erasureId().toString(), recorded.resourceId().orElseThrow());
        }
    }

    @DatabaseTest
    void a_failing_store_leaves_the_erasure_incomplete_until_a_retry_finishes_it(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            populate(app);
            app.notes.failErasure = true;

            ErasureReceipt first = app.retention.eraseSubject("mentee-1", "subject");

            assertFalse(first.complete());
            assertEquals("IllegalStateException", first.stores().get(0).error().orElseThrow());
            assertTrue(first.stores().subList(1, 4).stream().allMatch(StoreErasure::succeeded), "the other stores still erased");
            AuditorReport report = app.retention.verify();
            assertEquals(List.of(AuditorFinding.Kind.ERASURE_INCOMPLETE), report.findings().stream().map(AuditorFinding::kind).toList());
            assertEquals("notes", report.findings().get(0).evidence().get("failedStores"));

            app.notes.failErasure = false;
            app.retention.runDuePolicies();

            ErasureReceipt done = app.retention.erasures(1).get(0);
            assertTrue(done.complete());
            assertEquals(2, done.attempts());
            assertEquals(4, done.stores().get(0).erased());
            assertEquals(0, db.queryLong("SELECT count(*) FROM retention_erasure WHERE subject_id IS NOT NULL"),
                    "the subject id is forgotten once the erasure is complete");
            assertTrue(app.retention.verify().ok());
        }
    }

    @DatabaseTest
    void restriction_stops_processing_until_lifted(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            assertTrue(app.retention.processingAllowed("mentee-1"));
            app.retention.restrict("mentee-1", "disputes accuracy");
            assertFalse(app.retention.processingAllowed("mentee-1"));
            assertEquals("disputes accuracy", app.retention.restriction("mentee-1").orElseThrow());
            app.audit.flush(); // queries see integrated entries
            assertEquals(1, app.audit.bySubject("mentee-1", AuditQuery.newest(5).actions(AuditAction.RESTRICT)).entries().size());
            app.retention.liftRestriction("mentee-1");
            assertTrue(app.retention.processingAllowed("mentee-1"));
        }
    }
}
