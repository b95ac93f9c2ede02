package dev.hoheit.benchmarks;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A host store of short-lived rows ({@code <table>(id, owner_id, payload, created_at)}, category
 * {@code bench-visits}) whose purge deletes rows older than the cutoff in batches ({@link BatchPurge}):
 * the store of the retention-run benchmark.
 */
final class ExpiringStore implements PersonalDataStore {

    static final String CATEGORY = "bench-visits";

    private final DataSource dataSource;
    private final String table;
    private final StoreDescriptor descriptor;

    ExpiringStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
        this.descriptor = new StoreDescriptor("bench-visits", "Pages you visited (benchmark host store)",
                List.of(new DataCategory(CATEGORY, "Visits", List.of("owner", "page", "time"), true)), List.of(table));
    }

    /** Creates a table of this shape (primary key, index on the owner and on the time). */
    static void createTable(BenchDatabase db, String table) throws SQLException {
        db.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                + " payload TEXT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        db.execute("CREATE INDEX " + table + "_owner_ix ON " + table + " (owner_id)");
        db.execute("CREATE INDEX " + table + "_created_ix ON " + table + " (created_at)");
    }

    @Override
    public StoreDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long count(String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE owner_id = ?")) {
            select.setString(1, subjectId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("count failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("SELECT id, payload, created_at FROM " + table
                    + " WHERE owner_id = ? ORDER BY id")) {
                select.setFetchSize(1_000);
                select.setString(1, subjectId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("id", rows.getLong(1));
                        record.put("page", rows.getString(2));
                        record.put("time", rows.getObject(3, OffsetDateTime.class).toInstant());
                        sink.record(record);
                        written++;
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
        return written;
    }

    @Override
    public long erase(String subjectId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE owner_id = ?")) {
            delete.setString(1, subjectId);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("erase failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        return CATEGORY.equals(category) ? BatchPurge.deleteBefore(dataSource, table, cutoff, heldSubjects, limit) : PurgeBatch.none();
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return CATEGORY.equals(category) ? BatchPurge.oldest(dataSource, table, heldSubjects) : Optional.empty();
    }
}
