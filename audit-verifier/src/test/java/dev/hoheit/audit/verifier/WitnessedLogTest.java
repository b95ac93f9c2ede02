package dev.hoheit.audit.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.Finding;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.verifier.witness.Witness;
import dev.hoheit.audit.verifier.witness.WitnessConfig;
import dev.hoheit.audit.verifier.witness.WitnessServer;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;

/**
 * A log with a witness over real HTTP: every checkpoint is cosigned only if it extends the last one
 * the witness saw, so a history forked or rewritten with the log's own signing key never gets
 * witnessed, and deleting cosignatures shows as a missing quorum.
 */
@MigrateWith(VerifierTestSchema.class)
class WitnessedLogTest {

    private static final AuditKeys KEYS = AuditKeys.generate();
    private static final String ORIGIN = "smoffen.test/audit";

    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");

    private static void append(AuditLog log, int count, String prefix) {
        for (int i = 0; i < count; i++) {
            log.appendBatched(AuditEvent.of(Actor.of("mentor-7", "mentor"), AuditAction.VIEW, Resource.of("plan", prefix + i))
                    .about("mentee-42"));
        }
        log.flush();
    }

    private interface WitnessedTest {
        void run(AuditConfig witnessed, Cosigner cosigner) throws Exception;
    }

    private void withWitness(WitnessedTest test) throws Exception {
        Path dir = Files.createTempDirectory("hoheit-witnessed");
        Cosigner cosigner = Cosigner.ed25519("witness.test/auditor", KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        try (Witness witness = Witness.open(new WitnessConfig(cosigner, Map.of(ORIGIN, KEYS.noteVerifiers(ORIGIN)),
                dir.resolve("witness-state"), clock));
             WitnessServer server = WitnessServer.start(witness, 0)) {
            AuditConfig config = AuditConfig.of(KEYS).withClock(clock).withoutMigration().withOrigin(ORIGIN)
                    .withWitnesses(List.of(new dev.hoheit.audit.WitnessEndpoint(server.url(), cosigner.verifierKey())), 1);
            test.run(config, cosigner);
        }
    }

    @DatabaseTest
    void every_checkpoint_is_cosigned_and_a_deleted_cosignature_breaks_the_quorum(TestDatabase db) throws Exception {
        withWitness((config, cosigner) -> {
            try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
                append(log, 300, "a");
                Checkpoint first = log.seal();
                assertEquals(List.of("witness.test/auditor"), List.copyOf(first.cosignedBy(List.of(cosigner.verifier())).keySet()));
                append(log, 450, "b");
                Checkpoint second = log.seal();
                assertTrue(second.cosignedBy(List.of(cosigner.verifier())).containsKey("witness.test/auditor"),
                        "the witness checked the consistency proof 300 -> 750 and cosigned: " + second.note());
                VerificationReport report = log.verify();
                assertTrue(report.ok(), report.toText());

                db.update("DELETE FROM audit_cosignature WHERE tree_size = ?", second.size());
                VerificationReport missing = log.verify();
                assertFalse(missing.ok());
                assertEquals(Finding.Kind.WITNESS_QUORUM, missing.findings().get(0).kind(), missing.toText());
            }
        });
    }

    @DatabaseTest
    void a_history_forked_with_the_real_signing_key_is_never_witnessed(TestDatabase db) throws Exception {
        withWitness((config, cosigner) -> {
            try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
                append(log, 300, "a");
                assertFalse(log.seal().cosignedBy(List.of(cosigner.verifier())).isEmpty());
            }
            // The operator holds the signing key: a different history of the same size, and then a longer one.
            db.update("DELETE FROM audit_entry");
            db.update("DELETE FROM audit_tile");
            db.update("DELETE FROM audit_checkpoint");
            db.update("DELETE FROM audit_cosignature");
            db.update("UPDATE audit_tree_head SET tree_size = 0, min_index = 0");
            try (AuditLog forger = AuditLog.create(db.dataSource(), config)) {
                append(forger, 300, "forged");
                Checkpoint sameSize = forger.seal();
                assertTrue(sameSize.cosignedBy(List.of(cosigner.verifier())).isEmpty(),
                        "the witness refuses a second tree of size 300: " + sameSize.note());
                append(forger, 50, "more");
                Checkpoint longer = forger.seal();
                assertTrue(longer.cosignedBy(List.of(cosigner.verifier())).isEmpty(),
                        "the witness refuses a tree that does not extend the one it cosigned");
                VerificationReport report = forger.verify();
                assertEquals(Finding.Kind.WITNESS_QUORUM, report.findings().get(0).kind(), report.toText());
            }
        });
    }
}
