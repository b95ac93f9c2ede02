package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.DelegatingDataSource;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

@MigrateWith(AuditTestSchema.class)
class ConcurrencyAndBatchTest {

    @DatabaseTest
    void two_instances_writing_at_once_keep_one_valid_chain(TestDatabase db) throws Exception {
        MutableClock clock = AuditFixtures.clock();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AuditLog first = AuditFixtures.log(db, clock); AuditLog second = AuditFixtures.log(db, clock)) {
            List<Future<?>> futures = new ArrayList<>();
            for (AuditLog log : List.of(first, second)) {
                for (int t = 0; t < 2; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 60; i++) {
                            if (i % 3 == 0) {
                                log.appendIntegrated(AuditFixtures.mentorViewsPlan("p" + i));
                            } else {
                                log.appendBatched(AuditFixtures.menteeUpdatesPlan("p" + i)).join();
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
            first.flush(); // batched appends are durable when joined; integrated after this
            VerificationReport report = first.verify();
            assertTrue(report.ok(), report.toText());
            assertEquals(240, report.eventsChecked());
            assertEquals(240, report.lastSeq(), "gap-free positions 1..240");
            assertEquals(240, db.queryLong("SELECT count(DISTINCT seq) FROM audit_entry"));
        } finally {
            pool.shutdown();
        }
    }

    @DatabaseTest
    void batched_appends_are_all_durable_even_through_a_small_buffer(TestDatabase db) {
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withBatching(20, 40);
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            List<CompletableFuture<Appended>> receipts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                receipts.add(log.appendBatched(AuditFixtures.menteeUpdatesPlan("p" + i)));
            }
            log.flush();
            assertTrue(receipts.stream().allMatch(CompletableFuture::isDone), "flush waits for every queued event");
            assertEquals(1000, receipts.stream().map(CompletableFuture::join)
                    .map(appended -> log.awaitIntegrated(appended, java.time.Duration.ofSeconds(5)).seq()).distinct().count());
            assertEquals(1000, db.queryLong("SELECT count(*) FROM audit_entry"));
            assertTrue(log.verify().ok());
        }
    }

    @DatabaseTest
    void a_database_outage_reaches_the_caller_and_loses_nothing_acknowledged(TestDatabase db) {
        SwitchableDataSource flaky = new SwitchableDataSource(db.dataSource());
        try (AuditLog log = AuditLog.create(flaky, AuditFixtures.config(AuditFixtures.clock()))) {
            AuditReceipt before = log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("a"));
            flaky.down = true;
            AuditException sync = assertThrows(AuditException.class, () -> log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("b")));
            assertEquals(AuditException.Problem.STORAGE, sync.problem());
            CompletableFuture<Appended> batched = log.appendBatched(AuditFixtures.menteeUpdatesPlan("c"));
            ExecutionException failure = assertThrows(ExecutionException.class, batched::get);
            assertTrue(failure.getCause() instanceof AuditException, failure.getCause().toString());
            flaky.down = false;
            AuditReceipt after = log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("d"));
            assertEquals(before.seq() + 1, after.seq(), "failed appends left no trace and no gap");
            assertTrue(log.verify().ok());
        }
    }

    @DatabaseTest
    void a_closed_log_refuses_new_events_but_kept_the_queued_ones(TestDatabase db) {
        AuditLog log = AuditFixtures.log(db, AuditFixtures.clock());
        CompletableFuture<Appended> queued = log.appendBatched(AuditFixtures.menteeUpdatesPlan("last"));
        log.close();
        assertTrue(queued.isDone() && !queued.isCompletedExceptionally(), "close writes what is queued");
        assertEquals(AuditException.Problem.CLOSED, assertThrows(AuditException.class,
                () -> log.appendIntegrated(AuditFixtures.menteeUpdatesPlan("late"))).problem());
        assertEquals(AuditException.Problem.CLOSED, assertThrows(AuditException.class,
                () -> log.appendBatched(AuditFixtures.menteeUpdatesPlan("late"))).problem());
        assertEquals(1, db.queryLong("SELECT count(*) FROM audit_entry"));
    }

    /** Delegates to a real data source until switched off, then fails like a database that is down. */
    static final class SwitchableDataSource extends DelegatingDataSource {
        volatile boolean down;

        SwitchableDataSource(DataSource delegate) {
            super(delegate);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("connection refused (test outage)", "08001");
            }
            return delegate().getConnection();
        }
    }
}
