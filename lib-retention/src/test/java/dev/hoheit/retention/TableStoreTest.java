package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** A plain table declared in three lines: export, erasure, purge and the auditor's check, generated. */
@MigrateWith(HostSchema.class)
class TableStoreTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** What an export wrote: the records and the files. */
    private static final class Collected implements ExportSink {
        final List<Map<String, ?>> records = new ArrayList<>();
        final Map<String, byte[]> files = new LinkedHashMap<>();

        @Override
        public void record(Map<String, ?> fields) {
            records.add(fields);
        }

        @Override
        public void file(String name, String mediaType, InputStream content) {
            try {
                files.put(name + " " + mediaType, content.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void document(String name, Consumer<OutputStream> writer) {
            throw new AssertionError("a TableStore writes records and files, not documents");
        }
    }

    static void createVisits(TestDatabase db) {
        String binary = db.kind() == DatabaseKind.POSTGRESQL ? "BYTEA" : db.kind() == DatabaseKind.MARIADB ? "BLOB" : "VARBINARY(1000)";
        String instant = db.kind() == DatabaseKind.MARIADB ? "DATETIME(6)" : "TIMESTAMP WITH TIME ZONE";
        db.update("CREATE TABLE visit (id BIGINT PRIMARY KEY, owner_id VARCHAR(100) NOT NULL, page VARCHAR(200) NOT NULL,"
                + " ip_address VARCHAR(50), snapshot " + binary + ", created_at " + instant + " NOT NULL)");
        db.update("CREATE INDEX visit_created ON visit (created_at)");
    }

    static void visit(TestDatabase db, long id, String owner, String page, String ip, byte[] snapshot, Instant at) {
        // MariaDB's DATETIME holds UTC, as the store reads it.
        Object time = db.kind() == DatabaseKind.MARIADB ? java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC)
                : java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
        db.update("INSERT INTO visit (id, owner_id, page, ip_address, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, owner, page, ip, snapshot, time);
    }

    static TableStore.Builder visits(DataSource dataSource) {
        return TableStore.table(dataSource, "visit")
                .subject("owner_id").time("created_at").category("visits", "pages the person visited")
                .fields("id", "page", "ip_address", "created_at");
    }

    @DatabaseTest
    void the_readme_example_declares_a_working_store(TestDatabase db) {
        createVisits(db);
        visit(db, 1, "mentee-42", "/plans", "192.0.2.1", null, NOW.minus(Duration.ofDays(9)));
        DataSource dataSource = db.dataSource();
        // README example start
        PersonalDataStore visits = TableStore.table(dataSource, "visit")
                .subject("owner_id").time("created_at").category("visits", "pages the person visited")
                .fields("id", "page", "ip_address", "created_at").anonymising("ip_address").build();
        // README example end
        assertEquals(1, visits.count("mentee-42"));
        assertEquals(1, visits.purge("visits", NOW.minus(Duration.ofDays(7)), RetentionAction.ANONYMISE, Set.of(), 10).affected());
        Collected export = new Collected();
        visits.export("mentee-42", export);
        assertEquals(null, export.records.get(0).get("ip_address"), "anonymised: the address is gone, the visit stays");
    }

    @org.junit.jupiter.api.Test
    void the_readme_shows_exactly_this_example() throws Exception {
        dev.hoheit.testkit.ReadmeBlocks.assertReadmeContainsExample(java.nio.file.Path.of("src/test/java/dev/hoheit/retention/TableStoreTest.java"));
    }

    @DatabaseTest
    void count_export_and_erasure_cover_exactly_the_persons_rows(TestDatabase db) {
        createVisits(db);
        visit(db, 1, "rita", "/plans", "192.0.2.1", new byte[] {1, 2, 3}, NOW.minus(Duration.ofDays(2)));
        visit(db, 2, "rita", "/me", null, null, NOW.minus(Duration.ofDays(1)));
        visit(db, 3, "malte", "/mentees", "192.0.2.9", null, NOW);
        TableStore store = visits(db.dataSource()).binary("snapshot", "image/png").build();

        assertEquals("visit", store.descriptor().name());
        assertEquals(List.of("visit"), store.descriptor().tables());
        assertEquals(2, store.count("rita"));
        Collected export = new Collected();
        assertEquals(2, store.export("rita", export), "the export writes what count counted");
        assertEquals(2, export.records.size());
        assertEquals("/plans", export.records.get(0).get("page"), "oldest first");
        assertEquals(NOW.minus(Duration.ofDays(2)), toInstant(export.records.get(0).get("created_at")));
        assertEquals("files/visit/1.png", export.records.get(0).get("snapshot"));
        assertEquals(List.of("1.png image/png"), List.copyOf(export.files.keySet()));
        assertEquals(3, export.files.values().iterator().next().length);
        assertFalse(export.records.toString().contains("malte"), "never another person's row");

        assertEquals(2, store.erase("rita"));
        assertEquals(0, store.count("rita"));
        assertEquals(0, store.erase("rita"), "erasing twice is harmless");
        assertEquals(1, db.queryLong("SELECT count(*) FROM visit"), "malte's row stays");
    }

    @DatabaseTest
    void a_purge_deletes_due_rows_in_batches_oldest_first_and_leaves_held_people_alone(TestDatabase db) {
        createVisits(db);
        for (int i = 1; i <= 10; i++) {
            visit(db, i, i % 5 == 0 ? "held" : "person-" + i, "/page", null, null, NOW.minus(Duration.ofDays(40 + i)));
        }
        visit(db, 100, "person-1", "/fresh", null, null, NOW.minus(Duration.ofDays(3)));
        TableStore store = visits(db.dataSource()).build();
        Instant cutoff = NOW.minus(Duration.ofDays(30));

        assertEquals(new PurgeBatch(3, true), store.purge("visits", cutoff, RetentionAction.DELETE, Set.of("held"), 3));
        if (db.kind() == DatabaseKind.MARIADB) {
            assertEquals(0, db.queryLong("SELECT count(*) FROM visit WHERE id IN (9, 8, 7)"),
                    "DELETE ... ORDER BY time LIMIT n takes the oldest due rows first");
        }
        assertEquals(new PurgeBatch(3, true), store.purge("visits", cutoff, RetentionAction.DELETE, Set.of("held"), 3));
        assertEquals(new PurgeBatch(2, false), store.purge("visits", cutoff, RetentionAction.DELETE, Set.of("held"), 3));
        assertEquals(0, store.purge("visits", cutoff, RetentionAction.DELETE, Set.of("held"), 3).affected());
        assertEquals(3, db.queryLong("SELECT count(*) FROM visit"));
        assertEquals(2, db.queryLong("SELECT count(*) FROM visit WHERE owner_id = 'held'"));
        assertEquals(NOW.minus(Duration.ofDays(3)), store.oldest("visits", Set.of("held")).orElseThrow());
    }

    @DatabaseTest
    void a_retention_run_deletes_what_is_due_in_batches_and_leaves_held_people_alone(TestDatabase db) {
        createVisits(db);
        for (int i = 1; i <= 25; i++) {
            visit(db, i, i % 5 == 0 ? "held" : "person-" + i, "/page", "192.0.2." + i, null, NOW.minus(Duration.ofDays(40 + i)));
        }
        visit(db, 100, "person-1", "/fresh", null, null, NOW.minus(Duration.ofDays(3)));
        MutableClock clock = MutableClock.at(NOW.toString());
        TableStore store = visits(db.dataSource()).build();
        try (AuditLog audit = AuditLog.create(db.dataSource(), AuditConfig.of(RetentionFixtures.KEYS).withClock(clock).withoutMigration());
             RetentionService retention = RetentionService.create(db.dataSource(), RetentionConfig.of(audit).withClock(clock)
                     .withStore(store).withPolicy(RetentionPolicy.delete("visits", Duration.ofDays(30), "visits are kept 30 days"))
                     .withBatchSize(4))) {
            retention.placeHold("a court asked for them", Set.of("held"));
            RunReport run = retention.runDuePolicies();
            StepReport step = run.steps().stream().filter(s -> s.category().equals("visits")).findFirst().orElseThrow();
            assertEquals(20, step.affected(), "25 due, 5 of them held: " + run);
            assertEquals(6, db.queryLong("SELECT count(*) FROM visit"));
            assertEquals(5, db.queryLong("SELECT count(*) FROM visit WHERE owner_id = 'held'"));
            assertEquals(1, db.queryLong("SELECT count(*) FROM visit WHERE id = 100"), "the fresh row stays");
            assertEquals(NOW.minus(Duration.ofDays(3)), store.oldest("visits", Set.of("held")).orElseThrow(),
                    "the auditor's check: nothing older than the policy but the held rows");
            assertTrue(store.oldest("visits", Set.of()).orElseThrow().isBefore(NOW.minus(Duration.ofDays(30))),
                    "counting the held rows, the oldest is older");
        }
    }

    @DatabaseTest
    void anonymising_clears_the_given_columns_and_keeps_the_rows(TestDatabase db) {
        createVisits(db);
        for (int i = 1; i <= 7; i++) {
            visit(db, i, "person-" + i, "/page", "192.0.2." + i, null, NOW.minus(Duration.ofDays(8 + i)));
        }
        visit(db, 8, "person-8", "/page", "192.0.2.8", null, NOW.minus(Duration.ofDays(1)));
        TableStore store = visits(db.dataSource()).anonymising("ip_address").build();
        Instant cutoff = NOW.minus(Duration.ofDays(7));

        PurgeBatch first = store.purge("visits", cutoff, RetentionAction.ANONYMISE, Set.of(), 5);
        assertEquals(new PurgeBatch(5, true), first);
        PurgeBatch second = store.purge("visits", cutoff, RetentionAction.ANONYMISE, Set.of(), 5);
        assertEquals(2, second.affected(), "anonymised rows are not picked again");
        assertFalse(second.more());
        assertEquals(0, store.purge("visits", cutoff, RetentionAction.ANONYMISE, Set.of(), 5).affected());
        assertEquals(8, db.queryLong("SELECT count(*) FROM visit"), "the rows stay");
        assertEquals(1, db.queryLong("SELECT count(*) FROM visit WHERE ip_address IS NOT NULL"));
        assertEquals(NOW.minus(Duration.ofDays(1)), store.oldest("visits", Set.of()).orElseThrow(),
                "the oldest row not yet anonymised");
    }

    @DatabaseTest
    void an_action_the_store_cannot_do_fails_loudly_and_changes_nothing(TestDatabase db) {
        createVisits(db);
        visit(db, 1, "rita", "/plans", "192.0.2.1", null, NOW.minus(Duration.ofDays(400)));
        TableStore store = visits(db.dataSource()).build();
        RetentionException shred = assertThrows(RetentionException.class,
                () -> store.purge("visits", NOW, RetentionAction.SHRED, Set.of(), 10));
        assertEquals(RetentionException.Problem.INVALID_CONFIGURATION, shred.problem());
        RetentionException anonymise = assertThrows(RetentionException.class,
                () -> store.purge("visits", NOW, RetentionAction.ANONYMISE, Set.of(), 10));
        assertTrue(anonymise.getMessage().contains("anonymising("), anonymise.getMessage());
        assertEquals(PurgeBatch.none(), store.purge("other-category", NOW, RetentionAction.DELETE, Set.of(), 10),
                "a category the store does not hold has nothing due");
        assertEquals(1, db.queryLong("SELECT count(*) FROM visit WHERE ip_address IS NOT NULL"));
    }

    @DatabaseTest
    void a_declaration_with_a_hole_or_an_injected_name_is_refused(TestDatabase db) {
        DataSource dataSource = db.dataSource();
        for (Runnable bad : List.<Runnable>of(
                () -> TableStore.table(dataSource, "visit; DROP TABLE visit").subject("owner_id"),
                () -> TableStore.table(dataSource, "visit").subject("owner_id OR 1=1"),
                () -> TableStore.table(dataSource, "visit").time("created_at").category("visits", "v").fields("id").build(),
                () -> TableStore.table(dataSource, "visit").category("Visits!", "v"),
                () -> TableStore.table(dataSource, "visit").binary("snapshot", "png"))) {
            RetentionException e = assertThrows(RetentionException.class, bad::run);
            assertEquals(RetentionException.Problem.INVALID_ARGUMENT, e.problem(), e.getMessage());
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
