package dev.hoheit.audit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.Finding;
import dev.hoheit.audit.VerificationReport;
import java.io.IOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Re-hashes the retained chain straight from the database and compares it with the checkpoints.
 * Needs no data key: the chain covers ciphertext. Used by {@code AuditLog.verify} and by the
 * command-line verifier.
 */
public final class ChainVerifier {

    static final String SELECT_EVENTS = "SELECT seq, recorded_at, actor_tag, actor_role, actor_enc, subject_tag,"
            + " subject_enc, action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc,"
            + " prev_hash, hash FROM audit_event WHERE seq <= ? ORDER BY seq";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDINGS = 1000;

    private final DataSource dataSource;
    private final Map<String, PublicKey> trustedKeys;

    /**
     * @param dataSource the database holding the log
     * @param trustedKeys the keys checkpoints may be signed with, by key id (current and retired)
     */
    public ChainVerifier(DataSource dataSource, Map<String, PublicKey> trustedKeys) {
        this.dataSource = dataSource;
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    /** Verifies the chain against the stored checkpoints and {@code trusted} ones. */
    public VerificationReport verify(Collection<Checkpoint> stored, Collection<Checkpoint> trusted) throws SQLException {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        TreeMap<Long, List<Checkpoint>> checkpoints = new TreeMap<>();
        for (Checkpoint checkpoint : stored) {
            checkpoints.computeIfAbsent(checkpoint.seq(), k -> new ArrayList<>()).add(checkpoint);
        }
        for (Checkpoint checkpoint : trusted) {
            checkpoints.computeIfAbsent(checkpoint.seq(), k -> new ArrayList<>()).add(checkpoint);
        }
        int checkpointsChecked = 0;
        for (List<Checkpoint> atSeq : checkpoints.values()) {
            for (Checkpoint checkpoint : atSeq) {
                PublicKey key = trustedKeys.get(checkpoint.keyId());
                if (key == null) {
                    add(findings, new Finding(Finding.Kind.BAD_SIGNATURE, checkpoint.seq(),
                            "checkpoint is signed by key " + checkpoint.keyId() + ", which is not a trusted key"));
                } else if (!checkpoint.hasValidSignature(key)) {
                    add(findings, new Finding(Finding.Kind.BAD_SIGNATURE, checkpoint.seq(),
                            "checkpoint signature does not verify with the trusted key " + checkpoint.keyId()));
                }
            }
        }

        long first = 0;
        long last = 0;
        long count = 0;
        byte[] firstPrev = null;
        byte[] previous = null;
        List<long[]> boundaries = new ArrayList<>();
        List<byte[]> boundaryHashes = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        try (Connection connection = dataSource.getConnection()) {
            // The head first: every event up to it is committed (head and events change in one
            // transaction), and events appended while we read are left for the next verification.
            ChainWriter.Head head = readHead(connection);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(SELECT_EVENTS)) {
                statement.setLong(1, head.seq());
                statement.setFetchSize(5_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        StoredEvent event = read(rows);
                        long seq = event.seq();
                        count++;
                        if (first == 0) {
                            first = seq;
                            firstPrev = event.prevHash();
                            previous = event.prevHash();
                        } else if (seq != last + 1) {
                            add(findings, new Finding(Finding.Kind.MISSING_EVENTS, last + 1,
                                    (seq - last - 1) + " event(s) missing between " + last + " and " + seq));
                            previous = event.prevHash();
                        } else if (!Arrays.equals(event.prevHash(), previous)) {
                            add(findings, new Finding(Finding.Kind.HASH_MISMATCH, seq,
                                    "the stored previous hash does not continue the chain (event inserted, removed or reordered)"));
                            previous = event.prevHash();
                        }
                        byte[] computed = EventCodec.hash(previous, event);
                        if (!Arrays.equals(computed, event.hash())) {
                            add(findings, new Finding(Finding.Kind.HASH_MISMATCH, seq,
                                    "the event's content does not match its hash (modified)"));
                            previous = event.hash();
                        } else {
                            previous = computed;
                        }
                        List<Checkpoint> atSeq = checkpoints.get(seq);
                        if (atSeq != null) {
                            for (Checkpoint checkpoint : atSeq) {
                                checkpointsChecked++;
                                if (!checkpoint.headHash().equals(hex.formatHex(computed))) {
                                    add(findings, new Finding(Finding.Kind.CHECKPOINT_MISMATCH, seq,
                                            "the chain differs from the checkpoint sealed at " + checkpoint.sealedAt()));
                                }
                            }
                        }
                        if (AuditAction.PURGE.name().equals(event.action()) && event.actorTag() == null) {
                            readBoundary(event, boundaries, boundaryHashes);
                        }
                        last = seq;
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
            if (head.seq() != last || (last > 0 && !Arrays.equals(head.hash(), previous))) {
                add(findings, new Finding(Finding.Kind.HEAD_MISMATCH, last,
                        "the head record says position " + head.seq() + " but the chain ends at " + last));
            }
            // Rows past the head that no append accounts for: the newest row first, then the head
            // again (a real append commits its rows and the head together).
            long newest = newestSeq(connection);
            ChainWriter.Head later = readHead(connection);
            if (newest > later.seq()) {
                add(findings, new Finding(Finding.Kind.HEAD_MISMATCH, later.seq() + 1,
                        "events up to position " + newest + " lie beyond the head at " + later.seq() + " (inserted outside the log)"));
            }
        }
        if (first > 1) {
            checkStart(first, firstPrev, boundaries, boundaryHashes, findings);
        } else if (first == 1 && !Arrays.equals(firstPrev, EventCodec.GENESIS)) {
            add(findings, new Finding(Finding.Kind.HASH_MISMATCH, 1, "the first event does not start from the genesis hash"));
        }
        for (Checkpoint checkpoint : checkpoints.tailMap(last, false).values().stream().flatMap(List::stream).toList()) {
            add(findings, new Finding(Finding.Kind.TRUNCATED, checkpoint.seq(),
                    "a checkpoint sealed position " + checkpoint.seq() + " but the chain ends at " + last));
        }
        findings.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return new VerificationReport(first, last, count, checkpointsChecked, findings,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The retained chain must start where a recorded purge ended it (or later, mid-purge). */
    private static void checkStart(long first, byte[] firstPrev, List<long[]> boundaries, List<byte[]> hashes,
                                   List<Finding> findings) {
        boolean explained = false;
        for (int i = 0; i < boundaries.size(); i++) {
            long boundary = boundaries.get(i)[0];
            if (boundary == first) {
                if (Arrays.equals(hashes.get(i), firstPrev)) {
                    explained = true;
                } else {
                    add(findings, new Finding(Finding.Kind.UNEXPLAINED_START, first,
                            "the first retained event does not continue the boundary hash its purge recorded"));
                    return;
                }
            } else if (boundary > first) {
                explained = true; // a purge that had not finished deleting: what remains was due anyway
            }
        }
        if (!explained) {
            add(findings, new Finding(Finding.Kind.UNEXPLAINED_START, first,
                    "events before position " + first + " are gone without a recorded purge"));
        }
    }

    private static void readBoundary(StoredEvent event, List<long[]> boundaries, List<byte[]> hashes) {
        try {
            JsonNode details = JSON.readTree(event.details());
            if (details != null && details.has("boundarySeq") && details.has("boundaryHash")) {
                boundaries.add(new long[] {Long.parseLong(details.get("boundarySeq").asText())});
                hashes.add(HexFormat.of().parseHex(details.get("boundaryHash").asText()));
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable purge record explains nothing; the start check reports what follows from that.
        }
    }

    static StoredEvent read(ResultSet rows) throws SQLException {
        int clientDay = rows.getInt(14);
        Integer day = rows.wasNull() ? null : clientDay;
        return new StoredEvent(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getBytes(7), rows.getString(8),
                rows.getString(9), rows.getBytes(10), rows.getString(11), rows.getString(12), rows.getBytes(13), day,
                rows.getBytes(15), rows.getBytes(16), rows.getBytes(17));
    }

    private static long newestSeq(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT max(seq) FROM audit_event");
             ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static ChainWriter.Head readHead(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT seq, hash, recorded_at FROM audit_head WHERE id = 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                return new ChainWriter.Head(-1, EventCodec.GENESIS, java.time.Instant.EPOCH);
            }
            return new ChainWriter.Head(row.getLong(1), row.getBytes(2), row.getObject(3, OffsetDateTime.class).toInstant());
        }
    }

    private static void add(List<Finding> findings, Finding finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }
}
