package dev.hoheit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PostgreSQL tests get their server: {@code HOHEIT_TEST_PG_URL} when set, else a
 * Testcontainers container when a Docker engine answers, else none (with the reason).
 *
 * <p>Resolved once per JVM. A URL that is set but does not answer is an error, not a skip: the
 * person who set it expects PostgreSQL to be tested.
 */
sealed interface PostgresServer {

    /** The environment variable naming a JDBC URL of a PostgreSQL database the tests may use. */
    String URL_VARIABLE = "HOHEIT_TEST_PG_URL";

    /** A server that answered. */
    record Available(String jdbcUrl, String user, String password, String origin) implements PostgresServer {

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
    }

    /** No server: the PostgreSQL runs are skipped for this reason. */
    record Unavailable(String reason) implements PostgresServer {
    }

    /** The server for this JVM. */
    static PostgresServer get() {
        return Holder.SERVER;
    }

    /** Lazy, thread-safe, once per JVM. */
    final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
        static final PostgresServer SERVER = resolve();

        private Holder() {
        }

        private static PostgresServer resolve() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                Available server = new Available(url.strip(), System.getenv("HOHEIT_TEST_PG_USER"),
                        System.getenv("HOHEIT_TEST_PG_PASSWORD"), URL_VARIABLE);
                try (Connection connection = server.connect()) {
                    LOG.info("PostgreSQL {} answers", connection.getMetaData().getDatabaseProductVersion());
                    LOG.info("PostgreSQL tests use the database from {}", URL_VARIABLE);
                    return server;
                } catch (SQLException e) {
                    throw new IllegalStateException(URL_VARIABLE + " is set but PostgreSQL does not answer: "
                            + e.getMessage(), e);
                }
            }
            if (!dockerMayBePresent()) {
                return new Unavailable(URL_VARIABLE + " is not set and no Docker engine is present"
                        + " (no DOCKER_HOST, no /var/run/docker.sock)");
            }
            return Testcontainers.start();
        }

        private static boolean dockerMayBePresent() {
            String dockerHost = System.getenv("DOCKER_HOST");
            return (dockerHost != null && !dockerHost.isBlank())
                    || Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        }
    }

    /**
     * Testcontainers, reached reflectively: it has no module name, and it is optional at run time.
     */
    final class Testcontainers {
        private static final String IMAGE = "postgres:17-alpine";

        private Testcontainers() {
        }

        static PostgresServer start() {
            try {
                Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
                Object instance = factory.getMethod("instance").invoke(null);
                if (!(Boolean) factory.getMethod("isDockerAvailable").invoke(instance)) {
                    return new Unavailable(URL_VARIABLE + " is not set and Testcontainers found no working Docker engine");
                }
                Class<?> type = Class.forName("org.testcontainers.postgresql.PostgreSQLContainer");
                Object container = type.getConstructor(String.class).newInstance(IMAGE);
                type.getMethod("start").invoke(container);
                String url = (String) type.getMethod("getJdbcUrl").invoke(container);
                String user = (String) type.getMethod("getUsername").invoke(container);
                String password = (String) type.getMethod("getPassword").invoke(container);
                return new Available(url, user, password, "Testcontainers " + IMAGE);
            } catch (ClassNotFoundException e) {
                return new Unavailable(URL_VARIABLE + " is not set and Testcontainers is not on the test path");
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Unavailable(URL_VARIABLE + " is not set and Testcontainers could not start PostgreSQL: " + e);
            }
        }
    }
}
