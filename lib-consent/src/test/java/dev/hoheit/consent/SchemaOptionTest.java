package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.CallerConnection;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.MigrationScript;
import dev.hoheit.transaction.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consent tables in a schema of their own: created there with their history table, every
 * statement naming it, so a host transaction on another current schema still holds the service's
 * writes; and the migration scripts exported for a host that runs them itself.
 */
class SchemaOptionTest {

    private static ConsentConfig config() {
        return ConsentConfig.of(Fixtures.CONTROLLER).withClock(Fixtures.clock());
    }

    @DatabaseTest
    void the_tables_and_the_history_table_are_created_in_the_configured_schema(TestDatabase db) {
        String hoheit = db.otherSchema("hoheit");
        ConsentService consent = ConsentService.create(db.dataSource(), config().withSchema(hoheit));
        Fixtures.defineStandardPurposes(consent);

        assertEquals(List.of(), db.tableNames(), "nothing in the connection's current schema");
        List<String> tables = tablesIn(db, hoheit);
        assertTrue(tables.containsAll(ConsentSchema.TABLES), tables.toString());
        assertTrue(tables.contains(ConsentSchema.HISTORY_TABLE), tables.toString());
        assertEquals(4, db.queryLong("SELECT count(*) FROM " + hoheit + ".consent_purpose"));
        assertEquals(0, ConsentSchema.migrate(db.dataSource(), hoheit), "a second start finds it current");
    }

    @DatabaseTest
    void a_host_transaction_on_the_default_schema_commits_or_rolls_back_both_schemas(TestDatabase db) throws Exception {
        String hoheit = db.otherSchema("hoheit");
        db.update("CREATE TABLE host_account (id VARCHAR(40) PRIMARY KEY)");
        Fixtures.defineStandardPurposes(ConsentService.create(db.dataSource(), config().withSchema(hoheit)));
        ConsentService consent = ConsentService.create(db.dataSource(),
                config().withSchema(hoheit).withoutMigration().withTransactions(Transactions.joining(BoundTransaction.caller())));

        register(db, consent, "mentee-1", false);
        assertEquals(0, db.queryLong("SELECT count(*) FROM host_account"));
        assertEquals(0, db.queryLong("SELECT count(*) FROM " + hoheit + ".consent_decision"));

        register(db, consent, "mentee-2", true);
        assertEquals(1, db.queryLong("SELECT count(*) FROM host_account WHERE id = 'mentee-2'"));
        assertEquals(1, db.queryLong("SELECT count(*) FROM " + hoheit + ".consent_decision"));
        assertTrue(consent.isGranted("mentee-2", "terms-mentee", Fixtures.clock().instant()));
    }

