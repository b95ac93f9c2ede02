package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.SchemaMigration;
import dev.hoheit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** The library joins a schema that already holds the host's tables, with its own history table. */
@MigrateWith(MigrationTest.HostSchema.class)
class MigrationTest {

    /** A host application's own migration that ran first. */
    public static final class HostSchema implements SchemaMigration {
        @Override
        public void migrate(DataSource dataSource) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY, version VARCHAR(50))");
                s.execute("INSERT INTO flyway_schema_history VALUES (1, '1')");
                s.execute("CREATE TABLE host_account (id VARCHAR(50) PRIMARY KEY)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @DatabaseTest
    void consent_migrates_beside_host_tables_with_its_own_history(TestDatabase db) {
        assertEquals(1, ConsentSchema.migrate(db.dataSource()), "version 1 is applied, not skipped by the baseline");
        assertEquals(0, ConsentSchema.migrate(db.dataSource()), "a second run has nothing to do");

        List<String> tables = db.tableNames();
        assertTrue(tables.containsAll(ConsentSchema.TABLES), tables.toString());
        assertTrue(tables.contains("host_account"));
        assertTrue(tables.contains(ConsentSchema.HISTORY_TABLE));
        assertEquals(1, db.queryLong("SELECT count(*) FROM flyway_schema_history"), "the host's history is untouched");
        assertEquals(1, db.queryLong("SELECT count(*) FROM " + db.quoted(ConsentSchema.HISTORY_TABLE)
                + " WHERE " + db.quoted("version") + " = '1' AND " + db.quoted("success") + " = TRUE"),
                "Flyway quotes its history table");
    }

    @DatabaseTest
    void the_service_migrates_on_create_and_works_right_away(TestDatabase db) {
        ConsentService consent = ConsentService.create(db.dataSource(), ConsentConfig.of(Fixtures.CONTROLLER));
        consent.definePurpose(Purpose.required("terms", "Terms"));
        assertEquals(1, consent.purposes().size());
        assertTrue(ConsentService.class.getModule().isNamed(), "migrations were found while running as a named module");
    }
}
