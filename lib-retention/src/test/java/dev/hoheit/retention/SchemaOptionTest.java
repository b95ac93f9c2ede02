package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditSchema;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentSchema;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.testkit.CallerConnection;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.BoundTransaction;
import dev.hoheit.transaction.MigrationScript;
import dev.hoheit.transaction.Transactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three libraries in schema {@code <test>_hoheit}, the host's tables in the connection's current
 * schema: one host transaction holds both, a run purges the host's store and records in Hoheit's
 * schema, and {@link CoverageCheck#inSchemas} checks both schemas.
 */
class SchemaOptionTest {

    /** The host application with every Hoheit library in {@code hoheit}, all joining the caller's transaction. */
    private record App(ConsentService consent, AuditLog audit, NotesStore notes, RetentionService retention) implements AutoCloseable {

        static App in(TestDatabase db, String hoheit, MutableClock clock) {
            Transactions joined = Transactions.joining(BoundTransaction.caller());
            ConsentService consent = ConsentService.create(db.dataSource(), ConsentConfig.of(RetentionFixtures.CONTROLLER)
                    .withClock(clock).withSchema(hoheit).withTransactions(joined));
            AuditLog audit = AuditLog.create(db.dataSource(), AuditConfig.of(RetentionFixtures.KEYS).withClock(clock)
                    .withSchema(hoheit).withTransactions(joined));
            NotesStore notes = new NotesStore(db.dataSource());
            RetentionService retention = RetentionService.create(db.dataSource(), RetentionConfig.of(audit).withSchema(hoheit)
                    .withTransactions(joined).withClock(clock)
                    .withStore(notes).withStore(Stores.consent(consent)).withStore(Stores.audit(audit))
                    .withPolicy(RetentionPolicy.delete("notes", RetentionFixtures.NOTES_KEPT, "notes are kept 30 days")));
            return new App(consent, audit, notes, retention);
        }

        @Override
        public void close() {
            retention.close();
            audit.close();
        }
    }

    @DatabaseTest
    void every_library_keeps_its_tables_and_history_in_the_configured_schema_and_a_run_records_there(TestDatabase db) {
        String hoheit = db.otherSchema("hoheit");
        HostSchema.createHostTables(db.dataSource());
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        try (App app = App.in(db, hoheit, clock)) {
            assertEquals(List.of("host_note", "host_picture"), db.tableNames());
            List<String> tables = tablesIn(db, hoheit);
            for (List<String> owned : List.of(ConsentSchema.TABLES, AuditSchema.TABLES, RetentionSchema.TABLES)) {
                assertTrue(tables.containsAll(owned), tables.toString());
            }
            assertTrue(tables.containsAll(List.of(ConsentSchema.HISTORY_TABLE, AuditSchema.HISTORY_TABLE,
                    RetentionSchema.HISTORY_TABLE)), tables.toString());

            app.notes.addNote(1, "mentee-1", null, "old", clock.instant());
            clock.advance(Duration.ofDays(40));
            RunReport run = app.retention.runDuePolicies();
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_note"), run.toString());
            assertEquals(1, db.queryLong("SELECT count(*) FROM " + hoheit + ".retention_run"));
            assertEquals(run.toString(), app.retention.runs(1).get(0).toString(), "the run as recorded in " + hoheit);
        }
    }

    @DatabaseTest
    void a_host_transaction_on_the_default_schema_commits_or_rolls_back_both_schemas(TestDatabase db) throws Exception {
        String hoheit = db.otherSchema("hoheit");
        HostSchema.createHostTables(db.dataSource());
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        try (App app = App.in(db, hoheit, clock)) {
            restrictWithNote(db, app, "mentee-1", false);
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_note"));
            assertEquals(0, db.queryLong("SELECT count(*) FROM " + hoheit + ".retention_restriction"));
            assertTrue(app.retention.restriction("mentee-1").isEmpty());

            restrictWithNote(db, app, "mentee-2", true);
            assertEquals(1, db.queryLong("SELECT count(*) FROM host_note WHERE owner_id = 'mentee-2'"));
            assertEquals(1, db.queryLong("SELECT count(*) FROM " + hoheit + ".retention_restriction"));
            assertEquals("disputed", app.retention.restriction("mentee-2").orElseThrow());
        }
    }

    private static void restrictWithNote(TestDatabase db, App app, String subject, boolean commit) throws Exception {
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (var insert = caller.connection().prepareStatement(
                    "INSERT INTO host_note (id, owner_id, body, created_at) VALUES (?, ?, 'why', CURRENT_TIMESTAMP)")) {
                insert.setLong(1, subject.hashCode());
                insert.setString(2, subject);
                insert.executeUpdate();
            }
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                app.retention.restrict(subject, "disputed");
            }
            if (commit) {
                real.commit();
            } else {
                real.rollback();
            }
            assertEquals(List.of(), caller.violations());
        }
    }

    @DatabaseTest
    void the_coverage_check_inspects_every_schema_it_is_given_and_names_tables_with_their_schema(TestDatabase db) {
        String hoheit = db.otherSchema("hoheit");
        HostSchema.createHostTables(db.dataSource());
        String host = db.kind() == DatabaseKind.H2 ? "public" : db.name();
        try (App app = App.in(db, hoheit, MutableClock.at("2026-01-05T09:00:00Z"))) {
            CoverageReport both = CoverageCheck.of(db.dataSource()).inSchemas(host, hoheit.toUpperCase(Locale.ROOT))
                    .check(app.retention.stores());
            both.assertComplete();
            assertTrue(both.checkedTables().containsAll(List.of(host + ".host_note", hoheit + ".consent_decision",
                    hoheit + ".audit_person_key", hoheit + ".retention_restriction")), both.checkedTables().toString());

            db.update("CREATE TABLE " + hoheit + ".host_message (id INTEGER PRIMARY KEY, sender_id VARCHAR(100))");
            CoverageReport gap = CoverageCheck.of(db.dataSource()).inSchemas(host, hoheit).check(app.retention.stores());
            assertEquals(Map.of(hoheit + ".host_message", List.of("sender_id")), gap.uncovered());
            CoverageCheck.of(db.dataSource()).inSchemas(host, hoheit).ignoring(hoheit + ".host_message")
                    .check(app.retention.stores()).assertComplete();
            assertFalse(CoverageCheck.of(db.dataSource()).inSchemas(host, hoheit).ignoring(host + ".host_message")
                    .check(app.retention.stores()).complete(), "a qualified name ignores that schema's table alone");

            CoverageReport current = CoverageCheck.of(db.dataSource()).check(app.retention.stores());
            assertEquals(List.of("host_note", "host_picture"), current.checkedTables(), "the old call: the current schema alone");

            RetentionException missing = assertThrows(RetentionException.class,
                    () -> CoverageCheck.of(db.dataSource()).inSchemas(host, "no_such_schema").check(app.retention.stores()));
            assertEquals(RetentionException.Problem.INVALID_ARGUMENT, missing.problem());
            assertTrue(missing.getMessage().contains("no_such_schema"), missing.getMessage());
        }
    }

    @DatabaseTest
    void the_retention_schema_migrates_into_the_configured_schema_once(TestDatabase db) {
        String hoheit = db.otherSchema("hoheit");
        assertEquals(2, RetentionSchema.migrate(db.dataSource(), hoheit), "the schema and the hold lock");
        assertEquals(0, RetentionSchema.migrate(db.dataSource(), hoheit), "a second run has nothing to do");
        assertEquals(List.of(), db.tableNames());
        List<String> tables = tablesIn(db, hoheit);
        assertTrue(tables.containsAll(RetentionSchema.TABLES), tables.toString());
        assertTrue(tables.contains(RetentionSchema.HISTORY_TABLE), tables.toString());
        assertEquals(2, db.queryLong("SELECT count(*) FROM " + hoheit + ".retention_lock"), "the runner's lock and the hold lock");
        RetentionException bad = assertThrows(RetentionException.class, () -> RetentionSchema.migrate(db.dataSource(), "Hoheit-1"));
        assertEquals(RetentionException.Problem.INVALID_ARGUMENT, bad.problem());
        assertTrue(bad.getMessage().contains("'Hoheit-1'"), bad.getMessage());
    }

    @DatabaseTest
    void scripts_a_host_runs_with_its_own_flyway_give_a_schema_the_service_accepts_without_migrating(TestDatabase db,
                                                                                                   @TempDir Path folder) throws Exception {
        String hoheit = db.otherSchema("hoheit");
        MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
        try (AuditLog audit = AuditLog.create(db.dataSource(), AuditConfig.of(RetentionFixtures.KEYS).withClock(clock))) {
            RetentionConfig config = RetentionConfig.of(audit).withClock(clock).withSchema(hoheit).withoutMigration();
            RetentionException empty = assertThrows(RetentionException.class, () -> RetentionService.create(db.dataSource(), config));
            assertEquals(RetentionException.Problem.SCHEMA_MISMATCH, empty.problem());
            assertTrue(empty.getMessage().contains("retention_run"), empty.getMessage());

            for (MigrationScript script : RetentionSchema.scripts(db.kind().name().toLowerCase(Locale.ROOT))) {
                Files.writeString(folder.resolve("V" + script.version() + "_2000__" + script.description().replace(' ', '_')
                        + ".sql"), script.sql());
            }
            String stored = db.kind() == DatabaseKind.H2 ? hoheit.toUpperCase(Locale.ROOT) : hoheit;
            Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + folder).schemas(stored).createSchemas(true)
                    .table("host_history").load().migrate();

            try (RetentionService retention = RetentionService.create(db.dataSource(), config)) {
                retention.restrict("mentee-1", "disputed");
                assertEquals("disputed", retention.restriction("mentee-1").orElseThrow());
            }
            assertFalse(tablesIn(db, hoheit).contains(RetentionSchema.HISTORY_TABLE), "the library did not migrate");
        }
    }

    @Test
    void every_script_in_the_jar_is_exported() throws Exception {
        for (String database : List.of("h2", "postgresql", "mariadb")) {
            List<MigrationScript> scripts = RetentionSchema.scripts(database);
            assertEquals("retention schema", scripts.get(0).description());
            try (var files = Files.list(Path.of("src/main/resources/META-INF/hoheit/retention/migration", database))) {
                assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                        scripts.stream().map(MigrationScript::fileName).sorted().toList(), database);
            }
        }
        RetentionException unknown = assertThrows(RetentionException.class, () -> RetentionSchema.scripts("oracle"));
        assertEquals(RetentionException.Problem.INVALID_ARGUMENT, unknown.problem());
        assertTrue(unknown.getMessage().contains("'oracle'"), unknown.getMessage());
    }

    /** The tables in {@code schema}, lower case, whatever case the database keeps the name in. */
    private static List<String> tablesIn(TestDatabase db, String schema) {
        return db.rows("SELECT table_name FROM information_schema.tables WHERE lower(table_schema) = ?", schema).stream()
                .map(row -> ((String) row.get("table_name")).toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
