package dev.hoheit.testkit;

/** The databases every Hoheit integration test runs on. */
public enum DatabaseKind {
    /** H2 in memory: always available, the embedded default. */
    H2("H2"),
    /** PostgreSQL: the production target. */
    POSTGRESQL("PostgreSQL");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in test reports. */
    public String displayName() {
        return displayName;
    }
}
