package dev.hoheit.retention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.retention.RetentionSchema;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;

/** The retention schema migrates on every database from its own folder, once. */
class RetentionLibraryTest {

    @DatabaseTest
    void the_schema_migrates_once_with_its_own_history(TestDatabase db) {
        assertEquals(2, RetentionLibrary.migrate(db.dataSource(), null), "the schema and the hold lock");
        assertEquals(0, RetentionLibrary.migrate(db.dataSource(), null), "a second run has nothing to do");
        List<String> tables = db.tableNames();
        assertTrue(tables.containsAll(List.of("retention_run", "retention_step", "retention_erasure", "retention_hold",
                "retention_lock", RetentionSchema.HISTORY_TABLE)), tables.toString());
        assertEquals(2, db.queryLong("SELECT count(*) FROM retention_lock"), "the runner's lock and the hold lock");
    }
}
