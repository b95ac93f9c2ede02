package dev.hoheit.audit;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.time.temporal.ChronoUnit.DAYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ReadmeBlocks;
import dev.hoheit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The lib-audit example of the README, verbatim between the markers, so it always compiles and works. */
class ReadmeExampleTest {

    @DatabaseTest
    void the_readme_example_works(TestDatabase db) throws Exception {
        DataSource dataSource = db.dataSource();
        Path dir = Files.createTempDirectory("hoheit-readme");
        Path published = dir.resolve("checkpoints.jsonl");
        String ip = "198.51.100.4";
        String userAgent = "Mozilla/5.0";
        Instant now = Instant.now();
        Path keyDir = dir.resolve("keys");
        VerificationReport checked;
        AuditPage viewed;
        // README example start
        AuditKeys keys = AuditKeys.loadOrCreate(keyDir);      // master key + Ed25519 signing key, created on first use
        try (AuditLog log = AuditLog.create(dataSource, AuditConfig.of(keys))) {
            log.appendIntegrated(AuditEvent.of(Actor.of("mentor-7", "mentor"), AuditAction.VIEW, Resource.of("plan", "w12"))
                    .about("mentee-42").allowedBy("grant:81c2").from(ClientInfo.of(ip, userAgent)));   // durable and in the tree
            log.appendBatched(AuditEvent.of(Actor.of("mentee-42", "mentee"), AuditAction.LOGIN, Resource.of("session")));
            AuditPage whoViewedMe = log.bySubjectFromOthers("mentee-42", AuditQuery.newest(50));   // R6
            Files.writeString(published, log.seal().toJson() + "\n", CREATE, APPEND);    // keep outside the DB
            VerificationReport report = log.verify();                                     // report.ok()
            log.purgeBefore(now.minus(365, DAYS));                                         // R5: 12 months
            log.anonymiseClientDataBefore(now.minus(7, DAYS));                             // R28
            // README example end
            checked = report;
            viewed = whoViewedMe;
        }
        assertTrue(checked.ok(), checked.toText());
        assertEquals("mentor-7", viewed.entries().get(0).actorId().orElseThrow());
        assertEquals(1, Files.readAllLines(published).size());
    }

    @Test
    void the_readme_shows_exactly_this_example() throws Exception {
        ReadmeBlocks.assertReadmeContainsExample(Path.of("src/test/java/dev/hoheit/audit/ReadmeExampleTest.java"));
    }
}
