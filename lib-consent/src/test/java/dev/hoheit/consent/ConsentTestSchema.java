package dev.hoheit.consent;

import dev.hoheit.testkit.SchemaMigration;
import javax.sql.DataSource;

/** Migrates a fresh test database with the library's own migrations. */
public final class ConsentTestSchema implements SchemaMigration {

    @Override
    public void migrate(DataSource dataSource) {
        ConsentSchema.migrate(dataSource);
    }
}
