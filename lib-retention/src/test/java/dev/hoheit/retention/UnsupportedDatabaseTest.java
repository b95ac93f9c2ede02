package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ForeignDatabase;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;

/** On a database it does not support, retention says so before it runs a single statement. */
class UnsupportedDatabaseTest {

    @DatabaseTest
    void another_database_is_refused_by_name_before_anything_touches_the_schema(TestDatabase db) {
        try (AuditLog audit = AuditLog.create(db.dataSource(), AuditConfig.of(AuditKeys.generate()))) {
            List<String> tables = db.tableNames();
            ForeignDatabase sqlite = ForeignDatabase.posingAs(db.dataSource(), "SQLite", "3.46.0");

            RetentionException created = assertThrows(RetentionException.class,
                    () -> RetentionService.create(sqlite, RetentionConfig.of(audit)));
            assertEquals(RetentionException.Problem.UNSUPPORTED_DATABASE, created.problem());
            assertTrue(created.getMessage().contains("SQLite 3.46.0") && created.getMessage().contains("H2"), created.getMessage());

            assertEquals(List.of(), sqlite.statements(), "not one statement was tried");
            assertEquals(tables, db.tableNames(), "the schema is as it was");
        }
    }
}
