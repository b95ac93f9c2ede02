package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ForeignDatabase;
import dev.hoheit.testkit.TestDatabase;
import java.util.List;

/** On a database it does not support, the log says so before it runs a single statement. */
class UnsupportedDatabaseTest {

    @DatabaseTest
    void another_database_is_refused_by_name_before_anything_touches_the_schema(TestDatabase db) {
        List<String> tables = db.tableNames();
        ForeignDatabase sqlServer = ForeignDatabase.posingAs(db.dataSource(), "Microsoft SQL Server", "16.00.4135");

        AuditException created = assertThrows(AuditException.class,
                () -> AuditLog.create(sqlServer, AuditConfig.of(AuditFixtures.KEYS)));
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE, created.problem());
        assertTrue(created.getMessage().contains("Microsoft SQL Server 16.00.4135") && created.getMessage().contains("PostgreSQL"),
                created.getMessage());
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE,
                assertThrows(AuditException.class, () -> AuditSchema.migrate(sqlServer)).problem());
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE, assertThrows(AuditException.class,
                () -> AuditLog.create(sqlServer, AuditConfig.of(AuditFixtures.KEYS).withoutMigration())).problem());

        assertEquals(List.of(), sqlServer.statements(), "not one statement was tried");
        assertEquals(tables, db.tableNames(), "the schema is as it was");
    }

    @DatabaseTest
    void mariadb_is_refused_by_the_audit_log_until_it_is_ported(TestDatabase db) {
        List<String> tables = db.tableNames();
        ForeignDatabase mariadb = ForeignDatabase.posingAs(db.dataSource(), "MariaDB", "10.11.19-MariaDB");

        AuditException created = assertThrows(AuditException.class,
                () -> AuditLog.create(mariadb, AuditConfig.of(AuditFixtures.KEYS)));
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE, created.problem());
        assertTrue(created.getMessage().contains("not MariaDB"), created.getMessage());
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE,
                assertThrows(AuditException.class, () -> AuditSchema.migrate(mariadb)).problem());
        assertEquals(List.of(), mariadb.statements(), "not one statement was tried");
        assertEquals(tables, db.tableNames(), "the schema is as it was");
    }
}
