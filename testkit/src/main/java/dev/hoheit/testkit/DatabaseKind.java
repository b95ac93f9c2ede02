package dev.hoheit.testkit;

import java.util.Locale;

/** The databases every Hoheit integration test runs on. */
public enum DatabaseKind {
    /** H2 in memory: always available, the embedded default. */
    H2("H2"),
    /** PostgreSQL: the production target. */
    POSTGRESQL("PostgreSQL"),
    /** MariaDB: the other production target. */
    MARIADB("MariaDB");

    private final String displayName;

    DatabaseKind(String displayName) {
        this.displayName = displayName;
    }

    /** The name shown in test reports. */
    public String displayName() {
        return displayName;
    }

    /**
     * The system property that, set to a reason, skips this database's runs in a whole JVM (a module's
     * tests): {@code hoheit.test.skip.mariadb}, say.
     */
    public String skipProperty() {
        return "hoheit.test.skip." + name().toLowerCase(Locale.ROOT);
    }
}
