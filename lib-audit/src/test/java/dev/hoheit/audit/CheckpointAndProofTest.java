package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MigrateWith(AuditTestSchema.class)
class CheckpointAndProofTest {

    @DatabaseTest
    void checkpoints_are_sealed_automatically_and_survive_export(TestDatabase db) {
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSealEvery(10);
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            for (int i = 0; i < 25; i++) {
                log.append(AuditFixtures.menteeUpdatesPlan("p" + i));
            }
            assertEquals(List.of(10L, 20L), log.checkpoints().stream().map(Checkpoint::seq).toList());
            Checkpoint head = log.seal();
            assertEquals(25, head.seq());
            assertEquals(head, log.seal(), "sealing an already sealed head returns the same checkpoint");
            Checkpoint parsed = Checkpoint.fromJson(head.toJson());
            assertEquals(head, parsed);
            assertTrue(parsed.hasValidSignature(AuditFixtures.KEYS.signingKeys().getPublic()));
            assertFalse(parsed.hasValidSignature(AuditKeys.generate().signingKeys().getPublic()), "another key does not verify");
        }
    }

    @DatabaseTest
    void a_person_gets_a_proof_anyone_can_check_with_the_public_key(TestDatabase db) {
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSealEvery(10);
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            for (int i = 0; i < 15; i++) {
                log.append(i == 4 ? AuditFixtures.mentorViewsPlan("mine") : AuditFixtures.menteeUpdatesPlan("p" + i));
            }
            InclusionProof proof = log.prove(5);
            assertEquals(5, proof.entry().seq());
            assertEquals("mine", proof.entry().resourceId().orElseThrow());
            assertEquals(10, proof.checkpoint().seq());
            assertEquals(5, proof.followingLeaves().size());
            assertTrue(proof.verify(AuditFixtures.KEYS.signingKeys().getPublic()));

            InclusionProof unsealed = log.prove(13);
            assertEquals(15, unsealed.checkpoint().seq(), "the head is sealed on demand");
            assertTrue(unsealed.verify(AuditFixtures.KEYS.signingKeys().getPublic()));

            InclusionProof forged = new InclusionProof(proof.entry(), unsealed.record(), proof.previousHash(),
                    proof.followingLeaves(), proof.checkpoint());
            assertFalse(forged.verify(AuditFixtures.KEYS.signingKeys().getPublic()));
            assertFalse(proof.verify(AuditKeys.generate().signingKeys().getPublic()));
            assertThrows(AuditException.class, () -> log.prove(99));
        }
    }

    @Test
    void keys_are_created_once_and_loaded_afterwards(@TempDir Path dir) throws Exception {
        AuditKeys created = AuditKeys.loadOrCreate(dir.resolve("keys"));
        AuditKeys loaded = AuditKeys.loadOrCreate(dir.resolve("keys"));
        assertEquals(created.keyId(), loaded.keyId());
        assertTrue(java.util.Arrays.equals(created.masterKey().getEncoded(), loaded.masterKey().getEncoded()));
        assertTrue(created.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("keys/audit-master.key"))));
        assertFalse(created.toString().contains("master"), "toString shows no key material");
    }

    @Test
    void a_malformed_checkpoint_line_names_the_problem() {
        AuditException e = assertThrows(AuditException.class, () -> Checkpoint.fromJson("{\"format\":\"other\"}"));
        assertTrue(e.getMessage().contains("not a Hoheit audit checkpoint"), e.getMessage());
        assertThrows(AuditException.class, () -> Checkpoint.fromJson("not json"));
    }
}
