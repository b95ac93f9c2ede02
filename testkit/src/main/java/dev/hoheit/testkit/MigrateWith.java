package dev.hoheit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema migrations a {@link DatabaseTest} class needs, applied in the given order to every
 * fresh database before the test runs.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface MigrateWith {

    /** Migrations to apply; each needs a public no-argument constructor. */
    Class<? extends SchemaMigration>[] value();
}
