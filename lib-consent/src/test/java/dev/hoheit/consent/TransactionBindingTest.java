package dev.hoheit.consent;

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
import dev.hoheit.transaction.TransactionBindingException;
import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/** Decisions and grants joined to the caller's transaction: they commit or roll back with it. */
@MigrateWith(ConsentTestSchema.class)
class TransactionBindingTest {

    private static ConsentService joined(TestDatabase db, MutableClock clock, Transactions transactions) {
        return ConsentService.create(db.dataSource(), ConsentConfig.of(Fixtures.CONTROLLER).withClock(clock)
                .withoutMigration().withTransactions(transactions));
    }

    @DatabaseTest
    void a_host_rollback_leaves_no_decision_and_no_grant(TestDatabase db) throws Exception {
        MutableClock clock = Fixtures.clock();
        Fixtures.defineStandardPurposes(Fixtures.service(db, clock));
        ConsentService consent = joined(db, clock, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
                consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "smoff-time-mentor", Set.of("smoff-time")));
                // Inside the transaction the service reads its own uncommitted writes.
                assertTrue(consent.isGranted("mentee-1", "terms-mentee", clock.instant()));
                assertTrue(consent.permits("mentor-1", "mentee-1", "smoff-time", clock.instant()));
            }
            real.rollback();
            assertEquals(List.of(), caller.violations());
        }
        assertFalse(consent.isGranted("mentee-1", "terms-mentee", clock.instant()));
        assertEquals(List.of(), consent.history("mentee-1"));
        assertEquals(List.of(), consent.grantsOf("mentee-1"));
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision"));
    }

    @DatabaseTest
    void a_host_commit_keeps_them_and_a_failed_call_inside_leaves_nothing_half_done(TestDatabase db) throws Exception {
        MutableClock clock = Fixtures.clock();
        Fixtures.defineStandardPurposes(Fixtures.service(db, clock));
        ConsentService consent = joined(db, clock, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
                // Two decisions in one call, the second refused: the call stores neither, the earlier one stays.
                ConsentException refused = assertThrows(ConsentException.class, () -> consent.recordAll(List.of(
                        Fixtures.grant("mentee-1", "privacy-policy", 1), Fixtures.grant("mentee-1", "privacy-policy", 9))));
                assertEquals(ConsentException.Problem.UNKNOWN_NOTICE, refused.problem());
            }
            real.commit();
            assertEquals(List.of(), caller.violations());
        }
        assertTrue(consent.isGranted("mentee-1", "terms-mentee", clock.instant()));
        assertFalse(consent.isGranted("mentee-1", "privacy-policy", clock.instant()));
        assertEquals(1, consent.history("mentee-1").size());
    }

    @DatabaseTest
    void a_mandatory_binding_refuses_a_write_outside_a_transaction(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        Fixtures.defineStandardPurposes(Fixtures.service(db, clock));
        ConsentService consent = joined(db, clock, Transactions.mandatory(BoundTransaction.caller()));
        assertThrows(TransactionBindingException.class,
                () -> consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1)));
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_decision"));
    }

    @DatabaseTest
    void a_joined_listener_runs_inside_the_callers_transaction_and_rolls_back_with_it(TestDatabase db) throws Exception {
        MutableClock clock = Fixtures.clock();
        Fixtures.defineStandardPurposes(Fixtures.service(db, clock));
        ConsentService consent = joined(db, clock, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
            }
            real.commit();
            List<Boolean> committedWhenHeard = new java.util.ArrayList<>();
            try (Subscription subscription = consent.addListener(new ConsentListener() {
                @Override
                public void onWithdrawn(Decision withdrawal, Purpose purpose) {
                    // Seen from another connection, the withdrawal is not committed yet: the listener is inside the transaction.
                    committedWhenHeard.add(db.queryLong("SELECT count(*) FROM consent_decision") == 2);
                }
            })) {
                try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                    consent.record(DecisionRequest.withdraw("mentee-1", "newsletter"));
                }
                assertEquals(List.of(false), committedWhenHeard);
                real.rollback();
            }
            assertEquals(List.of(), caller.violations());
        }
        // The host rolled back: the withdrawal the listener heard about never happened.
        assertTrue(consent.isGranted("mentee-1", "newsletter", clock.instant()));
        assertEquals(1, db.queryLong("SELECT count(*) FROM consent_decision"));
    }
}
