package dev.hoheit.audit.verifier;

import dev.hoheit.audit.AuditSchema;
import dev.hoheit.testkit.SchemaMigration;
import javax.sql.DataSource;

/** Migrates a fresh test database with the audit library's migrations. */
public final class VerifierTestSchema implements SchemaMigration {

    @Override
    public void migrate(DataSource dataSource) {
        AuditSchema.migrate(dataSource);
    }
}
