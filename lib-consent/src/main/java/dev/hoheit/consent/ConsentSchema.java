package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import dev.hoheit.consent.internal.ConsentLibrary;
import dev.hoheit.transaction.MigrationScript;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.MigrationScripts;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database schema of the consent library: its own Flyway migrations with their own history
 * table, so it coexists with other Hoheit libraries and the host's migrations in one schema.
 *
 * <p>{@link ConsentService#create} migrates by default; call {@link #migrate} yourself when the
 * service is created with {@link ConsentConfig#withoutMigration()}, or run the scripts of
 * {@link #scripts} in your own migration tool. A service created without migration checks that the
 * schema is current and fails with {@link ConsentException.Problem#SCHEMA_MISMATCH} if not.
 *
 * @since 0.1
 */
public final class ConsentSchema {

    /** Where the migration scripts live (not a package, so readable on the module path). */
    public static final String LOCATION = "classpath:META-INF/hoheit/consent/migration";

    /** The Flyway history table of this library. */
    public static final String HISTORY_TABLE = "hoheit_consent_history";

    /** The tables this library owns. */
    public static final List<String> TABLES = List.of(
            "consent_purpose", "consent_notice", "consent_subject", "consent_decision",
            "consent_grant", "consent_grant_scope", "consent_grant_event");

    /** The migration scripts in the order they run; the same file names for every database. */
    static final List<String> SCRIPTS = List.of("V1__consent_schema.sql");

    private ConsentSchema() {
    }

    /**
     * Brings the schema behind {@code dataSource} (its current schema) up to date.
     *
     * @return the number of migrations applied now (0 when already current)
     * @throws ConsentException ({@link ConsentException.Problem#STORAGE}) if a migration fails
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Brings {@code schema} up to date, creating it if missing, with the history table in it too
     * (what {@link ConsentService#create} does for {@link ConsentConfig#withSchema}); null for the
     * current schema of {@code dataSource}.
     *
     * @return the number of migrations applied now (0 when already current)
     * @throws ConsentException ({@link ConsentException.Problem#INVALID_ARGUMENT}) for an invalid
     *         schema name; ({@link ConsentException.Problem#STORAGE}) if a migration fails
     * @since 0.2
     */
    public static int migrate(DataSource dataSource, String schema) {
        return ConsentLibrary.migrate(CHECKS.required("dataSource", dataSource),
                LibrarySchema.checked(schema, CHECKS::invalid));
    }

    /**
     * The migration scripts for {@code database} ({@code "h2"}, {@code "postgresql"} or
     * {@code "mariadb"}), in the order they must run, for a host that runs migrations in its own
     * tool; create the service with {@link ConsentConfig#withoutMigration()} then. The scripts name no
     * schema: run them with the consent schema as the current one.
     *
     * @throws ConsentException ({@link ConsentException.Problem#INVALID_ARGUMENT}) for another database name
     * @since 0.2
     */
    public static List<MigrationScript> scripts(String database) {
        return MigrationScripts.read(ConsentSchema.class, LOCATION, database, SCRIPTS, CHECKS::invalid);
    }
}
