package dev.hoheit.retention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;

/** The retention schema migrates on every database from its own folder, once. */
class RetentionMigratorTest {

    @DatabaseTest
    void the_schema_migrates_once_with_its_own_history(TestDatabase db) {
        assertEquals(1, RetentionMigrator.migrate(db.dataSource()));
        assertEquals(0, RetentionMigrator.migrate(db.dataSource()), "a second run has nothing to do");
        List<String> tables = db.tableNames();
        assertTrue(tables.containsAll(List.of("retention_run", "retention_step", "retention_erasure", "retention_hold",
                "retention_lock", RetentionMigrator.HISTORY_TABLE)), tables.toString());
        assertEquals(1, db.queryLong("SELECT count(*) FROM retention_lock"));
    }
}
