package dev.hoheit.transaction;

/**
 * One of a Hoheit library's migration scripts, for a host that runs migrations in its own tool
 * (Flyway, Liquibase, a DBA's scripts) instead of letting the library migrate: {@code
 * ConsentSchema.scripts}, {@code AuditSchema.scripts} and {@code RetentionSchema.scripts} return them
 * in the order they must run. The scripts name no schema: run them with the library's schema as the
 * current one.
 *
 * @param version the Flyway version, such as {@code "1"}
 * @param description the Flyway description, such as {@code "consent schema"}
 * @param fileName the script's file name, such as {@code V1__consent_schema.sql}, which a Flyway
 *                 host can keep as it is (prefix it, say {@code V1_1000__}, to slot it among its own
 *                 versions)
 * @param sql the script, as the library runs it
 * @since 0.2
 */
public record MigrationScript(String version, String description, String fileName, String sql) {
}
