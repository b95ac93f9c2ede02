package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.internal.cli.VerifyCommand;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** Replacing the checkpoint signing key keeps every earlier checkpoint verifiable, in-process and offline. */
@MigrateWith(AuditTestSchema.class)
class KeyRotationTest {

    private static int cli(TestDatabase db, Path checkpoints, Path... keys) {
        List<String> args = new java.util.ArrayList<>(List.of("--jdbc-url", db.jdbcUrl(), "--checkpoints", checkpoints.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        for (Path key : keys) {
            args.addAll(List.of("--public-key", key.toString()));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        return VerifyCommand.run(args.toArray(String[]::new), new java.io.PrintStream(out, true), new java.io.PrintStream(out, true));
    }

    @DatabaseTest
    void checkpoints_signed_before_a_rotation_still_verify(TestDatabase db) throws IOException {
        Path dir = Files.createTempDirectory("hoheit-keys");
        MutableClock clock = AuditFixtures.clock();
        AuditKeys before = AuditKeys.loadOrCreate(dir);
        Checkpoint old;
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(before).withClock(clock).withoutMigration())) {
            for (int i = 0; i < 5; i++) {
                log.append(AuditFixtures.mentorViewsPlan("p" + i));
            }
            old = log.seal();
        }

        AuditKeys after = AuditKeys.rotateSigningKey(dir);
        assertNotEquals(before.keyId(), after.keyId(), "a new signing key");
        assertTrue(java.util.Arrays.equals(before.masterKey().getEncoded(), after.masterKey().getEncoded()), "the master key stays");
        assertEquals(List.of(before.keyId()), after.retiredSigningKeys().stream().map(AuditKeys::keyIdOf).toList());
        assertEquals(after.verificationKeys(), AuditKeys.loadOrCreate(dir).verificationKeys(), "a restart loads the retired key too");

        clock.advance(Duration.ofMinutes(1));
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(after).withClock(clock).withoutMigration())) {
            for (int i = 0; i < 5; i++) {
                log.append(AuditFixtures.menteeUpdatesPlan("q" + i));
            }
            Checkpoint fresh = log.seal();
            assertEquals(after.keyId(), fresh.keyId());
            List<Checkpoint> stored = log.checkpoints();
            assertEquals(List.of(before.keyId(), after.keyId()), stored.stream().map(Checkpoint::keyId).toList());
            assertEquals(old, stored.get(0), "the old checkpoint reads back with the key that signed it");
            assertEquals(Base64.getEncoder().encodeToString(before.signingKeys().getPublic().getEncoded()), stored.get(0).publicKey());

            VerificationReport report = log.verify(List.of(Checkpoint.fromJson(old.toJson()), Checkpoint.fromJson(fresh.toJson())));
            assertTrue(report.ok(), report.toText());
            assertEquals(4, report.checkpointsChecked(), "two stored and two exported checkpoints");

            // Offline: the auditor passes every published key; with only the new one, the old checkpoint is flagged.
            Path exported = dir.resolve("checkpoints.jsonl");
            Files.writeString(exported, old.toJson() + "\n" + fresh.toJson() + "\n");
            Path oldKey = Files.writeString(dir.resolve("old.pem"), before.publicKeyPem());
            Path newKey = Files.writeString(dir.resolve("new.pem"), after.publicKeyPem());
            assertEquals(VerifyCommand.OK, cli(db, exported, oldKey, newKey));
            assertEquals(VerifyCommand.PROBLEMS, cli(db, exported, newKey));
        }

        // An installation that lost the retired key cannot vouch for the old checkpoint, and says so.
        AuditKeys forgetful = new AuditKeys(after.masterKey(), after.signingKeys());
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(forgetful).withClock(clock).withoutMigration())) {
            VerificationReport report = log.verify(List.of(old));
            assertFalse(report.ok());
            assertEquals(5, report.findings().get(0).seq());
            assertTrue(report.findings().get(0).message().contains("not a trusted key"), report.toText());
        }

        // Rows sealed before the key column existed name their key by id only; it is found among the retired keys.
        db.update("UPDATE audit_checkpoint SET public_key = NULL");
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(after).withClock(clock).withoutMigration())) {
            assertEquals(List.of(old.publicKey(), Base64.getEncoder().encodeToString(after.signingKeys().getPublic().getEncoded())),
                    log.checkpoints().stream().map(Checkpoint::publicKey).toList());
            assertTrue(log.verify().ok());
        }
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(forgetful).withClock(clock).withoutMigration())) {
            AuditException e = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class, log::checkpoints);
            assertTrue(e.getMessage().contains(before.keyId()), "the problem names the missing key: " + e.getMessage());
        }
    }
}
