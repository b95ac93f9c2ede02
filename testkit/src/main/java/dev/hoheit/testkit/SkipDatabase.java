package dev.hoheit.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves out the runs of {@link DatabaseTest}s on the given databases, for a class (and its
 * subclasses) or a single method: each such run is reported as skipped, with {@link #reason()}.
 *
 * <p>For a whole module, set the system property {@code hoheit.test.skip.<kind>} (such as
 * {@code hoheit.test.skip.mariadb}) to the reason instead, in the module's Surefire configuration.
 */
@Documented
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SkipDatabase {

    /** The databases whose runs are skipped. */
    DatabaseKind[] value();

    /** Why, shown in the test report. */
    String reason();
}
