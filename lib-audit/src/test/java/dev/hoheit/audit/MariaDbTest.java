package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.SkipDatabase;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What is MariaDB's own: the entry table's month partitions and the integrator's session lock. */
@MigrateWith(AuditTestSchema.class)
@SkipDatabase(value = {DatabaseKind.H2, DatabaseKind.POSTGRESQL}, reason = "MariaDB's partitions and GET_LOCK")
class MariaDbTest {

    private static final String LOCK = "CONCAT('hoheit-audit-integrator-', MD5(DATABASE()))";

    private static List<String> partitions(TestDatabase db) {
        return db.rows("SELECT partition_name AS p FROM information_schema.partitions WHERE table_schema = DATABASE()"
                + " AND table_name = 'audit_entry' ORDER BY partition_ordinal_position").stream()
                .map(row -> (String) row.get("p")).toList();
    }

    private static long rowsIn(TestDatabase db, String partition) {
        return db.queryLong("SELECT count(*) FROM audit_entry PARTITION (" + partition + ")");
    }

    @DatabaseTest
    void a_month_and_the_next_are_split_off_before_the_first_entry_and_the_catch_all_stays_empty(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock(); // January 2026
        try (AuditLog log = AuditFixtures.log(db, clock)) {
            assertEquals(List.of("audit_entry_pmax"), partitions(db), "a fresh log has only the catch-all");
            for (int i = 0; i < 5; i++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("january" + i));
            }
            assertEquals(List.of("audit_entry_p202601", "audit_entry_p202602", "audit_entry_pmax"), partitions(db));
            assertEquals(5, rowsIn(db, "audit_entry_p202601"));
            // Three months on, past a month nobody wrote in: May gets its own partition, April lies in it.
            clock.advance(Duration.ofDays(120));
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("may"));
            assertEquals(List.of("audit_entry_p202601", "audit_entry_p202602", "audit_entry_p202605", "audit_entry_p202606",
                    "audit_entry_pmax"), partitions(db));
            assertEquals(1, rowsIn(db, "audit_entry_p202605"));
            assertEquals(0, rowsIn(db, "audit_entry_pmax"));
            assertEquals("2026-06-01 00:00:00", db.rows("SELECT partition_description AS d FROM information_schema.partitions"
                    + " WHERE table_schema = DATABASE() AND table_name = 'audit_entry' AND partition_name = 'audit_entry_p202605'")
                    .get(0).get("d").toString().replace("'", ""), "a month ends at midnight UTC on the first of the next");
            assertTrue(log.verify().ok());
        }
    }

    @DatabaseTest
    void a_purge_drops_the_months_that_lie_wholly_before_the_cutoff(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditFixtures.config(clock).withRetention(Duration.ofDays(30)))) {
            for (int month = 0; month < 4; month++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("m" + month));
                clock.advance(Duration.ofDays(31));
            }
            // Cutoff in the middle of March: January and February go whole, March's entry by DELETE (the
            // PURGE entry, in May, has split off June).
            PurgeResult result = log.purgeBefore(java.time.Instant.parse("2026-03-20T00:00:00Z"));
            assertEquals(2, result.partitionsDropped(), result.toString());
            assertEquals(3, result.eventsDeleted());
            assertEquals(List.of("audit_entry_p202603", "audit_entry_p202604", "audit_entry_p202605", "audit_entry_p202606",
                    "audit_entry_pmax"), partitions(db));
            assertEquals(0, rowsIn(db, "audit_entry_p202603"));
            assertTrue(log.verify().ok(), log.verify().toText());
        }
    }

    @DatabaseTest
    void a_purge_never_drops_a_partition_that_ends_later_than_its_name_says(TestDatabase db) {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditFixtures.config(clock).withRetention(Duration.ofDays(30)))) {
            for (int month = 0; month < 4; month++) {
                log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("m" + month));
                clock.advance(Duration.ofDays(31));
            }
            // The operator folds February and March into the partition named for January.
            db.update("ALTER TABLE audit_entry REORGANIZE PARTITION audit_entry_p202601, audit_entry_p202602, audit_entry_p202603"
                    + " INTO (PARTITION audit_entry_p202601 VALUES LESS THAN ('2026-04-01 00:00:00'))");
            AuditException stopped = assertThrows(AuditException.class,
                    () -> log.purgeBefore(java.time.Instant.parse("2026-02-20T00:00:00Z")));
            assertEquals(AuditException.Problem.STORAGE, stopped.problem());
            assertEquals(4 + 1, db.queryLong("SELECT count(*) FROM audit_entry"), "only the PURGE entry was added; nothing dropped");
            assertTrue(log.verify().ok(), log.verify().toText());
        }
    }

    @DatabaseTest
    void a_new_month_never_waits_long_for_a_reader_of_the_table(TestDatabase db) throws Exception {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog log = AuditFixtures.log(db, clock); java.sql.Connection reader = db.dataSource().getConnection()) {
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("january"));
            // A transaction that read the table (as verify() does) holds it until it ends ...
            reader.setAutoCommit(false);
            try (var statement = reader.createStatement()) {
                statement.executeQuery("SELECT count(*) FROM audit_entry").close();
            }
            // ... so March's partition has to wait, and every new reader of the table queues behind it.
            clock.advance(Duration.ofDays(60));
            Appended march = log.append(AuditFixtures.menteeUpdatesPlan("march"));
            Thread.sleep(1_000);
            // This reader's own thread holds the first transaction open: were the split to wait for
            // it without a limit, this query would never return.
            long started = System.nanoTime();
            assertEquals(1, db.queryLong("SELECT count(*) FROM audit_entry"));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(waited.compareTo(Duration.ofSeconds(30)) < 0, "waited " + waited);
            reader.commit();
            assertEquals(2, log.awaitIntegrated(march, Duration.ofSeconds(30)).seq(), "the split is retried and the entry placed");
            assertTrue(partitions(db).contains("audit_entry_p202603"), partitions(db).toString());
            assertTrue(log.verify().ok());
        }
    }

    @DatabaseTest
    void the_integrator_holds_a_session_lock_and_a_killed_session_releases_it(TestDatabase db) throws Exception {
        MutableClock clock = AuditFixtures.clock();
        try (AuditLog first = AuditFixtures.log(db, clock); AuditLog second = AuditFixtures.log(db, clock)) {
            first.appendIntegrated(AuditFixtures.mentorViewsPlan("a"));
            second.appendIntegrated(AuditFixtures.mentorViewsPlan("b"));
            Object holder = db.rows("SELECT IS_USED_LOCK(" + LOCK + ") AS h").get(0).get("h");
            assertNotNull(holder, "the leader holds the lock");
            // The operator (or a network failure) ends the leader's session: the server frees the lock,
            // and an instance takes the lead again on a new session.
            db.update("KILL CONNECTION " + holder);
            AuditReceipt receipt = second.awaitIntegrated(second.append(AuditFixtures.mentorViewsPlan("after the kill")),
                    Duration.ofSeconds(20));
            assertEquals(3, receipt.seq());
            Object newHolder = db.rows("SELECT IS_USED_LOCK(" + LOCK + ") AS h").get(0).get("h");
            assertNotNull(newHolder);
            assertNotEquals(holder, newHolder);
            // The killed leader learns it lost the lead at its next try (it finds its session gone).
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(first.integrating() ^ second.integrating()) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(first.integrating() ^ second.integrating(), "exactly one instance integrates");
            assertTrue(first.verify().ok());
        }
        assertEquals(Map.of("h", 0L), Map.of("h", ((Number) db.rows("SELECT IS_USED_LOCK(" + LOCK + ") IS NOT NULL AS h")
                .get(0).get("h")).longValue()), "closing the logs released the lock");
    }
}
