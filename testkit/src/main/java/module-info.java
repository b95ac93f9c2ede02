/**
 * Shared JUnit 5 fixtures for the Hoheit modules (unpublished).
 *
 * <p>{@link dev.hoheit.testkit.DatabaseTest} runs a test once per database (H2 always, PostgreSQL
 * and MariaDB when available) on a fresh, isolated and migrated {@code DataSource};
 * {@link dev.hoheit.testkit.ArchitectureRules} holds the rules every module's architecture test applies.
 *
 * <p>Testcontainers is used only when a Docker engine is present; it has no module name, so it is
 * reached reflectively from the unnamed module instead of being required here.
 */
module dev.hoheit.testkit {
    requires transitive java.sql;
    requires transitive org.junit.jupiter.api;
    requires transitive com.tngtech.archunit;
    requires com.zaxxer.hikari;
    requires org.slf4j;

    exports dev.hoheit.testkit;
    // JUnit instantiates the extension and the test classes reflectively.
    opens dev.hoheit.testkit to org.junit.platform.commons;
}
