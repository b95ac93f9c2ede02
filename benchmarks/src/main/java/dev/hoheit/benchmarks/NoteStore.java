package dev.hoheit.benchmarks;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
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
 * A host application's store over real tables, as an application would write it: notes
 * ({@code <prefix>_note(id, owner_id, body, created_at)}) and pictures
 * ({@code <prefix>_picture(id, owner_id, name, media_type, content bytea)}). Exports stream: rows are
 * read with a fetch size inside a transaction, pictures one row at a time through
 * {@link ResultSet#getBinaryStream}. Notes are purgeable (category {@code bench-notes}); nothing in the
 * export benchmark is old enough to be due.
 */
final class NoteStore implements PersonalDataStore {

    static final String CATEGORY = "bench-notes";

    private final DataSource dataSource;
    private final String prefix;
    private final StoreDescriptor descriptor;

    NoteStore(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.prefix = prefix;
        this.descriptor = new StoreDescriptor("bench-notes", "Your notes and pictures (benchmark host store)",
                List.of(new DataCategory(CATEGORY, "Notes", List.of("owner", "body", "created"), true),
                        new DataCategory("bench-pictures", "Pictures", List.of("name", "content"), false)),
                List.of(notes(), pictures()));
    }

    String notes() {
        return prefix + "_note";
    }

    String pictures() {
        return prefix + "_picture";
    }

    /** Creates both tables (with an index on the owner) in {@code db}. */
    static void createTables(BenchDatabase db, String prefix) throws SQLException {
        db.execute("CREATE TABLE " + prefix + "_note (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                + " body TEXT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        db.execute("CREATE INDEX " + prefix + "_note_owner_ix ON " + prefix + "_note (owner_id)");
        db.execute("CREATE INDEX " + prefix + "_note_created_ix ON " + prefix + "_note (created_at)");
        db.execute("CREATE TABLE " + prefix + "_picture (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                + " name VARCHAR(120) NOT NULL, media_type VARCHAR(100) NOT NULL, content BYTEA NOT NULL)");
        db.execute("CREATE INDEX " + prefix + "_picture_owner_ix ON " + prefix + "_picture (owner_id)");
    }

    @Override
    public StoreDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long count(String subjectId) {
        return number("SELECT count(*) FROM " + notes() + " WHERE owner_id = ?", subjectId)
                + number("SELECT count(*) FROM " + pictures() + " WHERE owner_id = ?", subjectId);
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            try {
                try (PreparedStatement select = connection.prepareStatement("SELECT id, body, created_at FROM " + notes()
                        + " WHERE owner_id = ? ORDER BY id")) {
                    select.setFetchSize(1_000);
                    select.setString(1, subjectId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            Map<String, Object> record = new LinkedHashMap<>();
                            record.put("id", rows.getLong(1));
                            record.put("body", rows.getString(2));
                            record.put("created", rows.getObject(3, OffsetDateTime.class).toInstant());
                            sink.record(record);
                            written++;
                        }
                    }
                }
                try (PreparedStatement select = connection.prepareStatement("SELECT name, media_type, content FROM " + pictures()
                        + " WHERE owner_id = ? ORDER BY id")) {
                    select.setFetchSize(1); // a picture is a megabyte: hold one at a time
                    select.setString(1, subjectId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            String name = rows.getString(1);
                            sink.record(Map.of("picture", name));
                            try (InputStream content = rows.getBinaryStream(3)) {
                                sink.file(name, rows.getString(2), content);
                            }
                            written++;
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export failed (SQLSTATE " + e.getSQLState() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    @Override
    public long erase(String subjectId) {
        return update("DELETE FROM " + notes() + " WHERE owner_id = ?", subjectId)
                + update("DELETE FROM " + pictures() + " WHERE owner_id = ?", subjectId);
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        return CATEGORY.equals(category) ? BatchPurge.deleteBefore(dataSource, notes(), cutoff, heldSubjects, limit) : PurgeBatch.none();
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return CATEGORY.equals(category) ? BatchPurge.oldest(dataSource, notes(), heldSubjects) : Optional.empty();
    }

    private long number(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private int update(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("update failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
