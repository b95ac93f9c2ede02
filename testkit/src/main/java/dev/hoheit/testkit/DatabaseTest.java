package dev.hoheit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test once per database: H2 always, PostgreSQL when one is available.
 *
 * <p>Each run receives a {@link TestDatabase} parameter: a fresh in-memory H2 database, or a fresh
 * PostgreSQL schema, migrated with the {@link MigrateWith} migrations of the test class. PostgreSQL
 * comes from {@code HOHEIT_TEST_PG_URL} when set, else from Testcontainers when a Docker engine
 * answers; otherwise the PostgreSQL run is reported as skipped, with the reason.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {
}
