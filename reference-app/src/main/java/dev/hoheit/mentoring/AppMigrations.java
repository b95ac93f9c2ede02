package dev.hoheit.mentoring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The app's own migrations, beside the libraries' (own location, own history table). */
final class AppMigrations {

    private AppMigrations() {
    }

    static void migrate(DataSource dataSource) {
        String vendor;
        try (Connection connection = dataSource.getConnection()) {
            vendor = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database", e);
        }
        Flyway.configure(AppMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:META-INF/hoheit/mentoring/migration/" + vendor)
                .table("smoffen_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
