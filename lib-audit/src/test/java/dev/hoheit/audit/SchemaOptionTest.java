package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log in a schema of its own: tables, history table and (on PostgreSQL) monthly partitions
 * there, the plain SQL of COPY, purges and partitions naming it, a host transaction on another current
 * schema holding the log's appends; and the migration scripts exported for a host that runs them.
 */
class SchemaOptionTest {

    @DatabaseTest
    void the_log_lives_in_its_schema_and_appends_integrates_purges_and_verifies_there(TestDatabase db) {
        String hoheit = db.otherSchema("audit");
        MutableClock clock = MutableClock.at("2025-01-10T10:00:00Z");
        try (AuditLog log = AuditLog.create(db.dataSource(), AuditConfig.of(AuditFixtures.KEYS).withClock(clock).withSchema(hoheit))) {
            for (int month = 0; month < 14; month++) {
                for (int i = 0; i < 3; i++) {
                    log.appendIntegrated(AuditFixtures.mentorViewsPlan("m" + month + "-" + i));
                }
                clock.advance(Duration.ofDays(30));
            }
            assertEquals(List.of(), db.tableNames(), "nothing in the connection's current schema");
            List<String> tables = tablesIn(db, hoheit);
            assertTrue(tables.containsAll(AuditSchema.TABLES), tables.toString());
            assertTrue(tables.contains(AuditSchema.HISTORY_TABLE), tables.toString());
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertTrue(tables.contains("audit_entry_p202501"), "partitions in the log's schema: " + tables);
            }
            assertEquals(42, db.queryLong("SELECT count(*) FROM " + hoheit + ".audit_entry"));

            Instant cutoff = clock.instant().atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
            PurgeResult purged = log.purgeBefore(cutoff);
            assertTrue(purged.eventsDeleted() > 0, purged.toString());
            if (db.kind() == DatabaseKind.POSTGRESQL) {
                assertTrue(purged.partitionsDropped() >= 1, purged.toString());
                assertFalse(tablesIn(db, hoheit).contains("audit_entry_p202501"));
            }
            assertEquals(42 - purged.eventsDeleted() + 1, db.queryLong("SELECT count(*) FROM " + hoheit + ".audit_entry"));
            VerificationReport report = log.verify();
            assertTrue(report.ok(), report.toText());
        }
    }

    @DatabaseTest
    void a_host_transaction_on_the_default_schema_commits_or_rolls_back_both_schemas(TestDatabase db) throws Exception {
        String hoheit = db.otherSchema("audit");
        db.update("CREATE TABLE host_plan (id VARCHAR(40) PRIMARY KEY)");
        AuditSchema.migrate(db.dataSource(), hoheit);
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSchema(hoheit)
                .withTransactions(Transactions.joining(BoundTransaction.caller()));
        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            write(db, log, "rolled-back", false);
            assertEquals(0, db.queryLong("SELECT count(*) FROM host_plan"));
            assertEquals(0, db.queryLong("SELECT count(*) FROM " + hoheit + ".audit_outbox"));

            Appended appended = write(db, log, "committed", true);
            log.awaitIntegrated(appended, Duration.ofSeconds(10));
            assertEquals(1, db.queryLong("SELECT count(*) FROM host_plan WHERE id = 'committed'"));
            assertEquals(1, db.queryLong("SELECT count(*) FROM " + hoheit + ".audit_entry"));
            assertEquals("committed", log.bySubject(AuditFixtures.MENTEE.id(), AuditQuery.newest(10)).entries().get(0)
                    .resourceId().orElseThrow());
        }
    }

    private static Appended write(TestDatabase db, AuditLog log, String plan, boolean commit) throws Exception {
        try (Connection real = db.dataSource().getConnection()) {
            CallerConnection caller = CallerConnection.begin(real);
            try (PreparedStatement insert = caller.connection().prepareStatement("INSERT INTO host_plan (id) VALUES (?)")) {
                insert.setString(1, plan);
                insert.executeUpdate();
            }
            Appended appended;
            try (BoundTransaction.Binding bound = BoundTransaction.bind(caller.connection())) {
                appended = log.append(AuditFixtures.mentorViewsPlan(plan));
            }
            if (commit) {
                real.commit();
            } else {
                real.rollback();
            }
            assertEquals(List.of(), caller.violations());
            return appended;
        }
    }

    @DatabaseTest
    void two_logs_in_two_schemas_of_one_database_each_integrate_their_own(TestDatabase db) {
        // On PostgreSQL the integrator's advisory lock is keyed by the log's schema: keyed by the
        // connection's current schema (the same for both), one log would never integrate.
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock());
        String first = db.otherSchema("one");
        String second = db.otherSchema("two");
        AuditSchema.migrate(db.dataSource(), first);
        AuditSchema.migrate(db.dataSource(), second);
        try (AuditLog one = AuditLog.create(db.dataSource(), config.withSchema(first));
             AuditLog two = AuditLog.create(db.dataSource(), config.withSchema(second))) {
            assertEquals(1, one.appendIntegrated(AuditFixtures.mentorViewsPlan("one")).seq());
            assertEquals(1, two.appendIntegrated(AuditFixtures.mentorViewsPlan("two")).seq());
            assertEquals(1, two.appendIntegrated(AuditFixtures.menteeUpdatesPlan("two")).seq() - 1);
        }
        assertEquals(1, db.queryLong("SELECT count(*) FROM " + first + ".audit_entry"));
        assertEquals(2, db.queryLong("SELECT count(*) FROM " + second + ".audit_entry"));
    }

    @Test
    void an_invalid_schema_name_is_refused_naming_it() {
        AuditException refused = assertThrows(AuditException.class, () -> AuditConfig.of(AuditFixtures.KEYS).withSchema("Audit Log"));
        assertEquals(AuditException.Problem.INVALID_ARGUMENT, refused.problem());
        assertTrue(refused.getMessage().contains("'Audit Log'"), refused.getMessage());
    }

    @Test
    void every_script_in_the_jar_is_exported_in_order() throws Exception {
        for (String database : List.of("h2", "postgresql", "mariadb")) {
            List<MigrationScript> scripts = AuditSchema.scripts(database);
            assertEquals(List.of("1", "2", "3", "4"), scripts.stream().map(MigrationScript::version).toList());
            assertEquals("outbox", scripts.get(3).description());
            try (var files = Files.list(Path.of("src/main/resources/META-INF/hoheit/audit/migration", database))) {
                assertEquals(files.map(f -> f.getFileName().toString()).sorted().toList(),
                        scripts.stream().map(MigrationScript::fileName).sorted().toList(), database);
            }
        }
        assertEquals(AuditException.Problem.INVALID_ARGUMENT, assertThrows(AuditException.class, () -> AuditSchema.scripts("db2")).problem());
    }

    @DatabaseTest
    void scripts_a_host_runs_with_its_own_flyway_give_a_schema_the_log_accepts_without_migrating(TestDatabase db,
                                                                                               @TempDir Path folder) throws Exception {
        String hoheit = db.otherSchema("audit");
        AuditConfig config = AuditFixtures.config(AuditFixtures.clock()).withSchema(hoheit);
        AuditException empty = assertThrows(AuditException.class, () -> AuditLog.create(db.dataSource(), config));
        assertEquals(AuditException.Problem.SCHEMA_MISMATCH, empty.problem());
        assertTrue(empty.getMessage().contains("audit_outbox"), empty.getMessage());

        for (MigrationScript script : AuditSchema.scripts(db.kind().name().toLowerCase(Locale.ROOT))) {
            Files.writeString(folder.resolve("V" + script.version() + "_1000__audit_" + script.description().replace(' ', '_')
                    + ".sql"), script.sql());
        }
        String stored = db.kind() == DatabaseKind.H2 ? hoheit.toUpperCase(Locale.ROOT) : hoheit;
        Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + folder).schemas(stored).createSchemas(true)
                .table("host_history").load().migrate();

        try (AuditLog log = AuditLog.create(db.dataSource(), config)) {
            log.appendIntegrated(AuditFixtures.mentorViewsPlan("p1"));
            assertTrue(log.verify().ok());
        }
        assertFalse(tablesIn(db, hoheit).contains(AuditSchema.HISTORY_TABLE), "the library did not migrate");
    }

    /** The tables in {@code schema}, lower case, whatever case the database keeps the name in. */
    private static List<String> tablesIn(TestDatabase db, String schema) {
        return db.rows("SELECT table_name FROM information_schema.tables WHERE lower(table_schema) = ?", schema).stream()
                .map(row -> ((String) row.get("table_name")).toLowerCase(Locale.ROOT)).sorted().toList();
    }
}
