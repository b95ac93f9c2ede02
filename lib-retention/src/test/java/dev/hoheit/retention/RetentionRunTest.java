package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@MigrateWith(HostSchema.class)
class RetentionRunTest {

    @DatabaseTest
    void each_policy_applies_exactly_when_due(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            Instant start = app.clock.instant();
            for (int day = 0; day < 10; day++) {
                app.notes.addNote(day, "mentee-1", null, "note " + day, start.plus(Duration.ofDays(day)));
            }
            app.clock.set(start.plus(Duration.ofDays(30)).minusSeconds(1));
            assertEquals(0, app.retention.runDuePolicies().affected(), "nothing is due a second early");

            app.clock.set(start.plus(Duration.ofDays(35)).plusSeconds(1));
            RunReport run = app.retention.runDuePolicies();

            assertEquals(RunReport.Outcome.SUCCEEDED, run.outcome());
            StepReport notes = run.steps().stream().filter(s -> s.category().equals("notes")).findFirst().orElseThrow();
            assertEquals(6, notes.affected(), "days 0..5 are older than 30 days");
            assertEquals(StepReport.Status.DONE, notes.status());
            assertEquals(4, db.queryLong("SELECT count(*) FROM host_note"));
            assertEquals(0, app.retention.runDuePolicies().affected(), "a second run finds nothing more to do");
            AuditEntry recorded = app.audit.search(AuditQuery.newest(10).actions(AuditAction.DELETE)).entries().stream()
                    .filter(e -> e.resourceId().orElse("").equals(run.runId().toString())).findFirst().orElseThrow();
            assertEquals("6", recorded.details().get("affected"), "the run's report is in the audit log");
            assertTrue(app.retention.runs(10).size() >= 3);
        }
    }

    @DatabaseTest
    void thirteen_months_later_the_usage_log_is_purged_and_still_verifies(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            app.audit.append(AuditEvent.of(dev.hoheit.audit.Actor.of("mentee-1", "mentee"), AuditAction.LOGIN,
                    Resource.of("session")).from(ClientInfo.of("192.0.2.1", "UA")));
            app.clock.advance(Duration.ofDays(8));
            app.retention.runDuePolicies();
            List<AuditEntry> logins = app.audit.search(AuditQuery.newest(10).actions(AuditAction.LOGIN)).entries();
            assertTrue(logins.get(0).client().isEmpty(), "R28: IP address unreadable after 7 days");

            app.clock.advance(Duration.ofDays(395));
            RunReport run = app.retention.runDuePolicies();

            StepReport usage = run.steps().stream().filter(s -> s.category().equals(Stores.USAGE_LOG)).findFirst().orElseThrow();
            assertTrue(usage.affected() >= 1, "the login of 13 months ago is purged: " + usage);
            assertTrue(app.audit.search(AuditQuery.newest(10).actions(AuditAction.LOGIN)).entries().isEmpty());
            assertTrue(app.audit.verify().ok(), app.audit.verify().toText());
            assertTrue(app.retention.verify().ok(), app.retention.verify().toJson());
        }
    }

    @DatabaseTest
    void an_interrupted_run_is_finished_by_the_next_with_nothing_deleted_twice_or_forgotten(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            Instant start = app.clock.instant();
            for (int i = 0; i < 20; i++) {
                app.notes.addNote(i, "mentee-" + (i % 3), null, "n" + i, start.plus(Duration.ofHours(i)));
            }
            app.clock.set(start.plus(Duration.ofDays(31)));
            app.notes.crashAfterBatches = 2;

            assertThrows(NotesStore.SimulatedCrash.class, app.retention::runDuePolicies, "the process dies mid-run");
            RunReport interrupted = app.retention.runs(1).get(0);
            assertEquals(RunReport.Outcome.RUNNING, interrupted.outcome());
            StepReport pending = interrupted.steps().stream().filter(s -> s.category().equals("notes")).findFirst().orElseThrow();
            assertEquals(StepReport.Status.PENDING, pending.status());
            assertEquals(6, pending.affected(), "two batches of three were done and counted");

            for (int i = 20; i < 25; i++) {
                app.notes.addNote(i, "mentee-9", null, "late" + i, start.plus(Duration.ofHours(36)));
            }
            app.clock.advance(Duration.ofDays(1));
            RunReport next = app.retention.runDuePolicies();

            RunReport resumed = app.retention.runs(10).stream().filter(r -> r.runId().equals(interrupted.runId())).findFirst().orElseThrow();
            assertEquals(RunReport.Outcome.RESUMED, resumed.outcome());
            StepReport finished = resumed.steps().stream().filter(s -> s.category().equals("notes")).findFirst().orElseThrow();
            assertEquals(20, finished.affected(), "the interrupted step finished with its own cutoff");
            assertEquals(pending.cutoff(), finished.cutoff());
            StepReport fresh = next.steps().stream().filter(s -> s.category().equals("notes")).findFirst().orElseThrow();
            assertEquals(5, fresh.affected(), "the new run took the notes that became due since");
            List<Long> purged = List.copyOf(app.notes.purged);
            assertEquals(25, purged.size());
            assertEquals(25, new HashSet<>(purged).size(), "nothing deleted twice");
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_note"), "nothing forgotten");
        }
    }

    @DatabaseTest
    void a_legal_hold_suspends_retention_for_the_held_and_for_everyone(TestDatabase db) {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            Instant start = app.clock.instant();
            app.notes.addNote(1, "mentee-held", null, "kept", start);
            app.notes.addNote(2, "mentee-free", null, "gone", start);
            LegalHold hold = app.retention.placeHold("pending complaint", Set.of("mentee-held"));
            app.clock.advance(Duration.ofDays(40));

            app.retention.runDuePolicies();

            assertEquals(List.of("mentee-held"), db.rows("SELECT owner_id FROM host_note").stream().map(r -> r.get("owner_id")).toList());
            assertTrue(app.retention.verify().ok(), "held records are not overdue: " + app.retention.verify().toJson());
            RetentionException refused = assertThrows(RetentionException.class, () -> app.retention.eraseSubject("mentee-held", "subject"));
            assertEquals(RetentionException.Problem.LEGAL_HOLD, refused.problem());

            LegalHold everyone = app.retention.placeHold("court order", Set.of());
            app.notes.addNote(3, "mentee-free", null, "also kept", app.clock.instant().minus(Duration.ofDays(60)));
            RunReport held = app.retention.runDuePolicies();
            assertTrue(held.steps().stream().allMatch(s -> s.status() == StepReport.Status.HELD), held.toString());
            assertEquals(2, db.queryLong("SELECT count(*) FROM host_note"));

            app.retention.liftHold(everyone.id());
            app.retention.liftHold(hold.id());
            assertFalse(app.retention.verify().ok(), "once lifted, the overdue records show");
            app.retention.runDuePolicies();
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_note"));
            assertTrue(app.retention.activeHolds().isEmpty());
        }
    }

    @DatabaseTest
    void a_second_runner_is_refused_while_one_runs(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db)) {
            java.sql.Connection holder = db.dataSource().getConnection();
            try {
                holder.setAutoCommit(false);
                try (var s = holder.createStatement()) {
                    s.executeQuery("SELECT id FROM retention_lock WHERE id = 1 FOR UPDATE").close();
                }
                RetentionException busy = assertThrows(RetentionException.class, app.retention::runDuePolicies);
                assertEquals(RetentionException.Problem.ALREADY_RUNNING, busy.problem());
            } finally {
                holder.rollback();
                holder.close();
            }
            assertEquals(RunReport.Outcome.SUCCEEDED, app.retention.runDuePolicies().outcome());
        }
    }
}
