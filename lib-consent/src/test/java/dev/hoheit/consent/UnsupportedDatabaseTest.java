package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ForeignDatabase;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.internal.Platform;
import java.util.List;
import org.flywaydb.core.Flyway;

/** On a database it does not support, the library says so before it runs a single statement. */
class UnsupportedDatabaseTest {

    @DatabaseTest
    void another_database_is_refused_by_name_before_anything_touches_the_schema(TestDatabase db) {
        List<String> tables = db.tableNames();
        ForeignDatabase oracle = ForeignDatabase.posingAs(db.dataSource(), "Oracle", "23.4.0");

        ConsentException created = assertThrows(ConsentException.class,
                () -> ConsentService.create(oracle, ConsentConfig.of(Fixtures.CONTROLLER)));
        assertEquals(ConsentException.Problem.UNSUPPORTED_DATABASE, created.problem());
        assertTrue(created.getMessage().contains("Oracle 23.4.0") && created.getMessage().contains("H2")
                && created.getMessage().contains("PostgreSQL"), created.getMessage());
        ConsentException migrated = assertThrows(ConsentException.class, () -> ConsentSchema.migrate(oracle));
        assertEquals(ConsentException.Problem.UNSUPPORTED_DATABASE, migrated.problem(), "hosts that migrate themselves are told too");
        assertThrows(ConsentException.class, () -> ConsentService.create(oracle,
                ConsentConfig.of(Fixtures.CONTROLLER).withoutMigration()), "and so are those that skip the migration");

        assertEquals(List.of(), oracle.statements(), "not one statement was tried");
        assertEquals(tables, db.tableNames(), "the schema is as it was: no table, no failed history row");
    }

    @DatabaseTest
    void a_postgresql_older_than_the_tested_one_is_refused_with_the_minimum_named(TestDatabase db) {
        ForeignDatabase old = ForeignDatabase.posingAs(db.dataSource(), "PostgreSQL", "12.4");
        ConsentException e = assertThrows(ConsentException.class, () -> ConsentService.create(old, ConsentConfig.of(Fixtures.CONTROLLER)));
        assertEquals(ConsentException.Problem.UNSUPPORTED_DATABASE, e.problem());
        assertTrue(e.getMessage().contains("PostgreSQL 15 or newer") && e.getMessage().contains("not PostgreSQL 12.4"), e.getMessage());
        assertEquals(List.of(), old.statements());
        ForeignDatabase oldH2 = ForeignDatabase.posingAs(db.dataSource(), "H2", "1.4.200 (2019-10-14)");
        assertEquals(ConsentException.Problem.UNSUPPORTED_DATABASE,
                assertThrows(ConsentException.class, () -> ConsentSchema.migrate(oldH2)).problem());
    }

    @org.junit.jupiter.api.Test
    void the_flyway_on_the_path_is_found_and_new_enough() {
        String flyway = Platform.flywayVersion(Flyway.class);
        assertTrue(flyway.matches("\\d+\\.\\d+\\.\\d+.*"), "read from flyway-core's own jar: " + flyway);
        assertTrue(Platform.atLeast(flyway, Platform.MIN_FLYWAY), flyway);
    }
}
