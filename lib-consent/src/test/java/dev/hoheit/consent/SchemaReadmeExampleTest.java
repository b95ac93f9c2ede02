package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ReadmeBlocks;
import dev.hoheit.testkit.SkipDatabase;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.MigrationScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example of a host that runs the consent migrations in its own Flyway, verbatim between the markers. */
class SchemaReadmeExampleTest {

    @DatabaseTest
    @SkipDatabase(value = DatabaseKind.H2, reason = "H2 folds the libraries' unquoted names to upper case while Flyway quotes"
            + " the schema it is given: on H2 a host passes Flyway the name in upper case (the README says so)")
    void the_readme_example_works(TestDatabase db, @TempDir Path migrations) throws Exception {
        DataSource dataSource = db.dataSource();
        String database = db.kind().name().toLowerCase(Locale.ROOT);   // "postgresql" or "mariadb"
        String schema = db.otherSchema("hoheit");
        Controller controller = Fixtures.CONTROLLER;
        // README example start
        // Once, at build time: copy the scripts into the host's own migrations.
        for (MigrationScript script : ConsentSchema.scripts(database)) {
            Files.writeString(migrations.resolve("V" + script.version() + "_1000__" + script.fileName().split("__")[1]),
                    script.sql());
        }
        // The host's Flyway (or Liquibase) runs them with the consent schema as its current schema.
        Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).schemas(schema).load().migrate();

        // At run time: the service checks the schema (SCHEMA_MISMATCH if behind) instead of migrating it.
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(controller)
                .withSchema(schema).withoutMigration());
        // README example end
        consent.definePurpose(Purpose.required("terms", "Terms"));
        assertEquals(1, db.queryLong("SELECT count(*) FROM " + schema + ".consent_purpose"));
        assertTrue(Files.exists(migrations.resolve("V1_1000__consent_schema.sql")));
    }

    @Test
    void the_readme_shows_exactly_this_example() throws Exception {
        ReadmeBlocks.assertReadmeContainsExample(Path.of("src/test/java/dev/hoheit/consent/SchemaReadmeExampleTest.java"));
    }
}
