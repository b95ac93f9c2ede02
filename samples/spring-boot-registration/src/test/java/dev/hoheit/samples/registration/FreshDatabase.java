package dev.hoheit.samples.registration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An empty database for one test: a fresh in-memory H2 database, or a fresh schema on the PostgreSQL
 * server of {@code HOHEIT_TEST_PG_URL} (dropped afterwards). It starts the sample on it through plain
 * Spring properties, as a host would configure it.
 */
final class FreshDatabase implements AutoCloseable {

    /** The databases the tests run on. */
    enum Kind {
        H2, POSTGRESQL;

        /** Whether this machine can run tests on it. */
        boolean available() {
            return this == H2 || System.getenv("HOHEIT_TEST_PG_URL") != null;
        }
    }

    private final Kind kind;
    private final String name = "reg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private FreshDatabase(Kind kind) {
        this.kind = kind;
    }

    static FreshDatabase create(Kind kind) {
        FreshDatabase database = new FreshDatabase(kind);
        if (kind == Kind.POSTGRESQL) {
            database.admin("CREATE SCHEMA " + database.name);
        }
        return database;
    }

    /** Starts the sample on this database, its audit keys in {@code keyDir}, with extra configuration classes. */
    ConfigurableApplicationContext start(Path keyDir, Class<?>... extraSources) {
        List<Class<?>> sources = new ArrayList<>(List.of(RegistrationApplication.class));
        sources.addAll(List.of(extraSources));
        // Command-line arguments: they override application.properties (builder properties would not).
        List<String> arguments = new ArrayList<>(List.of("--hoheit.audit.key-dir=" + keyDir));
        if (kind == Kind.H2) {
            arguments.add("--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        } else {
            arguments.add("--spring.datasource.url=" + System.getenv("HOHEIT_TEST_PG_URL"));
            arguments.add("--spring.datasource.hikari.schema=" + name);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(arguments.toArray(String[]::new));
        String product = app.getBean(JdbcTemplate.class).execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName() + " " + connection.getSchema() + " " + connection.getCatalog());
        if (!product.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            app.close();
            throw new IllegalStateException("the sample did not start on the fresh database " + name + " but on " + product);
        }
        return app;
    }

    @Override
    public void close() {
        if (kind == Kind.POSTGRESQL) {
            admin("DROP SCHEMA " + name + " CASCADE");
        } else {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name, "sa", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot shut down H2 database " + name, e);
            }
        }
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(System.getenv("HOHEIT_TEST_PG_URL"));
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statement failed: " + sql, e);
        }
    }
}
