package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The 12-month purge keeps the log verifiable; client data becomes unreadable after 7 days. */
@MigrateWith(AuditTestSchema.class)
class RetentionTest {

    private static final Duration MONTH = Duration.ofDays(30);

    @DatabaseTest
    void thirteen_months_later_the_twelve_month_purge_deletes_exactly_the_old_events(TestDatabase db) {
        MutableClock clock = MutableClock.at("2025-01-10T10:00:00Z");
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            for (int month = 0; month < 14; month++) {
                for (int i = 0; i < 5; i++) {
                    log.appendIntegrated(AuditFixtures.mentorViewsPlan("m" + month + "-" + i));
                }
                clock.advance(MONTH);
            }
            Checkpoint exported = log.seal();
            Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
            long old = db.queryLong("SELECT count(*) FROM audit_entry WHERE recorded_at < ?", java.time.OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            assertTrue(old > 0);

            PurgeResult result = log.purgeBefore(cutoff);

            assertEquals(old, result.eventsDeleted());
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_entry WHERE recorded_at < ?",
                    java.time.OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)), "nothing older than 12 months remains");
            assertEquals(70 - old + 1, db.queryLong("SELECT count(*) FROM audit_entry"), "the rest plus the PURGE event");
            assertEquals(old, result.minIndex());
            VerificationReport report = log.verify(List.of(exported));
            assertTrue(report.ok(), report.toText());
            assertEquals(old + 1, report.firstSeq());
            AuditEntry purge = log.search(AuditQuery.newest(1).actions(AuditAction.PURGE)).entries().get(0);
            assertEquals(result.purgeEventSeq(), purge.seq());
            assertEquals(Long.toString(old), purge.details().get("count"));
            assertEquals("0", purge.details().get("fromIndex"));
            assertEquals(Long.toString(old), purge.details().get("toIndex"));
            assertEquals(cutoff.toString(), purge.details().get("cutoff"));
            assertEquals("PT8760H", purge.details().get("retention"), "the published retention it was allowed by");
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertTrue(result.partitionsDropped() >= 1, "whole months are dropped: " + result);
                assertEquals(0, db.queryLong("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                        + " AND tablename = 'audit_entry_p202501'"));
            } else if (db.kind() == DatabaseKind.MARIADB) {
                assertTrue(result.partitionsDropped() >= 1, "whole months are dropped: " + result);
                assertEquals(0, db.queryLong("SELECT count(*) FROM information_schema.partitions WHERE table_schema = DATABASE()"
                        + " AND table_name = 'audit_entry' AND partition_name = 'audit_entry_p202501'"));
            } else {
                assertEquals(0, result.partitionsDropped());
            }
        }
    }

    @DatabaseTest
    void a_second_purge_and_new_events_keep_the_log_verifiable(TestDatabase db) {
        MutableClock clock = MutableClock.at("2025-03-01T00:00:00Z");
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditFixtures.config(clock).withRetention(Duration.ofDays(100)))) {
            for (int i = 0; i < 6; i++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("a" + i));
                clock.advance(Duration.ofDays(60));
            }
            log.purgeBefore(clock.instant().minus(Duration.ofDays(250)));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("b"));
            clock.advance(Duration.ofDays(60));
            PurgeResult second = log.purgeBefore(clock.instant().minus(Duration.ofDays(130)));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("c"));
            assertTrue(second.eventsDeleted() > 0);
            assertTrue(log.verify().ok(), log.verify().toText());
            PurgeResult nothing = log.purgeBefore(clock.instant().minus(Duration.ofDays(1000)));
            assertEquals(0, nothing.eventsDeleted(), "a purge with nothing to do deletes nothing");
            assertEquals(0, nothing.purgeEventSeq(), "and records nothing");
            assertTrue(log.verify().ok(), log.verify().toText());
        }
    }

    @DatabaseTest
    void deleting_old_events_without_a_purge_is_found(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            for (int i = 0; i < 10; i++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("a" + i));
                clock.advance(Duration.ofDays(1));
            }
            db.update("DELETE FROM audit_entry WHERE seq < 4");
            VerificationReport report = log.verify();
            assertFalse(report.ok());
            assertEquals(Finding.Kind.UNEXPLAINED_START, report.findings().get(0).kind(), report.toText());
            assertEquals(1, report.findings().get(0).seq(), "the gap starts at the first position no purge removed");
        }
    }

    @DatabaseTest
    void a_cutoff_in_the_future_is_refused(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            assertEquals(AuditException.Problem.INVALID_ARGUMENT, assertThrows(AuditException.class,
                    () -> log.purgeBefore(clock.instant().plusSeconds(60))).problem());
        }
    }

    @DatabaseTest
    void client_data_older_than_seven_days_becomes_unreadable_and_the_chain_still_verifies(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            AuditReceipt old = log.appendIntegrated(AuditFixtures.mentorViewsPlan("old"));
            clock.advance(Duration.ofDays(8));
            AuditReceipt recent = log.appendIntegrated(AuditFixtures.mentorViewsPlan("recent"));

            int destroyed = log.anonymiseClientDataBefore(clock.instant().minus(Duration.ofDays(7)));

            assertEquals(1, destroyed);
            assertEquals(recent.recordedAt().atZone(ZoneOffset.UTC).toLocalDate(), log.oldestReadableClientData().orElseThrow());
            assertEquals(old.recordedAt(), log.oldestEvent().orElseThrow(), "anonymising deletes no event");
            List<AuditEntry> entries = log.bySubject("mentee-42", AuditQuery.newest(10)).entries();
            AuditEntry oldEntry = entries.stream().filter(e -> e.seq() == old.seq()).findFirst().orElseThrow();
            AuditEntry recentEntry = entries.stream().filter(e -> e.seq() == recent.seq()).findFirst().orElseThrow();
            assertTrue(oldEntry.client().isEmpty(), "R28: the IP address is gone");
            assertEquals("old", oldEntry.resourceId().orElseThrow(), "the rest of the event stays readable");
            assertEquals("203.0.113.7", recentEntry.client().orElseThrow().ipAddress());
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_client_key WHERE epoch_day = ?",
                    (int) old.recordedAt().atZone(ZoneOffset.UTC).toLocalDate().toEpochDay()));
            assertTrue(log.verify().ok(), log.verify().toText());
            assertEquals(1, log.search(AuditQuery.newest(5).actions(AuditAction.ANONYMISE)).entries().size());
        }
    }

    @DatabaseTest
    void after_a_purge_every_earlier_checkpoint_and_every_proof_of_a_retained_event_still_verifies(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            for (int i = 0; i < 700; i++) {
                log.appendBatched(AuditFixtures.menteeUpdatesPlan("old" + i));
            }
            log.flush();
            Checkpoint early = log.seal(); // size 700, wholly inside what the purge removes
            clock.advance(Duration.ofDays(400));
            for (int i = 0; i < 300; i++) {
                log.appendBatched(AuditFixtures.mentorViewsPlan("new" + i));
            }
            log.flush();
            Checkpoint beforePurge = log.seal();

            PurgeResult purge = log.purgeBefore(clock.instant().minus(Duration.ofDays(365)));

            assertEquals(700, purge.minIndex());
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_tile WHERE tile_level = 0 AND tile_index < 2"),
                    "the level-0 tiles wholly below the minimum index are gone");
            assertTrue(db.queryLong("SELECT count(*) FROM audit_tile WHERE tile_level = 1") > 0, "the level above stays");
            VerificationReport report = log.verify(List.of(early, beforePurge));
            assertTrue(report.ok(), report.toText());
            InclusionProof proof = log.prove(701);
            assertTrue(proof.verify(AuditFixtures.KEYS.noteVerifiers(AuditConfig.DEFAULT_ORIGIN)));
            assertTrue(log.proveConsistency(beforePurge.size(), log.treeSize()).verify(beforePurge, log.seal()));
            assertThrows(AuditException.class, () -> log.proveConsistency(300, log.treeSize()),
                    "no proof from a tree below the minimum index");

            // The stored proof that links the early checkpoint to the next one is all that vouches for it now.
            db.update("UPDATE audit_checkpoint SET previous_proof = ? WHERE previous_size = ?", new byte[32 * 3], early.size());
            Finding finding = log.verify(List.of(early)).findings().get(0);
            assertEquals(Finding.Kind.INCONSISTENT_CHECKPOINTS, finding.kind());
        }
    }
}