    /** One host transaction on a connection whose current schema is the host's: an account and a consent. */
    private static void register(TestDatabase db, ConsentService consent, String subject, boolean commit) throws Exception {
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (PreparedStatement insert = caller.connection().prepareStatement("INSERT INTO host_account (id) VALUES (?)")) {
                insert.setString(1, subject);
                insert.executeUpdate();
            }
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                consent.record(Fixtures.grant(subject, "terms-mentee", 1));
            }
            if (commit) {
                real.commit();
            } else {
                real.rollback();
            }
            assertEquals(List.of(), caller.violations());
        }
    }

    @Test
    void an_invalid_schema_name_is_refused_naming_it() {
        for (String bad : List.of("", "Hoheit", "1st", "hoheit;drop", "hoheit.x", "a".repeat(64))) {
            ConsentException refused = assertThrows(ConsentException.class, () -> config().withSchema(bad));
            assertEquals(ConsentException.Problem.INVALID_ARGUMENT, refused.problem());
            assertTrue(refused.getMessage().contains("'" + bad + "'"), refused.getMessage());
        }
        assertEquals("hoheit_2", config().withSchema("hoheit_2").schema());
        assertEquals(null, config().withSchema("hoheit").withSchema(null).schema());
    }

    @Test
    void the_exported_scripts_are_the_ones_the_library_runs_in_order_with_their_versions() {
        for (String database : List.of("h2", "postgresql", "mariadb")) {
            List<MigrationScript> scripts = ConsentSchema.scripts(database);
            assertEquals(List.of("1"), scripts.stream().map(MigrationScript::version).toList());
            assertEquals("consent schema", scripts.get(0).description());
            assertEquals("V1__consent_schema.sql", scripts.get(0).fileName());
            assertTrue(scripts.get(0).sql().contains("CREATE TABLE consent_grant_event"), database);
        }
        ConsentException unknown = assertThrows(ConsentException.class, () -> ConsentSchema.scripts("oracle"));
        assertEquals(ConsentException.Problem.INVALID_ARGUMENT, unknown.problem());
        assertTrue(unknown.getMessage().contains("'oracle'"), unknown.getMessage());
    }

    @Test
    void every_script_in_the_jar_is_exported() throws Exception {
        for (String database : List.of("h2", "postgresql", "mariadb")) {
            try (var files = Files.list(Path.of("src/main/resources/META-INF/hoheit/consent/migration", database))) {
                assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                        ConsentSchema.scripts(database).stream().map(MigrationScript::fileName).sorted().toList(), database);
            }
        }
    }

    @DatabaseTest
    void scripts_a_host_runs_with_its_own_flyway_give_a_schema_the_service_accepts_without_migrating(TestDatabase db,
                                                                                                   @TempDir Path folder) throws Exception {
        String hoheit = db.otherSchema("hoheit");
        for (MigrationScript script : ConsentSchema.scripts(folderOf(db.kind()))) {
            // The host slots the library's scripts among its own versions, with its own history table.
            Files.writeString(folder.resolve("V" + script.version() + "_1000__hoheit_" + script.description().replace(' ', '_')
                    + ".sql"), script.sql());
        }
        String stored = db.kind() == DatabaseKind.H2 ? hoheit.toUpperCase(Locale.ROOT) : hoheit;
        Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + folder).schemas(stored).createSchemas(true)
                .table("host_history").load().migrate();

        ConsentService consent = ConsentService.create(db.dataSource(), config().withSchema(hoheit).withoutMigration());
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
        assertTrue(consent.isGranted("mentee-1", "terms-mentee", Fixtures.clock().instant()));
        List<String> tables = tablesIn(db, hoheit);
        assertFalse(tables.contains(ConsentSchema.HISTORY_TABLE), "the library did not migrate: " + tables);
        assertTrue(tables.contains("host_history"), tables.toString());
    }

    @DatabaseTest
    void without_migration_a_schema_that_is_not_current_is_refused_naming_what_is_missing(TestDatabase db) {
        String hoheit = db.otherSchema("hoheit");
        ConsentException empty = assertThrows(ConsentException.class,
                () -> ConsentService.create(db.dataSource(), config().withSchema(hoheit).withoutMigration()));
        assertEquals(ConsentException.Problem.SCHEMA_MISMATCH, empty.problem());
        assertTrue(empty.getMessage().contains("consent_purpose"), empty.getMessage());

        ConsentSchema.migrate(db.dataSource(), hoheit);
        db.update("DROP TABLE " + hoheit + ".consent_grant_event");
        ConsentException partial = assertThrows(ConsentException.class,
                () -> ConsentService.create(db.dataSource(), config().withSchema(hoheit).withoutMigration()));
        assertEquals(ConsentException.Problem.SCHEMA_MISMATCH, partial.problem());
        assertTrue(partial.getMessage().contains("consent_grant_event"), partial.getMessage());
        assertFalse(partial.getMessage().contains("consent_purpose"), partial.getMessage());
    }

    private static String folderOf(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> "h2";
            case POSTGRESQL -> "postgresql";
            case MARIADB -> "mariadb";
        };
    }

    /** The tables in {@code schema}, lower case, whatever case the database keeps the name in. */
    static List<String> tablesIn(TestDatabase db, String schema) {
        return db.rows("SELECT table_name FROM information_schema.tables WHERE lower(table_schema) = ?", schema).stream()
                .map(row -> ((String) row.get("table_name")).toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
