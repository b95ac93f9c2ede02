package dev.hoheit.consent;

import dev.hoheit.consent.internal.Checks;
import dev.hoheit.consent.internal.SchemaMigrator;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database schema of the consent library: its own Flyway migrations with their own history
 * table, so it coexists with other Hoheit libraries and the host's migrations in one schema.
 *
 * <p>{@link ConsentService#create} migrates by default; call {@link #migrate} yourself when the
 * service is created with {@link ConsentConfig#withoutMigration()}.
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

    private ConsentSchema() {
    }

    /**
     * Brings the schema behind {@code dataSource} (its current schema) up to date.
     *
     * @return the number of migrations applied now (0 when already current)
     * @throws ConsentException ({@link ConsentException.Problem#STORAGE}) if a migration fails
     */
    public static int migrate(DataSource dataSource) {
        return SchemaMigrator.migrate(Checks.required("dataSource", dataSource), LOCATION, HISTORY_TABLE);
    }
}
