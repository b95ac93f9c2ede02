package dev.hoheit.transaction.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.SQLDialect;

/**
 * What the three libraries need around them, checked before anything touches the schema: a
 * supported database, and jOOQ and Flyway versions they run on. A host on an older jOOQ (a Spring Boot
 * of an earlier line, say) learns it at start, naming the versions, not at the first call with a
 * {@code NoSuchMethodError}.
 */
public final class Platform {

    /** The oldest jOOQ line the libraries' generated code runs on (the line Spring Boot 3.5 and 4.0 manage). */
    public static final String MIN_JOOQ = "3.19";
    /** The oldest Flyway line whose API and PostgreSQL support the libraries' migrations use. */
    public static final String MIN_FLYWAY = "11.0";
    /** The oldest PostgreSQL the libraries are tested on and accept. */
    public static final int MIN_POSTGRESQL = 15;
    /** The oldest H2 the libraries accept (the 1.4 line has another SQL grammar and file format). */
    public static final int MIN_H2 = 2;
    /** The oldest MariaDB the libraries are tested on and accept (major, minor). */
    public static final int[] MIN_MARIADB = {10, 11};
    /**
     * The databases the libraries support, for messages. MySQL is refused: its SQL is close to
     * MariaDB's, but the libraries are not tested on it.
     */
    public static final String SUPPORTED_DATABASES = "H2 " + MIN_H2 + ".x, PostgreSQL " + MIN_POSTGRESQL + " or newer and MariaDB "
            + MIN_MARIADB[0] + "." + MIN_MARIADB[1] + " or newer";

    private Platform() {
    }

    /** A supported database: the folder of its migrations and its jOOQ dialect. */
    public enum Database {
        H2("h2", SQLDialect.H2),
        POSTGRESQL("postgresql", SQLDialect.POSTGRES),
        MARIADB("mariadb", SQLDialect.MARIADB);

        private final String folder;
        private final SQLDialect dialect;

        Database(String folder, SQLDialect dialect) {
            this.folder = folder;
            this.dialect = dialect;
        }

        /** The name of the folder that holds this database's migrations. */
        public String folder() {
            return folder;
        }

        public SQLDialect dialect() {
            return dialect;
        }
    }

    /**
     * The database behind {@code dataSource}, read from the JDBC metadata alone (no statement is run).
     *
     * @param library the library's name for messages, such as {@code "Hoheit consent"}
     * @param unsupported makes the library's exception for a database it does not support
     * @param unreachable makes the library's exception when no connection can be had
     */
    public static Database database(DataSource dataSource, String library, Function<String, RuntimeException> unsupported,
                                    Function<SQLException, RuntimeException> unreachable) {
        String product;
        String version;
        int major;
        int minor;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
            version = connection.getMetaData().getDatabaseProductVersion();
            major = connection.getMetaData().getDatabaseMajorVersion();
            minor = connection.getMetaData().getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw unreachable.apply(e);
        }
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres") && major >= MIN_POSTGRESQL) {
            return Database.POSTGRESQL;
        }
        if (name.equals("h2") && major >= MIN_H2) {
            return Database.H2;
        }
        if (name.equals("mariadb") && (major > MIN_MARIADB[0] || major == MIN_MARIADB[0] && minor >= MIN_MARIADB[1])) {
            return Database.MARIADB;
        }
        throw unsupported.apply(library + " supports " + SUPPORTED_DATABASES + ", not " + product + " " + version
                + "; nothing was written to the database");
    }

    /**
     * Fails with the library's exception when the jOOQ or Flyway on the path is older than the
     * libraries need. {@code flyway} is any class of flyway-core (the library passes one it uses).
     */
    public static void requireVersions(String library, Class<?> flyway, Function<String, RuntimeException> incompatible) {
        requireVersions(library, jooqVersion(), flywayVersion(flyway), incompatible);
    }

    /** {@link #requireVersions(String, Class, Function)} for the versions given. */
    public static void requireVersions(String library, String jooq, String flywayVersion,
                                       Function<String, RuntimeException> incompatible) {
        boolean jooqOk = atLeast(jooq, MIN_JOOQ);
        boolean flywayOk = atLeast(flywayVersion, MIN_FLYWAY);
        if (!jooqOk || !flywayOk) {
            throw incompatible.apply(library + " needs jOOQ " + MIN_JOOQ + " or newer and Flyway " + MIN_FLYWAY
                    + " or newer, but found jOOQ " + jooq + " and Flyway " + flywayVersion
                    + " (a dependency management, such as Spring Boot's, may have chosen them; set jooq.version or"
                    + " flyway.version)");
        }
    }

    /** The version of the jOOQ on the path, read at run time (the compile-time constant would be ours). */
    public static String jooqVersion() {
        try {
            return String.valueOf(org.jooq.Constants.class.getField("VERSION").get(null));
        } catch (ReflectiveOperationException e) {
            return "unknown";
        }
    }

    /** The version of the flyway-core that holds {@code anchor}, or {@code "unknown"}. */
    public static String flywayVersion(Class<?> anchor) {
        try (InputStream in = anchor.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                if (properties.getProperty("version") != null) {
                    return properties.getProperty("version").strip();
                }
            }
        } catch (IOException e) {
            // the manifest below
        }
        Package pkg = anchor.getPackage();
        String implementation = pkg == null ? null : pkg.getImplementationVersion();
        return implementation == null ? "unknown" : implementation;
    }

    /**
     * Whether {@code version} ({@code 3.19.27}, {@code 11.7.2}, {@code 13.0.0-beta}) is at least
     * {@code minimum} ({@code major.minor}); an unknown version passes, since a repackaged jar may
     * carry none and refusing it would be worse than trying.
     */
    public static boolean atLeast(String version, String minimum) {
        int[] found = majorMinor(version);
        int[] needed = majorMinor(minimum);
        if (found == null) {
            return true;
        }
        return found[0] != needed[0] ? found[0] > needed[0] : found[1] >= needed[1];
    }

    private static int[] majorMinor(String version) {
        if (version == null) {
            return null;
        }
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.strip());
        if (!matcher.find()) {
            return null;
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }
}
