package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.CallerConnection;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/** Appends and erasures joined to the caller's transaction: both or neither, and the caller's connection untouched. */
@MigrateWith(AuditTestSchema.class)
class TransactionBindingTest {

    private static AuditLog joinedLog(TestDatabase db, MutableClock clock) {
        return AuditLog.create(db.dataSource(), AuditFixtures.config(clock)
                .withTransactions(Transactions.joining(BoundTransaction.caller())));
    }

    @DatabaseTest
    void a_rolled_back_host_transaction_leaves_no_audit_entry(TestDatabase db) throws Exception {
        try (AuditLog log = joinedLog(db, AuditFixtures.clock())) {
            try (Connection real = db.dataSource().getConnection()) {
                CallerConnection caller = CallerConnection.begin(real);
                Appended appended;
                try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                    appended = log.append(AuditFixtures.mentorViewsPlan("rolled-back"));
                }
                real.rollback();
                assertEquals(List.of(), caller.violations());
                AuditException never = assertThrows(AuditException.class, () -> log.awaitIntegrated(appended, Duration.ofSeconds(5)));
                assertEquals(AuditException.Problem.INVALID_STATE, never.problem(), "a rolled-back append is never integrated: told at once");
            }
            log.flush();
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_entry"));
            assertEquals(0, log.bySubject("mentee-42", AuditQuery.newest(10)).entries().size());
        }
    }

    @DatabaseTest
    void a_committed_host_transaction_keeps_and_integrates_the_entry(TestDatabase db) throws Exception {
        try (AuditLog log = joinedLog(db, AuditFixtures.clock())) {
            Appended appended;
            try (Connection real = db.dataSource().getConnection()) {
                CallerConnection caller = CallerConnection.begin(real);
                try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                    appended = log.append(AuditFixtures.mentorViewsPlan("committed"));
                    // Waiting for integration inside the open transaction cannot succeed: refused, not hung.
                    assertEquals(AuditException.Problem.INVALID_STATE, assertThrows(AuditException.class,
                            () -> log.appendIntegrated(AuditFixtures.mentorViewsPlan("inside"))).problem());
                }
                // Not visible to anyone before the host commits.
                assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
                real.commit();
                assertEquals(List.of(), caller.violations());
            }
            AuditReceipt receipt = log.awaitIntegrated(appended, Duration.ofSeconds(10));
            assertEquals(1, receipt.seq());
            assertEquals("committed", log.bySubject("mentee-42", AuditQuery.newest(10)).entries().get(0).resourceId().orElseThrow());
            assertTrue(log.verify().ok());
        }
    }

    @DatabaseTest
    void an_erasure_joined_to_a_rolled_back_transaction_destroys_nothing(TestDatabase db) throws Exception {
        try (AuditLog log = joinedLog(db, AuditFixtures.clock())) {
            log.appendIntegrated(AuditFixtures.mentorViewsPlan("w1"));
            try (Connection real = db.dataSource().getConnection()) {
                CallerConnection caller = CallerConnection.begin(real);
                try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                    log.eraseSubject("mentee-42");
                }
                real.rollback();
                assertEquals(List.of(), caller.violations());
            }
            log.flush();
            assertEquals(1, log.bySubject("mentee-42", AuditQuery.newest(10)).entries().size(), "the key still exists");
            try (Connection real = db.dataSource().getConnection()) {
                CallerConnection caller = CallerConnection.begin(real);
                try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                    log.eraseSubject("mentee-42");
                }
                real.commit();
                assertEquals(List.of(), caller.violations());
            }
            log.flush();
            assertEquals(0, log.bySubject("mentee-42", AuditQuery.newest(10)).entries().size(), "erased with the commit");
            VerificationReport report = log.verify();
            assertTrue(report.ok(), report.toText());
            assertEquals(1, log.search(AuditQuery.newest(10).actions(AuditAction.ERASE)).entries().size());
        }
    }

    @DatabaseTest
    void a_standby_integrator_takes_over_when_the_leader_closes(TestDatabase db) throws Exception {
        MutableClock clock = AuditFixtures.clock();
        AuditLog first = AuditFixtures.log(db, clock);
        try (AuditLog second = AuditFixtures.log(db, clock)) {
            first.appendIntegrated(AuditFixtures.mentorViewsPlan("a"));
            second.appendIntegrated(AuditFixtures.mentorViewsPlan("b"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(first.integrating() ^ second.integrating()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(first.integrating() ^ second.integrating(), "exactly one instance integrates");
            AuditLog leader = first.integrating() ? first : second;
            AuditLog standby = leader == first ? second : first;
            leader.close();
            Appended late = standby.append(AuditFixtures.mentorViewsPlan("after the leader left"));
            long start = System.nanoTime();
            AuditReceipt receipt = standby.awaitIntegrated(late, Duration.ofSeconds(15));
            Duration takeover = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(3, receipt.seq());
            assertTrue(standby.integrating());
            assertTrue(takeover.compareTo(Duration.ofSeconds(10)) < 0, "took over in " + takeover);
            if (standby != second) {
                second.close();
            }
        } finally {
            first.close();
        }
    }

    @DatabaseTest
    void durable_rows_survive_an_outage_of_the_integrator_and_are_integrated_once(TestDatabase db) {
        ConcurrencyAndBatchTest.SwitchableDataSource flaky = new ConcurrencyAndBatchTest.SwitchableDataSource(db.dataSource());
        try (AuditLog log = AuditLog.create(flaky, AuditFixtures.config(AuditFixtures.clock()))) {
            log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("before"));
            // Rows committed straight into the outbox by another instance while this one's database is down.
            try (AuditLog writer = AuditFixtures.log(db, AuditFixtures.clock())) {
                flaky.down = true;
                for (int i = 0; i < 50; i++) {
                    writer.append(AuditFixtures.menteeUpdatesPlan("during" + i));
                }
                flaky.down = false;
            }
            log.flush();
            assertEquals(51, db.queryLong("SELECT count(*) FROM audit_entry"));
            assertEquals(51, db.queryLong("SELECT count(DISTINCT outbox_id) FROM audit_entry"));
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
            VerificationReport report = log.verify();
            assertTrue(report.ok(), report.toText());
        }
        assertFalse(flaky.down);
    }
}
