package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.GrantRequest;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.Purpose;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.DelegatingDataSource;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.CallerTransaction;
import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registration, under Spring's {@code DataSourceTransactionManager}: a host row, a
 * consent decision, an access grant, an audit event and a restriction, then a second host row and a
 * failure. A rollback leaves none of them; a commit keeps all; Spring's one connection is the only
 * one the calls take.
 */
@MigrateWith(HostSchema.class)
class SpringTransactionTest {

    /** What the Spring Boot starter will provide: the connection Spring holds for this data source. */
    static final class SpringCallerTransaction implements CallerTransaction {
        private final DataSource dataSource;

        SpringCallerTransaction(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection connection() {
            return TransactionSynchronizationManager.hasResource(dataSource) ? DataSourceUtils.getConnection(dataSource) : null;
        }

        @Override
        public void release(Connection connection) {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }

        @Override
        public boolean afterCommit(Runnable action) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return false;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
            return true;
        }
    }

    /** Counts the connections taken on the test's thread (the audit integrator's own thread is not counted). */
    static final class CountingDataSource extends DelegatingDataSource {
        private final Thread counted = Thread.currentThread();
        final AtomicInteger taken = new AtomicInteger();

        CountingDataSource(DataSource delegate) {
            super(delegate);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (Thread.currentThread() == counted) {
                taken.incrementAndGet();
            }
            return delegate().getConnection();
        }
    }

    private static void register(RetentionFixtures app, JdbcTemplate jdbc, String subject) {
        jdbc.update("INSERT INTO host_note (id, owner_id, recipient_id, body, created_at) VALUES (1, ?, NULL, 'account', ?)",
                subject, java.time.OffsetDateTime.parse("2026-01-05T09:00:00Z"));
        app.consent.record(DecisionRequest.grant(subject, NoticeRef.of("terms", 1, "de")).as("mentee").via("checkbox"));
        app.consent.grantAccess(GrantRequest.of(subject, "mentor-1", "smoff-time-mentor", Set.of("smoff-time")));
        app.audit.append(AuditEvent.of(Actor.of(subject, "mentee"), AuditAction.CREATE, Resource.of("account", subject)));
        app.retention.restrict(subject, "asked to wait");
        jdbc.update("INSERT INTO host_note (id, owner_id, recipient_id, body, created_at) VALUES (2, ?, NULL, 'profile', ?)",
                subject, java.time.OffsetDateTime.parse("2026-01-05T09:00:00Z"));
    }

    @DatabaseTest
    void a_rollback_under_spring_leaves_nothing_and_a_commit_keeps_everything(TestDatabase db) {
        CountingDataSource dataSource = new CountingDataSource(db.dataSource());
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        try (RetentionFixtures app = new RetentionFixtures(dataSource, clock,
                Transactions.joining(new SpringCallerTransaction(dataSource)))) {
            app.consent.definePurpose(Purpose.required("terms", "Nutzungsbedingungen"));
            app.consent.publishNotice(NoticeDraft.ofText("terms", "de", "Fassung 1."));
            DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
            TransactionTemplate transaction = new TransactionTemplate(manager);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);

            dataSource.taken.set(0);
            assertThrows(IllegalStateException.class, () -> transaction.executeWithoutResult(status -> {
                register(app, jdbc, "mentee-1");
                throw new IllegalStateException("the host's registration fails after every library call");
            }));
            assertEquals(1, dataSource.taken.get(), "Spring's connection was the only one taken");
            app.audit.flush();
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_note"));
            assertFalse(app.consent.isGranted("mentee-1", "terms", clock.instant()), "no proof of consent without the registration");
            assertEquals(0, app.consent.grantsOf("mentee-1").size());
            assertEquals(0, app.audit.byActor("mentee-1", AuditQuery.newest(10)).entries().size());
            assertEquals(0, db.queryLong("SELECT count(*) FROM audit_outbox"));
            assertTrue(app.retention.processingAllowed("mentee-1"), "no restriction");

            dataSource.taken.set(0);
            transaction.executeWithoutResult(status -> register(app, jdbc, "mentee-2"));
            assertEquals(1, dataSource.taken.get(), "Spring's connection was the only one taken");
            app.audit.flush();
            assertEquals(2, db.queryLong("SELECT count(*) FROM host_note"));
            assertTrue(app.consent.isGranted("mentee-2", "terms", clock.instant()));
            assertEquals(1, app.consent.grantsOf("mentee-2").size());
            assertEquals(1, app.audit.byActor("mentee-2", AuditQuery.newest(10)).entries().size());
            assertFalse(app.retention.processingAllowed("mentee-2"));
            assertTrue(app.audit.verify().ok());
        }
    }
}
