package dev.hoheit.transaction.internal;

/**
 * The kinds of failure the shared plumbing reports. Every library's {@code Problem} enum has a
 * constant of the same name for each, so a {@link Library} maps them by name.
 */
public enum Failure {
    /** An argument is missing or malformed. */
    INVALID_ARGUMENT,
    /** The database failed. */
    STORAGE,
    /** The database is not one the libraries support. */
    UNSUPPORTED_DATABASE,
    /** The jOOQ or Flyway on the path is too old. */
    INCOMPATIBLE_DEPENDENCY,
    /** The schema is not at the version the library needs and migration is off. */
    SCHEMA_MISMATCH
}
