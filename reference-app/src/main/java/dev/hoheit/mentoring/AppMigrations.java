package dev.hoheit.mentoring;

import dev.hoheit.transaction.internal.Platform;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The app's own migrations, beside the libraries' (own location, own history table), one folder per
 * database. A database the libraries do not support is refused before anything touches the schema.
 */
final class AppMigrations {

    private AppMigrations() {
    }

    static void migrate(DataSource dataSource) {
        Platform.Database database = Platform.database(dataSource, "Smoffen", IllegalStateException::new,
                e -> new IllegalStateException("cannot connect to the database (SQLSTATE " + e.getSQLState() + ")", e));
        Flyway.configure(AppMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:META-INF/hoheit/mentoring/migration/" + database.folder())
                .table("smoffen_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
