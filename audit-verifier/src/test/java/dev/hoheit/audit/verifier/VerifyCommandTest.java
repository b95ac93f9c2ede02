package dev.hoheit.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The auditor's standalone verifier against a log whose operator attacks it with full database
 * access and the signing key. The verifier trusts only the keys it is given and its own state.
 */
@MigrateWith(VerifierTestSchema.class)
class VerifyCommandTest {

    private static final AuditKeys KEYS = AuditKeys.generate();
    private static final String ORIGIN = "smoffen.test/audit";
    private static final Actor MENTOR = Actor.of("mentor-7", "mentor");

    private record Result(int code, String out, String err) {
    }

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private final Path state;
    private final Path logState;

    VerifyCommandTest() throws IOException {
        Path dir = Files.createTempDirectory("hoheit-verifier");
        this.state = dir.resolve("auditor-state");
        this.logState = dir.resolve("log-state");
    }

    private AuditLog log(TestDatabase db, Duration retention) {
        return AuditLog.create(db.dataSource(), AuditConfig.of(KEYS).withClock(clock).withoutMigration().withOrigin(ORIGIN)
                .withRetention(retention).withStateDirectory(logState));
    }

    private static void append(AuditLog log, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            log.appendBatched(AuditEvent.of(MENTOR, AuditAction.VIEW, Resource.of("plan", prefix + i)).about("mentee-42"));
        }
        log.flush();
        log.seal();
    }

    private Result verify(TestDatabase db, String... extra) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url", db.jdbcUrl(), "--origin", ORIGIN,
                "--log-key", KEYS.noteSigner(ORIGIN).verifierKey(), "--state", state.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertFinding(Result result, String kind) {
        assertEquals(VerifyCommand.PROBLEMS, result.code(), result.out() + result.err());
        assertTrue(result.out().contains(kind), "expected " + kind + " in:\n" + result.out());
    }

    @DatabaseTest
    void a_clean_log_verifies_and_the_state_advances_with_it(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(365))) {
            append(log, 300, "a");
            Result first = verify(db);
            assertEquals(VerifyCommand.OK, first.code(), first.out() + first.err());
            assertTrue(first.out().contains("saved tree size 300"), first.out());
            append(log, 200, "b");
            Result second = verify(db);
            assertEquals(VerifyCommand.OK, second.code(), second.out() + second.err());
            assertTrue(second.out().contains("last verified") && second.out().contains("saved tree size 500"), second.out());
        }
    }

    @DatabaseTest
    void a_log_in_a_schema_of_its_own_is_verified_there_with_schema(TestDatabase db) {
        String schema = db.otherSchema("audit");
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(KEYS).withClock(clock).withOrigin(ORIGIN)
                .withSchema(schema).withStateDirectory(logState))) {
            append(log, 300, "a");
            Result there = verify(db, "--schema", schema);
            assertEquals(VerifyCommand.OK, there.code(), there.out() + there.err());
            assertTrue(there.out().contains("saved tree size 300"), there.out());
            db.update("DELETE FROM " + schema + ".audit_entry WHERE seq = 7");
            assertFinding(verify(db, "--schema", schema), "MISSING_EVENTS");
            Result invalid = verify(db, "--schema", "Audit Log");
            assertEquals(VerifyCommand.ERROR, invalid.code(), invalid.out() + invalid.err());
            assertTrue(invalid.err().contains("'Audit Log'"), invalid.err());
        }
    }

    @DatabaseTest
    void a_database_restored_from_an_older_backup_is_a_rollback(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(365))) {
            append(log, 256, "a");
            // The operator's "backup": everything as it was at 256 entries.
            List<Object[]> tiles = new ArrayList<>();
            db.rows("SELECT tile_level, tile_index, tile_width, hashes FROM audit_tile").forEach(r -> tiles.add(new Object[] {
                    r.get("tile_level"), r.get("tile_index"), r.get("tile_width"), r.get("hashes")}));
            append(log, 100, "b");
            assertEquals(VerifyCommand.OK, verify(db).code());
            db.update("DELETE FROM audit_entry WHERE seq > 256");
            db.update("DELETE FROM audit_checkpoint WHERE tree_size > 256");
            db.update("DELETE FROM audit_tile");
            for (Object[] tile : tiles) {
                db.update("INSERT INTO audit_tile (tile_level, tile_index, tile_width, hashes) VALUES (?, ?, ?, ?)", tile);
            }
            db.update("UPDATE audit_tree_head SET tree_size = 256");
            assertFinding(verify(db), "ROLLBACK");
            assertFinding(verify(db), "ROLLBACK"); // the state did not advance to the restored tree
        }
    }

    @DatabaseTest
    void a_history_rewritten_with_the_signing_key_is_a_fork(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(365))) {
            append(log, 300, "a");
            assertEquals(VerifyCommand.OK, verify(db).code());
        }
        db.update("DELETE FROM audit_entry");
        db.update("DELETE FROM audit_tile");
        db.update("DELETE FROM audit_checkpoint");
        db.update("UPDATE audit_tree_head SET tree_size = 0, min_index = 0");
        // The operator holds the key but not the auditor's state: a new history of the same size, validly signed.
        try (AuditLog forger = AuditLog.create(db.dataSource(), AuditConfig.of(KEYS).withClock(clock).withoutMigration()
                .withOrigin(ORIGIN))) {
            append(forger, 300, "forged");
        }
        assertFinding(verify(db), "FORK");
    }

    @DatabaseTest
    void a_purge_younger_than_the_published_retention_is_illegal(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(7))) {
            append(log, 300, "a");
            assertEquals(VerifyCommand.OK, verify(db).code());
            clock.advance(Duration.ofDays(30));
            append(log, 10, "b");
            log.purgeBefore(clock.instant().minus(Duration.ofDays(10))); // allowed by the log's own (shortened) setting
            Result result = verify(db, "--retention", "P365D");
            assertFinding(result, "ILLEGAL_PURGE");
            assertTrue(result.out().contains("younger than the published retention"), result.out());
            assertEquals(VerifyCommand.OK, verify(db, "--retention", "P7D").code(), "legal under a 7-day retention");
        }
    }

    @DatabaseTest
    void a_key_destroyed_without_erasure_and_a_faked_erasure_are_found(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(365))) {
            append(log, 20, "a");
            assertEquals(VerifyCommand.OK, verify(db).code());
            db.update("DELETE FROM audit_person_key WHERE tag = (SELECT MIN(subject_tag) FROM audit_entry)");
            assertFinding(verify(db), "KEY_DESTROYED_WITHOUT_ERASE");
        }
    }

    @DatabaseTest
    void only_the_keys_the_auditor_gives_are_trusted(TestDatabase db) {
        try (AuditLog log = log(db, Duration.ofDays(365))) {
            append(log, 20, "a");
        }
        AuditKeys other = AuditKeys.generate();
        List<String> args = new ArrayList<>(List.of("--jdbc-url", db.jdbcUrl(), "--origin", ORIGIN,
                "--log-key", other.noteSigner(ORIGIN).verifierKey(), "--state", state.resolve("other").toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), clock);
        assertEquals(VerifyCommand.PROBLEMS, code, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BAD_SIGNATURE"));

        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertEquals(VerifyCommand.ERROR, VerifyCommand.run(new String[] {"--jdbc-url", db.jdbcUrl(), "--origin", ORIGIN,
                "--state", state.toString()}, new PrintStream(none, true, StandardCharsets.UTF_8),
                new PrintStream(none, true, StandardCharsets.UTF_8), clock));
        assertTrue(none.toString(StandardCharsets.UTF_8).contains("trusts no key from the database"), none.toString(StandardCharsets.UTF_8));
    }
}
