package dev.hoheit.transaction;

import dev.hoheit.testkit.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** One table for the runner's tests: {@code note(id, text)} with a unique id. */
public final class NotesTable implements SchemaMigration {

    @Override
    public void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text VARCHAR(100) NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
