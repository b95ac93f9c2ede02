package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.SkipDatabase;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator as attacker: full access to the database (and in some tests the signing key), but
 * not to the log's state directory beside the keys. Every attack is made in plain SQL and must be
 * reported by {@link AuditLog#verify}, naming what and where.
 */
@MigrateWith(AuditTestSchema.class)
class TamperEvidenceTest {

    private final Path state;
    private final MutableClock clock = AuditFixtures.clock();

    TamperEvidenceTest() throws IOException {
        this.state = Files.createTempDirectory("hoheit-audit-state");
    }

    /** The log as the application runs it: its newest checkpoint kept outside the database. */
    private AuditLog log(TestDatabase db) {
        return AuditLog.create(db.dataSource(), AuditFixtures.config(clock).withStateDirectory(state));
    }

    /** 600 events (three level-0 tiles), sealed at 300 and at 600. */
    private AuditLog logWithEvents(TestDatabase db) {
        AuditLog log = log(db);
        for (int i = 1; i <= 600; i++) {
            log.appendBatched(i % 2 == 0 ? AuditFixtures.mentorViewsPlan("p" + i) : AuditFixtures.menteeUpdatesPlan("p" + i));
            if (i == 300) {
                log.flush();
                log.seal();
            }
        }
        log.flush();
        log.seal();
        return log;
    }

    /** Everything after checkpoint 300 removed consistently: entries, head, tiles and checkpoints. */
    private static void rollBackToCheckpoint300(TestDatabase db) {
        db.update("DELETE FROM audit_entry WHERE seq > 300");
        db.update("DELETE FROM audit_checkpoint WHERE tree_size > 300");
        db.update("UPDATE audit_tree_head SET tree_size = 300");
        db.update("DELETE FROM audit_tile WHERE tile_level = 0 AND tile_index > 1");
        db.update("UPDATE audit_tile SET tile_width = 44, hashes = SUBSTRING(hashes FROM 1 FOR 1408) WHERE tile_level = 0 AND tile_index = 1");
        db.update("UPDATE audit_tile SET tile_width = 1, hashes = SUBSTRING(hashes FROM 1 FOR 32) WHERE tile_level = 1 AND tile_index = 0");
    }

    private static Set<Finding.Kind> kinds(VerificationReport report) {
        assertFalse(report.ok(), "tampering must be found");
        return report.findings().stream().map(Finding::kind).collect(Collectors.toSet());
    }

    private static void assertFound(VerificationReport report, Finding.Kind kind) {
        assertTrue(kinds(report).contains(kind), "expected " + kind + " in:\n" + report.toText());
    }

    @DatabaseTest
    void an_untouched_log_verifies(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            Checkpoint exported = log.seal();
            VerificationReport report = log.verify(List.of(exported));
            assertTrue(report.ok(), report.toText());
            assertEquals(1, report.firstSeq());
            assertEquals(600, report.lastSeq());
            assertEquals(600, report.eventsChecked());
        }
    }

    @DatabaseTest
    void a_modified_entry_is_found_where_it_is(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("UPDATE audit_entry SET outcome = 'DENIED' WHERE seq = 5");
            Finding finding = log.verify().findings().get(0);
            assertEquals(Finding.Kind.HASH_MISMATCH, finding.kind());
            assertEquals(5, finding.seq());
            assertTrue(finding.evidence().containsKey("leafHash"), finding.toString());
        }
    }

    @DatabaseTest
    void a_modified_leaf_tile_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            // The attacker changes an entry and its leaf hash in the tile to match: the tile above disagrees.
            db.update("UPDATE audit_tile SET hashes = ? WHERE tile_level = 0 AND tile_index = 0", (Object) new byte[256 * 32]);
            assertFound(log.verify(), Finding.Kind.TILE_MISMATCH);
        }
    }

    @DatabaseTest
    void a_deleted_entry_in_the_middle_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_entry WHERE seq BETWEEN 200 AND 202");
            Finding finding = log.verify().findings().get(0);
            assertEquals(Finding.Kind.MISSING_EVENTS, finding.kind());
            assertEquals(200, finding.seq());
        }
    }

    @DatabaseTest
    void reordered_entries_are_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("UPDATE audit_entry SET seq = -1 WHERE seq = 7");
            db.update("UPDATE audit_entry SET seq = 7 WHERE seq = 8");
            db.update("UPDATE audit_entry SET seq = 8 WHERE seq = -1");
            VerificationReport report = log.verify();
            assertFound(report, Finding.Kind.HASH_MISMATCH);
            assertEquals(7, report.findings().get(0).seq());
        }
    }

    @DatabaseTest
    void entries_inserted_past_the_head_are_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("INSERT INTO audit_entry SELECT 601, recorded_at, actor_tag, actor_role, actor_enc, subject_tag,"
                    + " subject_enc, action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc, outbox_id"
                    + " FROM audit_entry WHERE seq = 600");
            assertFound(log.verify(), Finding.Kind.HEAD_MISMATCH);
        }
    }

    @DatabaseTest
    void a_cut_head_is_found_and_no_retention_run_launders_it(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_entry WHERE seq <= 50");
            assertFound(log.verify(), Finding.Kind.UNEXPLAINED_START);
            // Wait for the retention run: it refuses, and nothing is removed to cover the gap.
            clock.advance(Duration.ofDays(400));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("later"));
            AuditException refused = assertThrows(AuditException.class, () -> log.purgeBefore(clock.instant().minus(Duration.ofDays(365))));
            assertEquals(AuditException.Problem.TAMPERED, refused.problem());
            assertTrue(refused.getMessage().contains("51") || refused.getMessage().contains("1..50"), refused.getMessage());
            assertEquals(551, db.queryLong("SELECT count(*) FROM audit_entry"), "nothing was purged");
            assertFound(log.verify(), Finding.Kind.UNEXPLAINED_START);
        }
    }

    @DatabaseTest
    void a_head_cut_together_with_the_minimum_index_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_entry WHERE seq <= 50");
            db.update("UPDATE audit_tree_head SET min_index = 50");
            assertFound(log.verify(), Finding.Kind.UNEXPLAINED_START);
            clock.advance(Duration.ofDays(400));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("later"));
            assertEquals(AuditException.Problem.TAMPERED, assertThrows(AuditException.class,
                    () -> log.purgeBefore(clock.instant().minus(Duration.ofDays(365)))).problem());
        }
    }

    @DatabaseTest
    void a_cut_tail_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_entry WHERE seq > 590");
            assertFound(log.verify(), Finding.Kind.HEAD_MISMATCH);
        }
    }

    @DatabaseTest
    void a_cut_tail_with_head_and_tiles_rolled_back_is_found_against_the_saved_checkpoint(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            // Everything after checkpoint 300 is removed consistently: entries, head, tiles and checkpoints.
            rollBackToCheckpoint300(db);
            VerificationReport report = log.verify();
            assertFound(report, Finding.Kind.ROLLBACK);
            AuditException refused = assertThrows(AuditException.class, log::seal);
            assertEquals(AuditException.Problem.TAMPERED, refused.problem(), "the log never signs the rolled-back tree");
        }
    }

    @DatabaseTest
    void a_truncated_log_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_entry");
            Set<Finding.Kind> found = kinds(log.verify());
            assertTrue(found.contains(Finding.Kind.TRUNCATED) || found.contains(Finding.Kind.HEAD_MISMATCH), found.toString());
        }
    }

    @DatabaseTest
    @SkipDatabase(value = DatabaseKind.H2, reason = "the entry table is partitioned on PostgreSQL and MariaDB only")
    void a_partition_dropped_early_is_found_and_no_retention_run_launders_it(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            clock.advance(Duration.ofDays(40));
            for (int i = 0; i < 10; i++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("february" + i));
            }
            db.update(db.kind() == DatabaseKind.MARIADB ? "ALTER TABLE audit_entry DROP PARTITION audit_entry_p202601"
                    : "DROP TABLE audit_entry_p202601");
            assertEquals(10, db.queryLong("SELECT count(*) FROM audit_entry"), "January is gone");
            assertFound(log.verify(), Finding.Kind.UNEXPLAINED_START);
            // A purge whose cutoff would have removed January anyway refuses, and removes nothing.
            clock.advance(Duration.ofDays(400));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("later"));
            AuditException refused = assertThrows(AuditException.class, () -> log.purgeBefore(clock.instant().minus(Duration.ofDays(365))));
            assertEquals(AuditException.Problem.TAMPERED, refused.problem());
            assertEquals(11, db.queryLong("SELECT count(*) FROM audit_entry"), "nothing was purged");
            assertFound(log.verify(), Finding.Kind.UNEXPLAINED_START);
        }
    }

    @DatabaseTest
    void deleted_checkpoints_are_found_against_the_saved_one(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_checkpoint WHERE tree_size = 600");
            assertFound(log.verify(), Finding.Kind.CHECKPOINT_MISSING);
        }
    }

    @DatabaseTest
    void an_altered_checkpoint_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("UPDATE audit_checkpoint SET note = REPLACE(note, '\n600\n', '\n599\n') WHERE tree_size = 600");
            assertFound(log.verify(), Finding.Kind.BAD_SIGNATURE);
        }
    }

    @DatabaseTest
    void a_checkpoint_re_signed_with_another_key_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            // The attacker replaces the note by one signed with their own key: no trusted key signed it.
            String text = AuditConfig.DEFAULT_ORIGIN + "\n600\n" + log.latestCheckpoint().orElseThrow().rootHash() + "\n";
            String forged = new dev.hoheit.audit.tlog.Note(text, List.of(AuditKeys.generate().noteSigner(AuditConfig.DEFAULT_ORIGIN)
                    .sign(text))).format();
            db.update("UPDATE audit_checkpoint SET note = ? WHERE tree_size = 600", forged);
            assertFound(log.verify(), Finding.Kind.BAD_SIGNATURE);
        }
    }

    @DatabaseTest
    void a_history_rewritten_and_re_signed_with_the_real_key_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            // The attacker holds the signing key: empties the log and writes a new, self-consistent
            // history with the library itself, sealed and signed by the real key.
            db.update("DELETE FROM audit_entry");
            db.update("DELETE FROM audit_tile");
            db.update("DELETE FROM audit_checkpoint");
            db.update("UPDATE audit_tree_head SET tree_size = 0, min_index = 0");
            try (AuditLog forger = AuditFixtures.log(db, clock)) {
                for (int i = 0; i < 650; i++) {
                    forger.appendBatched(AuditFixtures.menteeUpdatesPlan("forged" + i));
                }
                forger.flush();
                assertTrue(forger.verify().ok(), "without the saved state the forgery is self-consistent");
            }
            Set<Finding.Kind> found = kinds(log.verify());
            assertTrue(found.contains(Finding.Kind.CHECKPOINT_MISMATCH) || found.contains(Finding.Kind.FORK), found.toString());
            assertEquals(AuditException.Problem.TAMPERED, assertThrows(AuditException.class, log::seal).problem());
        }
    }

    @DatabaseTest
    void a_database_restored_from_an_older_backup_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            // The "backup" is the state at 300: the same as the rollback above, but also fully consistent.
            rollBackToCheckpoint300(db);
            try (AuditLog stateless = AuditFixtures.log(db, clock)) {
                assertTrue(stateless.verify().ok(), "the restored database is consistent in itself");
            }
            assertFound(log.verify(), Finding.Kind.ROLLBACK);
        }
    }

    @DatabaseTest
    void a_key_destroyed_without_an_erase_entry_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            db.update("DELETE FROM audit_person_key WHERE tag = (SELECT MIN(subject_tag) FROM audit_entry)");
            Finding finding = log.verify().findings().get(0);
            assertEquals(Finding.Kind.KEY_DESTROYED_WITHOUT_ERASE, finding.kind());
            assertTrue(finding.evidence().containsKey("tag"));
        }
    }

    @DatabaseTest
    void a_real_erasure_verifies_and_names_the_destroyed_tag(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            String tag = (String) db.rows("SELECT MIN(subject_tag) AS t FROM audit_entry").get(0).get("t");
            log.eraseSubject(AuditFixtures.MENTEE.id());
            assertTrue(log.verify().ok(), log.verify().toText());
            AuditEntry erase = log.search(AuditQuery.newest(1).actions(AuditAction.ERASE)).entries().get(0);
            assertEquals(tag, erase.details().get("tag"));
        }
    }

    @DatabaseTest
    void an_erase_entry_whose_key_still_exists_is_found(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            Map<String, Object> key = db.rows("SELECT id_tag, tag, wrapped_key, created_at FROM audit_person_key"
                    + " WHERE tag = (SELECT MIN(subject_tag) FROM audit_entry)").get(0);
            log.eraseSubject(AuditFixtures.MENTEE.id());
            // The operator restores the key it claimed to destroy.
            db.update("INSERT INTO audit_person_key (id_tag, tag, wrapped_key, created_at) VALUES (?, ?, ?, ?)",
                    key.get("id_tag"), key.get("tag"), key.get("wrapped_key"), key.get("created_at"));
            assertFound(log.verify(), Finding.Kind.ERASE_KEY_EXISTS);
        }
    }

    @DatabaseTest
    void no_person_id_is_stored_in_clear(TestDatabase db) {
        try (AuditLog log = logWithEvents(db)) {
            for (String table : db.tableNames()) {
                if (table.startsWith("audit_")) {
                    String dump = db.rowsOfTable(table).toString();
                    assertFalse(dump.contains(AuditFixtures.MENTEE.id()), table + " holds a person's id in clear");
                    assertFalse(dump.contains(AuditFixtures.MENTOR.id()), table + " holds a person's id in clear");
                }
            }
        }
    }

    @DatabaseTest
    void appends_while_verifying_are_not_mistaken_for_tampering(TestDatabase db) throws Exception {
        try (AuditLog log = logWithEvents(db)) {
            Thread writer = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("during" + i));
                }
            });
            writer.start();
            for (int i = 0; i < 10; i++) {
                VerificationReport report = log.verify();
                assertTrue(report.ok(), report.toText());
            }
            writer.join();
            assertTrue(log.verify().ok());
        }
    }
}
