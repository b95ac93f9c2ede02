package dev.hoheit.testkit;

import javax.sql.DataSource;

/** Brings a fresh database to the schema a test needs (usually by calling a library's own migration). */
@FunctionalInterface
public interface SchemaMigration {

    /** Migrates the database behind {@code dataSource}. */
    void migrate(DataSource dataSource);
}
