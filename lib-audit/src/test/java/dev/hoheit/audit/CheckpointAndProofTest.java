package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.tlog.NoteVerifier;
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

    private static final List<NoteVerifier> LOG_KEYS = AuditFixtures.KEYS.noteVerifiers(AuditConfig.DEFAULT_ORIGIN);

    @DatabaseTest
    void checkpoints_are_sealed_automatically_as_c2sp_signed_notes_and_survive_export(TestDatabase db) {
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSealEvery(10);
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            for (int i = 0; i < 25; i++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("p" + i));
            }
            assertEquals(List.of(10L, 20L), log.checkpoints().stream().map(Checkpoint::size).toList());
            Checkpoint head = log.seal();
            assertEquals(25, head.size());
            assertEquals(head, log.seal(), "sealing an already sealed tree returns the same checkpoint");
            String[] lines = head.note().split("\n", -1);
            assertEquals(AuditConfig.DEFAULT_ORIGIN, lines[0], "C2SP checkpoint: origin line");
            assertEquals("25", lines[1], "C2SP checkpoint: tree size");
            assertEquals(head.rootHash(), lines[2], "C2SP checkpoint: base64 root hash");
            assertEquals("", lines[3], "a blank line ends the note text");
            assertTrue(lines[4].startsWith("\u2014 " + AuditConfig.DEFAULT_ORIGIN + " "), "signature line by the log's key: " + lines[4]);
            Checkpoint parsed = Checkpoint.fromJson(head.toJson());
            assertEquals(head, parsed);
            assertTrue(parsed.signedBy(LOG_KEYS));
            assertFalse(parsed.signedBy(AuditKeys.generate().noteVerifiers(AuditConfig.DEFAULT_ORIGIN)), "another key does not verify");
        }
    }

    @DatabaseTest
    void a_person_gets_logarithmic_proofs_anyone_can_check_with_the_log_key(TestDatabase db) {
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSealEvery(1000);
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            java.util.concurrent.CompletableFuture<Appended> mine = null;
            for (int i = 0; i < 700; i++) {
                var appended = log.appendBatched(i == 4 ? AuditFixtures.mentorViewsPlan("mine") : AuditFixtures.menteeUpdatesPlan("p" + i));
                mine = i == 4 ? appended : mine;
            }
            log.flush();
            long seq = log.awaitIntegrated(mine.join(), java.time.Duration.ofSeconds(5)).seq();
            InclusionProof proof = log.prove(seq);
            assertEquals(seq, proof.entry().seq());
            assertEquals("mine", proof.entry().resourceId().orElseThrow());
            assertEquals(700, proof.checkpoint().size(), "the tree is sealed on demand");
            assertEquals(10, proof.hashes().size(), "ceil(log2 700) hashes, not hundreds");
            assertTrue(proof.verify(LOG_KEYS));

            InclusionProof other = log.prove(300);
            InclusionProof forged = new InclusionProof(proof.entry(), other.entryBytes(), proof.leafIndex(), proof.hashes(),
                    proof.checkpoint());
            assertFalse(forged.verify(LOG_KEYS), "another entry's bytes do not verify");
            InclusionProof moved = new InclusionProof(other.entry(), other.entryBytes(), other.leafIndex() + 1, other.hashes(),
                    other.checkpoint());
            assertFalse(moved.verify(LOG_KEYS), "the same entry at another position does not verify");
            assertFalse(proof.verify(AuditKeys.generate().noteVerifiers(AuditConfig.DEFAULT_ORIGIN)));
            assertThrows(AuditException.class, () -> log.prove(9999));
        }
    }

    @DatabaseTest
    void consistency_proofs_show_a_newer_checkpoint_extends_an_older_one(TestDatabase db) {
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            for (int i = 0; i < 300; i++) {
                log.appendBatched(AuditFixtures.menteeUpdatesPlan("p" + i));
            }
            log.flush();
            Checkpoint older = log.seal();
            for (int i = 0; i < 600; i++) {
                log.appendBatched(AuditFixtures.menteeUpdatesPlan("q" + i));
            }
            log.flush();
            Checkpoint newer = log.seal();
            ConsistencyProof proof = log.proveConsistency(older.size(), newer.size());
            assertTrue(proof.verify(older, newer));
            assertTrue(proof.proofBytes() <= 1024);
            ConsistencyProof wrong = log.proveConsistency(older.size() - 1, newer.size());
            assertFalse(new ConsistencyProof(older.size(), newer.size(), wrong.hashes()).verify(older, newer),
                    "a proof for other sizes does not verify");
            assertThrows(AuditException.class, () -> log.proveConsistency(10, 99_999));
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
