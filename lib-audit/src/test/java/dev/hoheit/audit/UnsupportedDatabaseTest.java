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
    void mysql_is_refused_by_name_naming_mariadb_among_the_supported(TestDatabase db) {
        List<String> tables = db.tableNames();
        ForeignDatabase mysql = ForeignDatabase.posingAs(db.dataSource(), "MySQL", "8.0.36");

        AuditException created = assertThrows(AuditException.class,
                () -> AuditLog.create(mysql, AuditConfig.of(AuditFixtures.KEYS)));
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE, created.problem());
        assertTrue(created.getMessage().contains("not MySQL 8.0.36") && created.getMessage().contains("MariaDB 10.11"),
                created.getMessage());
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE,
                assertThrows(AuditException.class, () -> AuditSchema.migrate(mysql)).problem());
        assertEquals(List.of(), mysql.statements(), "not one statement was tried");
        assertEquals(tables, db.tableNames(), "the schema is as it was");
    }

    @DatabaseTest
    void a_mariadb_older_than_10_11_is_refused(TestDatabase db) {
        ForeignDatabase old = ForeignDatabase.posingAs(db.dataSource(), "MariaDB", "10.6.18-MariaDB");

        AuditException created = assertThrows(AuditException.class,
                () -> AuditLog.create(old, AuditConfig.of(AuditFixtures.KEYS)));
        assertEquals(AuditException.Problem.UNSUPPORTED_DATABASE, created.problem());
        assertTrue(created.getMessage().contains("not MariaDB 10.6.18"), created.getMessage());
        assertEquals(List.of(), old.statements(), "not one statement was tried");
    }
}
