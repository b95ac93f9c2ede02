package dev.hoheit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per database: H2 always, PostgreSQL and MariaDB when available.
 *
 * <p>Each run receives a {@link TestDatabase} parameter: a fresh in-memory H2 database, a fresh
 * PostgreSQL schema or a fresh MariaDB database, migrated with the {@link MigrateWith} migrations of
 * the test class. PostgreSQL comes from {@code HOHEIT_TEST_PG_URL} when set, MariaDB from
 * {@code HOHEIT_TEST_MARIADB_URL}, else each from Testcontainers when a Docker engine answers;
 * otherwise that run is reported as skipped, with the reason. {@link SkipDatabase} (or the property
 * {@link DatabaseKind#skipProperty()}) leaves a database out, reported as skipped with its reason.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
}
