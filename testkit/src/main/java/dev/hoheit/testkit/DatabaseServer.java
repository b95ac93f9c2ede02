package dev.hoheit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the tests of a database server kind (PostgreSQL, MariaDB) get their server: the JDBC URL in
 * {@code HOHEIT_TEST_<PG|MARIADB>_URL} when set (with optional {@code _USER} and {@code _PASSWORD}),
 * else a Testcontainers container when a Docker engine answers, else none, with the reason.
 *
 * <p>Resolved once per kind and JVM. A URL that is set but does not answer is an error, not a skip:
 * the person who set it expects that database to be tested. The login must be allowed to create and
 * drop a schema (PostgreSQL) or a database (MariaDB): each test gets one of its own.
 */
sealed interface DatabaseServer {

    /** A server that answered. */
    record Available(String jdbcUrl, String user, String password, String origin) implements DatabaseServer {

        private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        /** Runs one administrative statement (creating or dropping a test's schema or database). */
        void admin(String sql) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("admin statement on " + origin + " failed: " + sql, e);
            }
        }

        /** The server's URL with {@code database} in place of the one it names. */
        String urlFor(String database) {
            Matcher matcher = URL.matcher(jdbcUrl);
            if (!matcher.matches()) {
                throw new IllegalStateException(origin + " is not a jdbc:<driver>://host:port/database URL");
            }
            return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
        }
    }

    /** No server: the runs on this kind are skipped for this reason. */
    record Unavailable(String reason) implements DatabaseServer {
    }

    /** The server of {@code kind} (PostgreSQL or MariaDB) for this JVM, resolved on first use. */
    static DatabaseServer of(DatabaseKind kind) {
        return Resolution.SERVERS.computeIfAbsent(kind, Resolution::resolve);
    }

    /** What differs between the kinds: the variables' prefix and the Testcontainers module. */
    record Spec(String variablePrefix, String containerClass, String image, boolean asRoot) {

        static Spec of(DatabaseKind kind) {
            return switch (kind) {
                case POSTGRESQL -> new Spec("HOHEIT_TEST_PG", "org.testcontainers.postgresql.PostgreSQLContainer",
                        "postgres:17-alpine", false);
                // Root may create a database per test; the container's default user may not.
                case MARIADB -> new Spec("HOHEIT_TEST_MARIADB", "org.testcontainers.mariadb.MariaDBContainer", "mariadb:10.11", true);
                case H2 -> throw new IllegalArgumentException("H2 runs in memory, without a server");
            };
        }

        String urlVariable() {
            return variablePrefix + "_URL";
        }
    }

    /** The resolution, once per kind. */
    final class Resolution {
        private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);
        private static final Map<DatabaseKind, DatabaseServer> SERVERS = new ConcurrentHashMap<>();

        private Resolution() {
        }

        private static DatabaseServer resolve(DatabaseKind kind) {
            Spec spec = Spec.of(kind);
            String product = kind.displayName();
            String url = System.getenv(spec.urlVariable());
            if (url != null && !url.isBlank()) {
                Available server = new Available(url.strip(), System.getenv(spec.variablePrefix() + "_USER"),
                        System.getenv(spec.variablePrefix() + "_PASSWORD"), spec.urlVariable());
                try (Connection connection = server.connect()) {
                    LOG.info("{} {} answers", product, connection.getMetaData().getDatabaseProductVersion());
                    LOG.info("{} tests use the server from {}", product, spec.urlVariable());
                    return server;
                } catch (SQLException e) {
                    throw new IllegalStateException(spec.urlVariable() + " is set but " + product + " does not answer: "
                            + e.getMessage(), e);
                }
            }
            if (!dockerMayBePresent()) {
                return new Unavailable(spec.urlVariable() + " is not set and no Docker engine is present"
                        + " (no DOCKER_HOST, no /var/run/docker.sock)");
            }
            return container(spec, product);
        }

        private static boolean dockerMayBePresent() {
            String dockerHost = System.getenv("DOCKER_HOST");
            return (dockerHost != null && !dockerHost.isBlank())
                    || Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        }

        /** Testcontainers, reached reflectively: it has no module name, and it is optional at run time. */
        private static DatabaseServer container(Spec spec, String product) {
            try {
                Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
                Object instance = factory.getMethod("instance").invoke(null);
                if (!(Boolean) factory.getMethod("isDockerAvailable").invoke(instance)) {
                    return new Unavailable(spec.urlVariable() + " is not set and Testcontainers found no working Docker engine");
                }
                Class<?> type = Class.forName(spec.containerClass());
                Object container = type.getConstructor(String.class).newInstance(spec.image());
                if (spec.asRoot()) {
                    type.getMethod("withUsername", String.class).invoke(container, "root");
                }
                type.getMethod("start").invoke(container);
                String url = (String) type.getMethod("getJdbcUrl").invoke(container);
                String user = (String) type.getMethod("getUsername").invoke(container);
                String password = (String) type.getMethod("getPassword").invoke(container);
                return new Available(url, user, password, "Testcontainers " + spec.image());
            } catch (ClassNotFoundException e) {
                return new Unavailable(spec.urlVariable() + " is not set and Testcontainers is not on the test path");
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Unavailable(spec.urlVariable() + " is not set and Testcontainers could not start " + product + ": " + e);
            }
        }
    }
}
