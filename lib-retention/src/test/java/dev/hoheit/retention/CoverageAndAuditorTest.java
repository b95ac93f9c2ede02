package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

@MigrateWith(HostSchema.class)
class CoverageAndAuditorTest {

    @DatabaseTest
    void every_table_of_personal_data_is_covered_and_a_new_one_fails_the_check(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            CoverageReport report = CoverageCheck.of(db.dataSource()).check(app.retention.stores());
            report.assertComplete();
            assertTrue(report.checkedTables().containsAll(List.of("host_note", "consent_decision", "audit_person_key",
                    "retention_restriction")), report.checkedTables().toString());

            db.update("CREATE TABLE host_message (id INTEGER PRIMARY KEY, sender_id VARCHAR(100), body VARCHAR(100))");
            db.update("CREATE TABLE host_settings (id INTEGER PRIMARY KEY, theme VARCHAR(100))");
            CoverageReport gap = CoverageCheck.of(db.dataSource()).check(app.retention.stores());

            assertFalse(gap.complete());
            assertEquals(Map.of("host_message", List.of("sender_id")), gap.uncovered(), "tables without a subject column are fine");
            AssertionError failure = assertThrows(AssertionError.class, gap::assertComplete);
            assertTrue(failure.getMessage().contains("host_message"), failure.getMessage());
            CoverageCheck.of(db.dataSource()).ignoring("host_message").check(app.retention.stores()).assertComplete();
        }
    }

    @DatabaseTest
    void a_report_without_findings_says_what_it_could_not_check(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            AuditorReport fresh = app.retention.verify();

            assertTrue(fresh.ok(), fresh.toJson());
            assertFalse(fresh.complete(), "no run and no signed checkpoint yet: not a clean bill");
            assertTrue(fresh.notChecked().stream().anyMatch(line -> line.contains("no signed checkpoint")), fresh.notChecked().toString());
            assertTrue(fresh.notChecked().stream().anyMatch(line -> line.contains("no run has happened")), fresh.notChecked().toString());
            assertTrue(fresh.toJson().matches("(?s).*\"complete\"\\s*:\\s*false.*"), fresh.toJson());
            assertTrue(fresh.toHtml().contains("no findings in what could be checked") && fresh.toHtml().contains("Not checked"));

            app.retention.runDuePolicies();
            app.audit.seal();
            AuditorReport checked = app.retention.verify();

            assertTrue(checked.ok() && checked.complete(), checked.notChecked().toString());
            assertTrue(checked.toHtml().contains("no findings</strong>"));
        }
    }

    @DatabaseTest
    void the_auditor_sees_overdue_records_until_a_run_removes_them(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            app.notes.addNote(1, "mentee-1", null, "old", app.clock.instant());
            app.clock.advance(Duration.ofDays(40));

            AuditorReport overdue = app.retention.verify();

            assertEquals(1, overdue.findings().size(), overdue.toJson());
            AuditorFinding finding = overdue.findings().get(0);
            assertEquals(AuditorFinding.Kind.RETENTION_OVERDUE, finding.kind());
            assertEquals("notes", finding.evidence().get("store"));
            assertEquals("2026-01-05T09:00:00Z", finding.evidence().get("oldestRecord"));
            JsonNode json = new ObjectMapper().readTree(overdue.toJson());
            assertEquals("hoheit-auditor-report/1", json.get("format").asText());
            assertFalse(json.get("ok").asBoolean());
            assertEquals("RETENTION_OVERDUE", json.get("findings").get(0).get("kind").asText());
            String html = overdue.toHtml();
            assertTrue(html.contains("RETENTION_OVERDUE") && html.contains("1 finding(s)"), html);
            assertFalse(html.contains("<script"), "no scripts in the report page");

            app.retention.runDuePolicies();
            AuditorReport clean = app.retention.verify();
            assertTrue(clean.ok(), clean.toJson());
            assertTrue(clean.checks().stream().anyMatch(c -> c.startsWith("audit log:") && c.endsWith("verifies")), clean.checks().toString());
            assertEquals(RunReport.Outcome.SUCCEEDED, clean.recentRuns().get(0).outcome());
        }
    }

    @DatabaseTest
    void the_auditor_sees_a_broken_audit_log_and_missed_scheduled_runs(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            app.retention.runDuePolicies();
            db.update("UPDATE audit_entry SET outcome = 'DENIED' WHERE seq = 1");
            db.update("INSERT INTO retention_schedule (schedule_id, interval_secs, started_at) VALUES (?, ?, ?)",
                    "00000000-0000-0000-0000-000000000001", Duration.ofDays(1).toSeconds(),
                    OffsetDateTime.ofInstant(app.clock.instant().minus(Duration.ofDays(5)), ZoneOffset.UTC));

            AuditorReport report = app.retention.verify();

            List<AuditorFinding.Kind> kinds = report.findings().stream().map(AuditorFinding::kind).toList();
            assertTrue(kinds.contains(AuditorFinding.Kind.AUDIT_LOG_BROKEN), kinds.toString());
            assertTrue(kinds.contains(AuditorFinding.Kind.RUN_MISSED), kinds.toString());
            AuditorFinding broken = report.findings().stream().filter(f -> f.kind() == AuditorFinding.Kind.AUDIT_LOG_BROKEN).findFirst().orElseThrow();
            assertTrue(broken.evidence().containsKey("HASH_MISMATCH@1"), broken.evidence().toString());
        }
    }

    @DatabaseTest
    void the_scheduler_runs_on_its_own_and_records_its_schedule(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            app.retention.startScheduler(Duration.ofMillis(200));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (app.retention.runs(10).stream().filter(r -> r.trigger() == RunReport.Trigger.SCHEDULED).count() < 2
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            app.retention.close();
            assertTrue(app.retention.runs(10).stream().filter(r -> r.trigger() == RunReport.Trigger.SCHEDULED).count() >= 2);
            assertEquals(1, db.queryLong("SELECT count(*) FROM retention_schedule WHERE stopped_at IS NOT NULL"));
            assertTrue(app.retention.verify().ok(), app.retention.verify().toJson());
        }
    }
}
