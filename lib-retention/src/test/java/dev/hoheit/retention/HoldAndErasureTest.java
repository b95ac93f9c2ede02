package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** An erasure's hold check and its request are one transaction, serialised with placing a hold. */
@MigrateWith(HostSchema.class)
class HoldAndErasureTest {

    @DatabaseTest
    void an_erasure_waits_for_a_hold_being_placed_and_is_then_refused(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db);
             // Another instance of the service, whose hold is placed in a transaction still open.
             RetentionService other = RetentionService.create(db.dataSource(), RetentionConfig.of(app.audit)
                     .withStore(app.notes).withClock(app.clock).withoutMigration()
                     .withTransactions(Transactions.joining(BoundTransaction.caller())));
             Connection holding = db.dataSource().getConnection()) {
            app.notes.addNote(1, "mentee-1", null, "my plan", app.clock.instant());
            holding.setAutoCommit(false);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(holding)) {
                other.placeHold("litigation about mentee-1's plans", Set.of("mentee-1"));
            }

            CompletableFuture<ErasureReceipt> erasure = CompletableFuture.supplyAsync(
                    () -> app.retention.eraseSubject("mentee-1", "subject"));
            Thread.sleep(500);
            assertFalse(erasure.isDone(), "the erasure's hold check waits while a hold is being placed");

            holding.commit();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> erasure.get(30, TimeUnit.SECONDS));
            RetentionException refused = assertInstanceOf(RetentionException.class, failed.getCause());
            assertEquals(RetentionException.Problem.LEGAL_HOLD, refused.problem(), refused.getMessage());
            assertEquals(1, app.notes.count("mentee-1"), "nothing of the person was erased");
            assertEquals(List.of(), app.retention.erasures(10), "no erasure was recorded");
        }
    }

    @DatabaseTest
    void a_hold_placed_after_the_erasure_was_recorded_waits_for_its_check(TestDatabase db) throws Exception {
        try (RetentionFixtures app = new RetentionFixtures(db);
             RetentionService other = RetentionService.create(db.dataSource(), RetentionConfig.of(app.audit)
                     .withStore(app.notes).withClock(app.clock).withoutMigration()
                     .withTransactions(Transactions.joining(BoundTransaction.caller())));
             Connection erasing = db.dataSource().getConnection()) {
            app.notes.addNote(1, "mentee-1", null, "my plan", app.clock.instant());
            erasing.setAutoCommit(false);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(erasing)) {
                assertTrue(other.eraseSubject("mentee-1", "subject").complete());
            }

            CompletableFuture<LegalHold> hold = CompletableFuture.supplyAsync(
                    () -> app.retention.placeHold("litigation", Set.of("mentee-1")));
            Thread.sleep(500);
            assertFalse(hold.isDone(), "placing a hold waits for the erasure's transaction");

            erasing.commit();
            assertEquals(Set.of("mentee-1"), hold.get(30, TimeUnit.SECONDS).subjects());
            assertEquals(0, app.notes.count("mentee-1"), "the erasure that passed its check first went through");
        }
    }
}
