package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The skipped runs are reported as skipped by JUnit; here only the runs that remain can be seen. */
@SkipDatabase(value = DatabaseKind.MARIADB, reason = "this class shows a skipped database")
class SkipDatabaseTest {

    @DatabaseTest
    void a_class_level_skip_leaves_that_database_out(TestDatabase db) {
        assertNotEquals(DatabaseKind.MARIADB, db.kind());
    }

    @DatabaseTest
    @SkipDatabase(value = DatabaseKind.H2, reason = "this method shows a skipped database")
    void a_method_level_skip_leaves_that_database_out(TestDatabase db) {
        assertNotEquals(DatabaseKind.H2, db.kind());
    }
}
