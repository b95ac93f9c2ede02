package dev.hoheit.retention;

import static dev.hoheit.retention.TableStoreTest.NOW;
import static dev.hoheit.retention.TableStoreTest.createVisits;
import static dev.hoheit.retention.TableStoreTest.visit;
import static dev.hoheit.retention.TableStoreTest.visits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A purge over a table of many pages: on PostgreSQL each batch looks only at the pages after the
 * previous one, so what turns up behind it (a row moved there by an UPDATE, a due row inserted there,
 * a hold lifted) must still be caught before the purge says it is done; held rows are never deleted.
 * On H2 and MariaDB the same behaviour holds by other means.
 */
@MigrateWith(HostSchema.class)
class TableStorePagingTest {

    private static final int ROWS = 3000;
    private static final int DUE = 2000;
    private static final String PAGE = "/" + "p".repeat(150);
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(30));
    private static final Instant OLD = NOW.minus(Duration.ofDays(400));

    /** Rows 1..2000 due (every seventh held), 2001..3000 fresh; about 40 rows a page on PostgreSQL. */
    private static void fill(TestDatabase db) {
        createVisits(db);
        for (int i = 1; i <= ROWS; i++) {
            visit(db, i, i % 7 == 0 ? "held" : "person-" + i, PAGE, null, null,
                    i <= DUE ? OLD.plus(Duration.ofMinutes(i)) : NOW.minus(Duration.ofDays(1)));
        }
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            db.update("VACUUM ANALYZE visit");
            assertTrue(page(db, ROWS) > 50, "the table spans many pages");
        }
    }

    private static long page(TestDatabase db, long id) {
        return db.queryLong("SELECT (ctid::text::point)[0]::bigint FROM visit WHERE id = ?", id);
    }

    /** Purges until the store says nothing more is due; returns the rows it reported. */
    private static long purgeToTheEnd(TableStore store, Set<String> held, int limit) {
        long affected = 0;
        for (int batches = 0; batches < 1000; batches++) {
            PurgeBatch batch = store.purge("visits", CUTOFF, RetentionAction.DELETE, held, limit);
            assertTrue(batch.affected() <= limit, "a batch takes at most the limit: " + batch);
            affected += batch.affected();
            if (!batch.more()) {
                return affected;
            }
        }
        throw new AssertionError("the purge never ended");
    }

    @DatabaseTest
    void rows_that_turn_up_behind_the_batches_are_caught_and_held_rows_stay(TestDatabase db) {
        fill(db);
        TableStore store = visits(db.dataSource()).build();
        long first = 0;
        for (int i = 0; i < 3; i++) {
            PurgeBatch batch = store.purge("visits", CUTOFF, RetentionAction.DELETE, Set.of("held"), 200);
            assertTrue(batch.more() && batch.affected() > 0 && batch.affected() <= 200, batch.toString());
            first += batch.affected();
        }
        long passed = 0;
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            // The space the batches freed goes back on the free space map, so new row versions land there.
            db.update("VACUUM visit");
            passed = db.queryLong("SELECT min((ctid::text::point)[0])::bigint FROM visit WHERE created_at < ? AND owner_id <> 'held'",
                    java.time.OffsetDateTime.ofInstant(CUTOFF, java.time.ZoneOffset.UTC));
        }
        Object old = db.kind() == DatabaseKind.MARIADB ? java.time.LocalDateTime.ofInstant(OLD, java.time.ZoneOffset.UTC)
                : java.time.OffsetDateTime.ofInstant(OLD, java.time.ZoneOffset.UTC);
        long movedFrom = db.kind() == DatabaseKind.POSTGRESQL ? page(db, 2900) : 0;
        assertEquals(1, db.update("UPDATE visit SET created_at = ? WHERE id = 2900", old), "a fresh row becomes due");
        visit(db, 5000, "person-5000", PAGE, null, null, OLD);
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            assertTrue(page(db, 2900) < movedFrom && page(db, 2900) < passed,
                    "the UPDATE moved the row behind the batches: page " + page(db, 2900) + ", batches at " + passed);
            assertTrue(page(db, 5000) < passed, "the insert landed behind the batches: page " + page(db, 5000));
        }

        long rest = purgeToTheEnd(store, Set.of("held"), 200);

        long heldDue = DUE / 7;
        assertEquals(DUE - heldDue + 2, first + rest, "every due row not held, the moved and the inserted one included");
        assertEquals(0, db.queryLong("SELECT count(*) FROM visit WHERE id IN (2900, 5000)"));
        assertEquals(heldDue, db.queryLong("SELECT count(*) FROM visit WHERE owner_id = 'held' AND id <= " + DUE),
                "held rows are never deleted");
        assertEquals(ROWS - DUE - 1, db.queryLong("SELECT count(*) FROM visit WHERE id > " + DUE), "the fresh rows stay");
        assertEquals(NOW.minus(Duration.ofDays(1)), store.oldest("visits", Set.of("held")).orElseThrow());
    }

    @DatabaseTest
    void a_hold_lifted_midway_lets_the_next_batches_take_the_rows_before_them(TestDatabase db) {
        fill(db);
        TableStore store = visits(db.dataSource()).build();
        for (int i = 0; i < 5; i++) {
            assertTrue(store.purge("visits", CUTOFF, RetentionAction.DELETE, Set.of("held"), 150).more());
        }
        assertEquals(DUE / 7, db.queryLong("SELECT count(*) FROM visit WHERE owner_id = 'held' AND id <= " + DUE));

        purgeToTheEnd(store, Set.of(), 150);

        assertEquals(0, db.queryLong("SELECT count(*) FROM visit WHERE id <= " + DUE), "the formerly held rows went too");
        assertEquals(ROWS - DUE, db.queryLong("SELECT count(*) FROM visit"));
    }

    @DatabaseTest
    void a_limit_smaller_than_a_page_still_ends_with_everything_due_gone(TestDatabase db) {
        fill(db);
        TableStore store = visits(db.dataSource()).build();
        long affected = purgeToTheEnd(store, Set.of("held"), 7);
        assertEquals(DUE - DUE / 7, affected);
        assertEquals(ROWS - DUE + DUE / 7, db.queryLong("SELECT count(*) FROM visit"));
    }

    @DatabaseTest
    void a_purge_of_a_table_that_is_not_there_fails_as_storage(TestDatabase db) {
        TableStore store = visits(db.dataSource()).build();
        RetentionException e = assertThrows(RetentionException.class,
                () -> store.purge("visits", CUTOFF, RetentionAction.DELETE, Set.of(), 100));
        assertEquals(RetentionException.Problem.STORAGE, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains("purge in store visit "), e.getMessage());
    }
}
