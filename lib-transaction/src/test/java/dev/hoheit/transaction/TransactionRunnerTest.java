package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.CallerConnection;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.internal.TransactionRunner;
import java.sql.Connection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

@MigrateWith(NotesTable.class)
class TransactionRunnerTest {

    private static TransactionRunner runner(TestDatabase db, Transactions transactions) {
        SQLDialect dialect = dialect(db);
        return new TransactionRunner(db.dataSource(), transactions, c -> DSL.using(c, dialect),
                DSL.using(db.dataSource(), dialect));
    }

    private static SQLDialect dialect(TestDatabase db) {
        return switch (db.kind()) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        };
    }

    private static int insert(DSLContext ctx, int id, String text) {
        return ctx.execute("INSERT INTO note (id, text) VALUES (?, ?)", id, text);
    }

    @DatabaseTest
    void an_own_write_commits_both_statements_or_neither(TestDatabase db) {
        TransactionRunner own = runner(db, Transactions.own());
        own.write(ctx -> insert(ctx, 1, "a") + insert(ctx, 2, "b"));
        assertThrows(DataAccessException.class, () -> own.write(ctx -> insert(ctx, 3, "c") + insert(ctx, 1, "duplicate")));
        assertEquals(List.of(1, 2), ids(db));
    }

    @DatabaseTest
    void a_joined_write_rolls_back_with_the_caller_and_never_manages_its_connection(TestDatabase db) throws Exception {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                joined.write(ctx -> insert(ctx, 1, "library"));
                // The caller's own read on the same connection sees it; a pooled connection does not yet.
                assertEquals(1, (int) joined.read(ctx -> ctx.fetchCount(DSL.table("note"))));
                assertEquals(List.of(), ids(db));
            }
            real.rollback();
            assertEquals(List.of(), caller.violations());
        }
        assertEquals(List.of(), ids(db));
    }

    @DatabaseTest
    void a_joined_write_commits_with_the_caller(TestDatabase db) throws Exception {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            insert(DSL.using(real), 10, "host row");
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                joined.write(ctx -> insert(ctx, 11, "library"));
            }
            real.commit();
            assertEquals(List.of(), caller.violations());
        }
        assertEquals(List.of(10, 11), ids(db));
    }

    @DatabaseTest
    void a_failed_joined_write_undoes_only_its_own_statements(TestDatabase db) throws Exception {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            insert(DSL.using(real), 1, "host row");
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                assertThrows(DataAccessException.class, () -> joined.write(ctx -> insert(ctx, 2, "half") + insert(ctx, 1, "duplicate")));
                joined.write(ctx -> insert(ctx, 3, "after"));
            }
            real.commit();
            assertEquals(List.of(), caller.violations());
        }
        // The host row and the later write survive; the failed write left nothing (no row 2).
        assertEquals(List.of(1, 3), ids(db));
    }

    @DatabaseTest
    void without_a_caller_transaction_joining_runs_its_own_and_mandatory_refuses(TestDatabase db) {
        runner(db, Transactions.joining(BoundTransaction.caller())).write(ctx -> insert(ctx, 1, "own"));
        TransactionRunner mandatory = runner(db, Transactions.mandatory(BoundTransaction.caller()));
        TransactionBindingException refused = assertThrows(TransactionBindingException.class,
                () -> mandatory.write(ctx -> insert(ctx, 2, "refused")));
        assertTrue(refused.getMessage().contains("has none open"), refused.getMessage());
        assertEquals(List.of(1), ids(db));
    }

    @DatabaseTest
    void a_caller_connection_in_auto_commit_mode_is_refused(TestDatabase db) throws Exception {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection();
             BoundTransaction.Binding bound = BoundTransaction.bind(real)) {
            real.setAutoCommit(true);
            TransactionBindingException refused = assertThrows(TransactionBindingException.class,
                    () -> joined.write(ctx -> insert(ctx, 1, "x")));
            assertTrue(refused.getMessage().contains("auto-commit"), refused.getMessage());
        }
        assertEquals(List.of(), ids(db));
    }

    @DatabaseTest
    void a_jooq_transaction_can_be_joined(TestDatabase db) {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        DSLContext host = DSL.using(db.dataSource(), dialect(db));
        assertThrows(IllegalStateException.class, () -> host.transaction(tx -> {
            insert(tx.dsl(), 1, "host");
            try (BoundTransaction.Binding bound = dev.hoheit.transaction.jooq.JooqTransaction.bind(tx)) {
                joined.write(ctx -> insert(ctx, 2, "library"));
                assertFalse(ids(db).contains(2), "not visible before the host commits");
            }
            throw new IllegalStateException("the host fails after the library's write");
        }));
        assertEquals(List.of(), ids(db));
        host.transaction(tx -> {
            try (BoundTransaction.Binding bound = dev.hoheit.transaction.jooq.JooqTransaction.bind(tx)) {
                joined.write(ctx -> insert(ctx, 2, "library"));
            }
        });
        assertEquals(List.of(2), ids(db));
    }

    @DatabaseTest
    void a_suspended_binding_writes_in_its_own_transaction_that_outlives_the_callers_rollback(TestDatabase db) throws Exception {
        TransactionRunner joined = runner(db, Transactions.joining(BoundTransaction.caller()));
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                joined.write(ctx -> insert(ctx, 1, "rolled back with the caller"));
                try (BoundTransaction.Binding suspended = BoundTransaction.suspend()) {
                    assertFalse(joined.joined());
                    joined.write(ctx -> insert(ctx, 2, "kept"));
                }
                assertTrue(joined.joined(), "the caller's transaction is back");
            }
            real.rollback();
            assertEquals(List.of(), caller.violations());
        }
        assertEquals(List.of(2), ids(db));
    }

    private static List<Integer> ids(TestDatabase db) {
        return db.rows("SELECT id FROM note ORDER BY id").stream()
                .map(row -> ((Number) row.values().iterator().next()).intValue()).toList();
    }
}
