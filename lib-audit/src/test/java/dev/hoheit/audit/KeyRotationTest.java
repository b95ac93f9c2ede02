package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @DatabaseTest
    void checkpoints_signed_before_a_rotation_still_verify(TestDatabase db) throws IOException {
        Path dir = Files.createTempDirectory("hoheit-keys");
        MutableClock clock = AuditFixtures.clock();
        AuditKeys before = AuditKeys.loadOrCreate(dir);
        Checkpoint old;
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(before).withClock(clock).withoutMigration())) {
            for (int i = 0; i < 5; i++) {
                log.appendIntegrated(AuditFixtures.mentorViewsPlan("p" + i));
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
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("q" + i));
            }
            Checkpoint fresh = log.seal();
            String origin = AuditConfig.DEFAULT_ORIGIN;
            List<dev.hoheit.audit.tlog.NoteVerifier> oldKey = before.noteVerifiers(origin);
            List<dev.hoheit.audit.tlog.NoteVerifier> newKey = List.of(after.noteVerifiers(origin).get(0));
            assertTrue(fresh.signedBy(newKey));
            assertFalse(fresh.signedBy(oldKey));
            List<Checkpoint> stored = log.checkpoints();
            assertEquals(old, stored.get(0), "the old checkpoint reads back as it was signed");
            assertTrue(stored.get(0).signedBy(oldKey));
            assertFalse(stored.get(0).signedBy(newKey));
            assertTrue(stored.get(0).signedBy(after.noteVerifiers(origin)), "the retired key is among the log's verifiers");

            VerificationReport report = log.verify(List.of(Checkpoint.fromJson(old.toJson()), Checkpoint.fromJson(fresh.toJson())));
            assertTrue(report.ok(), report.toText());
            assertEquals(4, report.checkpointsChecked(), "two stored and two exported checkpoints");
        }

        // An installation that lost the retired key cannot vouch for the old checkpoint, and says so.
        AuditKeys forgetful = new AuditKeys(after.masterKey(), after.signingKeys());
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(forgetful).withClock(clock).withoutMigration())) {
            VerificationReport report = log.verify(List.of(old));
            assertFalse(report.ok());
            assertEquals(Finding.Kind.BAD_SIGNATURE, report.findings().get(0).kind(), report.toText());
            assertEquals(5, report.findings().get(0).seq());
            assertTrue(report.findings().get(0).message().contains("not signed by a trusted log key"), report.toText());
        }
    }
}
