package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.internal.cli.VerifyCommand;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The auditor's command-line verifier, run against the database as an outsider would. */
@MigrateWith(AuditTestSchema.class)
class VerifyCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VerifyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] args(TestDatabase db, Path checkpoints, Path publicKey) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url", db.jdbcUrl(), "--checkpoints", checkpoints.toString()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null) {
            args.addAll(List.of("--password", db.password()));
        }
        if (publicKey != null) {
            args.addAll(List.of("--public-key", publicKey.toString()));
        }
        return args.toArray(String[]::new);
    }

    @DatabaseTest
    void the_verifier_passes_a_clean_log_and_fails_a_tampered_one(TestDatabase db) throws IOException {
        Path dir = Files.createTempDirectory("hoheit-verify");
        Path checkpoints = dir.resolve("checkpoints.jsonl");
        Path publicKey = dir.resolve("audit-signing.pub");
        Files.writeString(publicKey, AuditFixtures.KEYS.publicKeyPem());
        try (AuditLog log = AuditFixtures.log(db, AuditFixtures.clock())) {
            for (int i = 0; i < 12; i++) {
                log.append(AuditFixtures.mentorViewsPlan("p" + i));
            }
            Files.writeString(checkpoints, log.seal().toJson() + "\n");
        }

        Result clean = run(args(db, checkpoints, publicKey));
        assertEquals(VerifyCommand.OK, clean.code(), clean.out() + clean.err());
        assertTrue(clean.out().startsWith("OK: audit chain 1..12"), clean.out());

        db.update("UPDATE audit_event SET purpose = 'grant:forged' WHERE seq = 7");
        Result tampered = run(args(db, checkpoints, publicKey));
        assertEquals(VerifyCommand.PROBLEMS, tampered.code());
        assertTrue(tampered.out().contains("HASH_MISMATCH at 7"), tampered.out());

        Result embeddedKey = run(args(db, checkpoints, null));
        assertEquals(VerifyCommand.PROBLEMS, embeddedKey.code());
        assertTrue(embeddedKey.out().contains("trusting the public key(s) embedded"), embeddedKey.out());
    }

    @DatabaseTest
    void the_verifier_reports_bad_usage_and_an_unreachable_database(TestDatabase db) throws IOException {
        Result usage = run("--jdbc-url");
        assertEquals(VerifyCommand.ERROR, usage.code());
        assertTrue(usage.err().contains("usage:"), usage.err());
        Path empty = Files.createTempFile("checkpoints", ".jsonl");
        Result noKey = run("--jdbc-url", db.jdbcUrl(), "--checkpoints", empty.toString());
        assertEquals(VerifyCommand.ERROR, noKey.code());
        assertTrue(noKey.err().contains("no public key"), noKey.err());
    }
}
