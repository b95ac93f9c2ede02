/**
 * Test fixtures for every Hoheit module (not published): {@link dev.hoheit.testkit.DatabaseTest}
 * runs a test on H2, PostgreSQL and MariaDB (each from an environment URL, else Testcontainers, else
 * skipped with the reason), {@link dev.hoheit.testkit.MutableClock}, the shared
 * {@link dev.hoheit.testkit.ArchitectureRules} and the checked README snippets
 * ({@link dev.hoheit.testkit.ReadmeBlocks}).
 */
package dev.hoheit.testkit;
