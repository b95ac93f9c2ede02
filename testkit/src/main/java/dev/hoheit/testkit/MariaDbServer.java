package dev.hoheit.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the MariaDB tests get their server: {@code HOHEIT_TEST_MARIADB_URL} when set, else a
 * Testcontainers container when a Docker engine answers, else none (with the reason).
 *
 * <p>Resolved once per JVM. A URL that is set but does not answer is an error, not a skip. The login
 * must be allowed to create and drop databases: each test gets a database of its own.
 */
sealed interface MariaDbServer {

    /** The environment variable naming a JDBC URL of a MariaDB server the tests may use. */
    String URL_VARIABLE = "HOHEIT_TEST_MARIADB_URL";

    /** A server that answered; {@code jdbcUrl} is {@code jdbc:mariadb://host:port/database?options}. */
    record Available(String jdbcUrl, String user, String password, String origin) implements MariaDbServer {

        private static final Pattern URL = Pattern.compile("^(jdbc:mariadb://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

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

        /** The server's URL with {@code database} in place of the one it names. */
        String urlFor(String database) {
            Matcher matcher = URL.matcher(jdbcUrl);
            if (!matcher.matches()) {
                throw new IllegalStateException(URL_VARIABLE + " is not a jdbc:mariadb://host:port/database URL");
            }
            return matcher.group(1) + "/" + database + (matcher.group(3) == null ? "" : matcher.group(3));
        }
    }

    /** No server: the MariaDB runs are skipped for this reason. */
    record Unavailable(String reason) implements MariaDbServer {
    }

    /** The server for this JVM. */
    static MariaDbServer get() {
        return Holder.SERVER;
    }

    /** Lazy, thread-safe, once per JVM. */
    final class Holder {
        private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
        static final MariaDbServer SERVER = resolve();

        private Holder() {
        }

        private static MariaDbServer resolve() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                Available server = new Available(url.strip(), System.getenv("HOHEIT_TEST_MARIADB_USER"),
                        System.getenv("HOHEIT_TEST_MARIADB_PASSWORD"), URL_VARIABLE);
                try (Connection connection = server.connect()) {
                    LOG.info("MariaDB {} answers", connection.getMetaData().getDatabaseProductVersion());
                    LOG.info("MariaDB tests use the server from {}", URL_VARIABLE);
                    return server;
                } catch (SQLException e) {
                    throw new IllegalStateException(URL_VARIABLE + " is set but MariaDB does not answer: "
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

    /** Testcontainers, reached reflectively: it has no module name, and it is optional at run time. */
    final class Testcontainers {
        private static final String IMAGE = "mariadb:10.11";

        private Testcontainers() {
        }

        static MariaDbServer start() {
            try {
                Class<?> factory = Class.forName("org.testcontainers.DockerClientFactory");
                Object instance = factory.getMethod("instance").invoke(null);
                if (!(Boolean) factory.getMethod("isDockerAvailable").invoke(instance)) {
                    return new Unavailable(URL_VARIABLE + " is not set and Testcontainers found no working Docker engine");
                }
                Class<?> type = Class.forName("org.testcontainers.mariadb.MariaDBContainer");
                Object container = type.getConstructor(String.class).newInstance(IMAGE);
                // Root may create a database per test; the container's default user may not.
                type.getMethod("withUsername", String.class).invoke(container, "root");
                type.getMethod("start").invoke(container);
                String url = (String) type.getMethod("getJdbcUrl").invoke(container);
                String user = (String) type.getMethod("getUsername").invoke(container);
                String password = (String) type.getMethod("getPassword").invoke(container);
                return new Available(url, user, password, "Testcontainers " + IMAGE);
            } catch (ClassNotFoundException e) {
                return new Unavailable(URL_VARIABLE + " is not set and Testcontainers is not on the test path");
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new Unavailable(URL_VARIABLE + " is not set and Testcontainers could not start MariaDB: " + e);
            }
        }
    }
}
