package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

@MigrateWith(DatabaseExtensionTest.CreateNotes.class)
class DatabaseExtensionTest {

    private static final Set<String> SEEN = new HashSet<>();

    /** A host-style migration: one table. */
    public static final class CreateNotes implements SchemaMigration {
        @Override
        public void migrate(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(100) NOT NULL)");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @DatabaseTest
    void each_run_gets_a_fresh_migrated_database(TestDatabase db) {
        assertEquals(0, db.queryLong("SELECT count(*) FROM note"));
        assertEquals(1, db.update("INSERT INTO note (id, body) VALUES (?, ?)", 1, "hello"));
        assertEquals(1, db.queryLong("SELECT count(*) FROM note"));
        assertTrue(db.tableNames().contains("note"), db.tableNames().toString());
    }

    @DatabaseTest
    void the_table_helpers_quote_for_each_database(TestDatabase db) {
        db.update("INSERT INTO note (id, body) VALUES (?, ?)", 7, "quoted");
        assertEquals("quoted", db.rowsOfTable("note").get(0).get("body"));
    }

    @DatabaseTest
    void databases_are_isolated_from_each_other(TestDatabase db) {
        synchronized (SEEN) {
            assertTrue(SEEN.add(db.name()), "database name reused: " + db.name());
        }
        db.update("INSERT INTO note (id, body) VALUES (?, ?)", 1, "only mine");
        assertEquals(1, db.queryLong("SELECT count(*) FROM note"));
    }

    @DatabaseTest
    void postgresql_runs_in_its_own_schema(TestDatabase db) {
        if (db.kind() == DatabaseKind.POSTGRESQL) {
            assertEquals(db.name(), db.rows("SELECT current_schema() AS s").get(0).get("s"));
        } else if (db.kind() == DatabaseKind.MARIADB) {
            assertEquals(db.name(), db.rows("SELECT database() AS s").get(0).get("s"));
        } else {
            assertNotEquals("", db.name());
            assertEquals(1, db.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = 'NOTE'"));
        }
    }
}
