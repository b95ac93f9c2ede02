package dev.hoheit.retention;

import dev.hoheit.audit.AuditSchema;
import dev.hoheit.consent.ConsentSchema;
import dev.hoheit.testkit.SchemaMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Everything a host application would have: its own tables, plus consent, audit and retention. */
public final class HostSchema implements SchemaMigration {

    @Override
    public void migrate(DataSource dataSource) {
        createHostTables(dataSource);
        ConsentSchema.migrate(dataSource);
        AuditSchema.migrate(dataSource);
    }

    /** The host's own tables, {@code host_note} and {@code host_picture}; true on MariaDB. */
    static boolean createHostTables(DataSource dataSource) {
        boolean mariadb;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            mariadb = product.equals("mariadb");
            String binary = product.contains("postgres") ? "BYTEA" : mariadb ? "LONGBLOB" : "VARBINARY(10000000)";
            s.execute("CREATE TABLE host_note (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                    + " recipient_id VARCHAR(200), body VARCHAR(1000) NOT NULL, created_at "
                    + (mariadb ? "DATETIME(6)" : "TIMESTAMP WITH TIME ZONE") + " NOT NULL)");
            s.execute("CREATE TABLE host_picture (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                    + " name VARCHAR(100) NOT NULL, media_type VARCHAR(50) NOT NULL, content " + binary + " NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return mariadb;
    }
}
