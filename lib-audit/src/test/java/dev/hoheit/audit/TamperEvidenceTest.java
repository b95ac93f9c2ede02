package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;

/** Tampering directly in SQL is found by verify(), which says what and where. */
@MigrateWith(AuditTestSchema.class)
class TamperEvidenceTest {

    private static AuditLog logWithTenEvents(TestDatabase db) {
        AuditLog log = AuditFixtures.log(db, AuditFixtures.clock());
        for (int i = 1; i <= 10; i++) {
            log.append(i % 2 == 0 ? AuditFixtures.mentorViewsPlan("p" + i) : AuditFixtures.menteeUpdatesPlan("p" + i));
        }
        return log;
    }

    private static Finding only(VerificationReport report) {
        assertFalse(report.ok(), "tampering must be found");
        return report.findings().get(0);
    }

    @DatabaseTest
    void an_untouched_log_verifies(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            Checkpoint exported = log.seal();
            VerificationReport report = log.verify(List.of(exported));
            assertTrue(report.ok(), report.toText());
            assertEquals(1, report.firstSeq());
            assertEquals(10, report.lastSeq());
            assertEquals(10, report.eventsChecked());
            assertEquals(2, report.checkpointsChecked(), "the stored and the exported checkpoint");
        }
    }

    @DatabaseTest
    void a_modified_event_is_found_where_it_is(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("UPDATE audit_event SET outcome = 'DENIED' WHERE seq = 4");
            Finding finding = only(log.verify());
            assertEquals(Finding.Kind.HASH_MISMATCH, finding.kind());
            assertEquals(4, finding.seq());
            assertEquals(1, log.verify().findings().size(), "only the modified event is reported");
        }
    }

    @DatabaseTest
    void a_modified_event_with_a_recomputed_looking_hash_is_still_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("UPDATE audit_event SET hash = (SELECT hash FROM audit_event WHERE seq = 2), action = 'LOGIN' WHERE seq = 5");
            VerificationReport report = log.verify();
            assertFalse(report.ok());
            assertTrue(report.findings().stream().anyMatch(f -> f.seq() == 5 && f.kind() == Finding.Kind.HASH_MISMATCH), report.toText());
        }
    }

    @DatabaseTest
    void a_deleted_event_is_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("DELETE FROM audit_event WHERE seq = 6");
            Finding finding = only(log.verify());
            assertEquals(Finding.Kind.MISSING_EVENTS, finding.kind());
            assertEquals(6, finding.seq());
        }
    }

    @DatabaseTest
    void reordered_events_are_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("UPDATE audit_event SET seq = -3 WHERE seq = 3");
            db.update("UPDATE audit_event SET seq = 3 WHERE seq = 4");
            db.update("UPDATE audit_event SET seq = 4 WHERE seq = -3");
            VerificationReport report = log.verify();
            assertFalse(report.ok());
            assertEquals(3, report.findings().get(0).seq(), report.toText());
            assertEquals(Finding.Kind.HASH_MISMATCH, report.findings().get(0).kind());
        }
    }

    @DatabaseTest
    void an_inserted_event_is_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            for (int seq = 10; seq >= 3; seq--) {
                db.update("UPDATE audit_event SET seq = ? WHERE seq = ?", seq + 1, seq);
            }
            db.update("INSERT INTO audit_event SELECT 3, recorded_at, actor_tag, actor_role, actor_enc, subject_tag,"
                    + " subject_enc, action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc,"
                    + " prev_hash, hash FROM audit_event WHERE seq = 2");
            VerificationReport report = log.verify();
            assertFalse(report.ok());
            assertEquals(3, report.findings().get(0).seq(), report.toText());
        }
    }

    @DatabaseTest
    void a_truncated_tail_is_found_against_an_exported_checkpoint(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            Checkpoint exported = Checkpoint.fromJson(log.seal().toJson());
            // A careful attacker: cut the last three events, rewind the head, remove stored checkpoints.
            db.update("DELETE FROM audit_event WHERE seq > 7");
            db.update("UPDATE audit_head SET seq = 7, hash = (SELECT hash FROM audit_event WHERE seq = 7)");
            db.update("DELETE FROM audit_checkpoint");
            assertTrue(log.verify().ok(), "without an outside checkpoint the cut is invisible: that is why they are exported");

            Finding finding = only(log.verify(List.of(exported)));
            assertEquals(Finding.Kind.TRUNCATED, finding.kind());
            assertEquals(10, finding.seq());
        }
    }

    @DatabaseTest
    void a_cut_tail_with_the_head_left_alone_is_found_without_help(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("DELETE FROM audit_event WHERE seq > 8");
            Finding finding = only(log.verify());
            assertEquals(Finding.Kind.HEAD_MISMATCH, finding.kind());
        }
    }

    @DatabaseTest
    void a_forged_checkpoint_signature_is_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            Checkpoint real = log.seal();
            Checkpoint forged = new Checkpoint(real.seq(), real.headHash(), real.headTime(), real.sealedAt().plusSeconds(1),
                    real.keyId(), real.publicKey(), real.signature());
            Finding finding = only(log.verify(List.of(forged)));
            assertEquals(Finding.Kind.BAD_SIGNATURE, finding.kind());
        }
    }

    @DatabaseTest
    void events_forged_past_the_head_are_found(TestDatabase db) {
        try (AuditLog log = logWithTenEvents(db)) {
            db.update("INSERT INTO audit_event SELECT 11, recorded_at, actor_tag, actor_role, actor_enc, subject_tag,"
                    + " subject_enc, action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc,"
                    + " hash, hash FROM audit_event WHERE seq = 10");
            Finding finding = only(log.verify());
            assertEquals(Finding.Kind.HEAD_MISMATCH, finding.kind());
            assertEquals(11, finding.seq());
        }
    }

    @DatabaseTest
    void appends_while_verifying_are_not_mistaken_for_tampering(TestDatabase db) throws Exception {
        try (AuditLog log = logWithTenEvents(db)) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    log.append(AuditFixtures.menteeUpdatesPlan("during" + i));
                }
            });
            writer.start();
            for (int i = 0; i < 20; i++) {
                VerificationReport report = log.verify();
                assertTrue(report.ok(), report.toText());
            }
            writer.join();
            assertTrue(log.verify().ok());
        }
    }
}
