package dev.hoheit.benchmarks;

import dev.hoheit.retention.spi.PurgeBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A host store's purge as an application would write it: one batch per call, deleting at most
 * {@code limit} rows older than the cutoff ({@code DELETE ... WHERE id IN (SELECT id ... LIMIT n)},
 * portable, no ctid), each batch in its own autocommit statement, skipping held owners.
 */
final class BatchPurge {

    private BatchPurge() {
    }

    static PurgeBatch deleteBefore(DataSource dataSource, String table, Instant cutoff, Set<String> heldSubjects, int limit) {
        String held = heldSubjects.isEmpty() ? "" : " AND owner_id <> ALL (?)";
        String sql = "DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table + " WHERE created_at < ?" + held + " LIMIT ?)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            int p = 1;
            delete.setObject(p++, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            if (!heldSubjects.isEmpty()) {
                Array owners = connection.createArrayOf("varchar", heldSubjects.toArray());
                delete.setArray(p++, owners);
            }
            delete.setInt(p, limit);
            int deleted = delete.executeUpdate();
            return new PurgeBatch(deleted, deleted == limit);
        } catch (SQLException e) {
            throw new IllegalStateException("purge of " + table + " failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    static Optional<Instant> oldest(DataSource dataSource, String table, Set<String> heldSubjects) {
        String held = heldSubjects.isEmpty() ? "" : " WHERE owner_id <> ALL (?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT min(created_at) FROM " + table + held)) {
            if (!heldSubjects.isEmpty()) {
                select.setArray(1, connection.createArrayOf("varchar", heldSubjects.toArray()));
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                OffsetDateTime oldest = row.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query of " + table + " failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
