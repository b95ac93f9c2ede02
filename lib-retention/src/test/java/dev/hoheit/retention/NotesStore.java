package dev.hoheit.retention;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A host application's store over real tables: notes (a note to someone else lives on their side
 * too) and pictures (binary files). Records every purged id, can fail erasure on demand and can
 * "crash" (throw an Error, like a dying process) after a number of purge batches.
 */
final class NotesStore implements PersonalDataStore {

    /** Stands in for the process dying half-way: not an exception the runner could handle. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    final ConcurrentLinkedQueue<Long> purged = new ConcurrentLinkedQueue<>();
    volatile boolean failErasure;
    volatile int crashAfterBatches = -1;
    private final AtomicInteger batches = new AtomicInteger();
    private final DataSource dataSource;

    NotesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public StoreDescriptor descriptor() {
        return new StoreDescriptor("notes", "Your notes, notes others sent you, and your pictures",
                List.of(new DataCategory("notes", "Notes", List.of("owner", "recipient", "body", "created"), true),
                        new DataCategory("pictures", "Pictures", List.of("name", "content"), false)),
                List.of("host_note", "host_picture"));
    }

    void addNote(long id, String owner, String recipient, String body, Instant at) {
        update("INSERT INTO host_note (id, owner_id, recipient_id, body, created_at) VALUES (?, ?, ?, ?, ?)",
                id, owner, recipient, body, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    void addPicture(long id, String owner, String name, byte[] content) {
        update("INSERT INTO host_picture (id, owner_id, name, media_type, content) VALUES (?, ?, ?, 'image/png', ?)",
                id, owner, name, content);
    }

    @Override
    public long count(String subjectId) {
        return number("SELECT count(*) FROM host_note WHERE owner_id = ? OR recipient_id = ?", subjectId, subjectId)
                + number("SELECT count(*) FROM host_picture WHERE owner_id = ?", subjectId);
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        for (List<Object> row : query("SELECT id, owner_id, recipient_id, body, created_at FROM host_note"
                + " WHERE owner_id = ? OR recipient_id = ? ORDER BY id", subjectId, subjectId)) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", row.get(0));
            record.put("from", row.get(1));
            record.put("to", row.get(2));
            record.put("body", row.get(3));
            record.put("created", ((OffsetDateTime) row.get(4)).toInstant());
            sink.record(record);
            written++;
        }
        for (List<Object> row : query("SELECT name, content FROM host_picture WHERE owner_id = ? ORDER BY id", subjectId)) {
            sink.record(Map.of("picture", row.get(0)));
            sink.file((String) row.get(0), "image/png", new ByteArrayInputStream((byte[]) row.get(1)));
            written++;
        }
        return written;
    }

    @Override
    public long erase(String subjectId) {
        if (failErasure) {
            throw new IllegalStateException("notes store unavailable");
        }
        return update("DELETE FROM host_note WHERE owner_id = ? OR recipient_id = ?", subjectId, subjectId)
                + update("DELETE FROM host_picture WHERE owner_id = ?", subjectId);
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (crashAfterBatches >= 0 && batches.getAndIncrement() >= crashAfterBatches) {
            crashAfterBatches = -1;
            throw new SimulatedCrash();
        }
        List<Long> ids = new ArrayList<>();
        for (List<Object> row : query("SELECT id, owner_id FROM host_note WHERE created_at < ? ORDER BY id",
                OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))) {
            if (!heldSubjects.contains((String) row.get(1)) && ids.size() <= limit) {
                ids.add(((Number) row.get(0)).longValue());
            }
        }
        boolean more = ids.size() > limit;
        List<Long> batch = more ? ids.subList(0, limit) : ids;
        for (Long id : batch) {
            update("DELETE FROM host_note WHERE id = ?", id);
            purged.add(id);
        }
        return new PurgeBatch(batch.size(), more);
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return query("SELECT owner_id, created_at FROM host_note ORDER BY created_at").stream()
                .filter(row -> !heldSubjects.contains((String) row.get(0)))
                .map(row -> ((OffsetDateTime) row.get(1)).toInstant()).findFirst();
    }

    private long number(String sql, Object... parameters) {
        return ((Number) query(sql, parameters).get(0).get(0)).longValue();
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<Object>> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = s.executeQuery()) {
                List<List<Object>> result = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        boolean time = "created_at".equalsIgnoreCase(rows.getMetaData().getColumnLabel(i));
                        row.add(time ? rows.getObject(i, OffsetDateTime.class) : rows.getObject(i));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
