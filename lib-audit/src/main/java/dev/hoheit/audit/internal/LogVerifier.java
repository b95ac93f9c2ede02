package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CHECKPOINT;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CLIENT_KEY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_COSIGNATURE;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_PERSON_KEY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.Finding;
import dev.hoheit.audit.Finding.Kind;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.audit.internal.jooq.tables.records.AuditCheckpointRecord;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TiledTree;
import dev.hoheit.audit.tlog.TlogException;
import dev.hoheit.transaction.internal.LibrarySchema;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * Checks a stored log the way an auditor who trusts nothing in the database would: every entry
 * against its leaf in the tiles, every tile against the level below, every checkpoint's signature
 * (by the keys the caller trusts) and root, the consistency proofs between checkpoints, the
 * checkpoints the caller saw before (so a rollback or fork shows), the witnesses' cosignatures,
 * that purges only ever removed a contiguous prefix of due entries, and that every missing key is
 * explained by an ERASE or ANONYMISE entry. Needs no data key: the tree covers ciphertext.
 *
 * <p>Used by {@code AuditLog.verify} and by the auditor's standalone verifier.
 */
public final class LogVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FINDINGS = 1000;
    private static final int MAX_TAG_FINDINGS = 50;
    private static final String SELECT_ENTRIES = "SELECT seq, recorded_at, actor_tag, actor_role, actor_enc, subject_tag,"
            + " subject_enc, action, resource_type, resource_enc, purpose, outcome, details, client_day, client_enc"
            + " FROM %s WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + EntryStream.PAGE;
    private static final String SELECT_LEAF_TILES = "SELECT tile_index, tile_width, hashes FROM %s"
            + " WHERE tile_level = 0 ORDER BY tile_index";

    /**
     * What the verifier trusts, all of it from outside the database.
     *
     * @param origin the log's name
     * @param logKeys the log's note verifier keys (current and retired)
     * @param witnesses the witnesses' cosignature verifier keys
     * @param quorum how many witnesses must have cosigned the newest checkpoint
     * @param retention the published retention period
     */
    public record Trust(String origin, List<NoteVerifier> logKeys, List<CosignatureVerifier> witnesses, int quorum,
                        Duration retention) {
        /** Copies the lists. */
        public Trust {
            logKeys = List.copyOf(logKeys);
            witnesses = List.copyOf(witnesses);
        }
    }

    /** When an entry was recorded: kept between runs to judge later purges. */
    public record TimeMark(long seq, Instant recordedAt) {
    }

    /**
     * A verification's result.
     *
     * @param report the findings
     * @param newestCheckpoint the newest checkpoint that verified (to remember for the next run)
     * @param marks when entries were recorded, one per 256 entries (to remember for the next run)
     */
    public record Outcome(VerificationReport report, Optional<Checkpoint> newestCheckpoint, List<TimeMark> marks) {
    }

    private final DataSource dataSource;
    private final Database database;

    /** A verifier of the log in the current schema of {@code dataSource}. */
    public LogVerifier(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * A verifier of the log in {@code schema} of {@code dataSource} (null: its current schema).
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for an invalid schema name
     */
    public LogVerifier(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.database = new Database(dataSource, LibrarySchema.checked(schema,
                message -> new AuditException(AuditException.Problem.INVALID_ARGUMENT, message)));
    }

    /**
     * Verifies the log.
     *
     * @param trust the keys and rules the verifier trusts
     * @param known checkpoints the verifier saw before (saved state, exports); each must still hold
     * @param knownMarks recording times the verifier saw before
     */
    public Outcome verify(Trust trust, Collection<Checkpoint> known, Collection<TimeMark> knownMarks) throws SQLException {
        long started = System.nanoTime();
        Run run = new Run(trust, database);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false); // one snapshot for head, entries, tiles and checkpoints; cursors stream
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                DSLContext tx = database.dsl(connection);
                EntryWriter.Head head = EntryWriter.readHead(tx, false);
                run.head = head;
                StoredCheckpoints stored = StoredCheckpoints.read(tx, trust);
                try {
                    run.entries(connection, database);
                    run.beyondHead(database.dsl()); // outside the snapshot: both reads see the newest commits
                    run.upperTiles(tx);
                    TiledTree tree = new TiledTree(TileStore.uncached(tx));
                    run.checkpoints(stored, tree, known);
                } finally {
                    stored.cancel();
                }
                run.purges(knownMarks);
                run.keys(tx);
            } catch (org.jooq.exception.DataAccessException e) {
                throw new SQLException("cannot read the audit log: " + e.getMessage(), e.sqlState(), e);
            } finally {
                connection.commit();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
        run.findings.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        VerificationReport report = new VerificationReport(run.firstSeq, run.lastSeq, run.count, run.checkpointsChecked,
                run.findings, Duration.ofNanos(System.nanoTime() - started));
        List<TimeMark> marks = new ArrayList<>();
        for (TimeMark mark : knownMarks) {
            if (mark.seq() < run.firstSeq || run.firstSeq == 0) {
                marks.add(mark);
            }
        }
        marks.addAll(run.marks);
        return new Outcome(report, report.ok() ? run.newest : Optional.empty(), marks);
    }

    /** The state of one verification. */
    private static final class Run {
        final Trust trust;
        final Database database;
        final List<Finding> findings = new ArrayList<>();
        final List<TimeMark> marks = new ArrayList<>();
        final Set<String> tags = new HashSet<>();
        final Map<String, Long> tagFirstSeen = new HashMap<>();
        final Map<String, Long> erasedTags = new LinkedHashMap<>();
        final TreeMap<Integer, Long> clientDays = new TreeMap<>();
        final List<Purge> purges = new ArrayList<>();
        LocalDate anonymisedBefore = LocalDate.MIN;
        EntryWriter.Head head;
        long firstSeq;
        long lastSeq;
        long count;
        int checkpointsChecked;
        Optional<Checkpoint> newest = Optional.empty();

        Run(Trust trust, Database database) {
            this.trust = trust;
            this.database = database;
        }

        void add(Kind kind, long seq, String message, Map<String, String> evidence) {
            if (findings.size() < MAX_FINDINGS) {
                findings.add(new Finding(kind, seq, message, evidence));
            }
        }

        void add(Kind kind, long seq, String message) {
            add(kind, seq, message, Map.of());
        }

        // ---- Entries against level-0 tiles -----------------------------------------------------

        void entries(Connection connection, Database database) throws SQLException {
            long size = head.size();
            try (PreparedStatement entries = connection.prepareStatement(SELECT_ENTRIES.formatted(database.table("audit_entry")));
                 PreparedStatement tiles = connection.prepareStatement(SELECT_LEAF_TILES.formatted(database.table("audit_tile")))) {
                tiles.setFetchSize(64);
                try (ResultSet tileRows = tiles.executeQuery();
                     EntryStream stream = EntryStream.start(entries, size, new LeafTiles(tileRows, fullTileRoots), database)) {
                    Instant previousTime = Instant.MIN;
                    for (EntryStream.Read next = stream.next(); next != null; next = stream.next()) {
                        StoredEvent event = next.event();
                        long seq = event.seq();
                        count++;
                        if (firstSeq == 0) {
                            firstSeq = seq;
                        } else if (seq != lastSeq + 1) {
                            add(Kind.MISSING_EVENTS, lastSeq + 1, (seq - lastSeq - 1) + " entr(ies) missing between "
                                    + lastSeq + " and " + seq, Map.of("from", Long.toString(lastSeq + 1), "to", Long.toString(seq - 1)));
                        }
                        lastSeq = seq;
                        byte[] leaf = EntryCodec.leafHash(event);
                        byte[] stored = next.storedLeaf();
                        if (stored == null) {
                            if (seq > head.minIndex() && seq <= size) {
                                add(Kind.TILE_MISMATCH, seq, "the tree has no leaf for this entry (its tile is missing)");
                            }
                        } else if (!Arrays.equals(stored, leaf)) {
                            add(Kind.HASH_MISMATCH, seq, "the entry does not hash to its leaf in the tree (modified, inserted or moved)",
                                    Map.of("leafHash", hex(stored), "entryHash", hex(leaf)));
                        }
                        if (event.recordedAt().isBefore(previousTime)) {
                            add(Kind.HASH_MISMATCH, seq, "recording times go backwards here (entries reordered)");
                        }
                        previousTime = event.recordedAt();
                        if ((seq - 1) % 256 == 0) {
                            marks.add(new TimeMark(seq, event.recordedAt()));
                        }
                        collect(event);
                    }
                }
            }
            if (lastSeq > 0 && (marks.isEmpty() || marks.get(marks.size() - 1).seq() != lastSeq)) {
                marks.add(new TimeMark(lastSeq, lastTime));
            }
            if (lastSeq < size) {
                add(lastSeq == 0 ? Kind.TRUNCATED : Kind.HEAD_MISMATCH, Math.max(lastSeq, 1), "the head says the log has "
                        + size + " entries but they end at " + lastSeq + " (the tail was cut)",
                        Map.of("headSize", Long.toString(size), "lastEntry", Long.toString(lastSeq)));
            }
            long expectedFirst = head.minIndex() + 1;
            if (size > head.minIndex() && firstSeq > expectedFirst) {
                add(Kind.UNEXPLAINED_START, expectedFirst, "entries " + expectedFirst + ".." + (firstSeq - 1)
                        + " are gone, and no recorded purge removed them",
                        Map.of("minIndex", Long.toString(head.minIndex()), "firstRetained", Long.toString(firstSeq)));
            }
        }

        Instant lastTime = Instant.EPOCH;

        void collect(StoredEvent event) {
            lastTime = event.recordedAt();
            for (String tag : new String[] {event.actorTag(), event.subjectTag()}) {
                if (tag != null && tags.add(tag)) {
                    tagFirstSeen.put(tag, event.seq());
                }
            }
            if (event.clientDay() != null) {
                clientDays.putIfAbsent(event.clientDay(), event.seq());
            }
            if (event.actorTag() != null || event.details() == null) {
                return; // only the log's own entries (no actor) record purges, erasures and anonymisation
            }
            JsonNode details = json(event.details());
            if (details == null) {
                return;
            }
            if (AuditAction.PURGE.name().equals(event.action())) {
                purges.add(Purge.of(event, details));
            } else if (AuditAction.ERASE.name().equals(event.action()) && details.hasNonNull("tag")) {
                erasedTags.put(details.get("tag").asText(), event.seq());
            } else if (AuditAction.ANONYMISE.name().equals(event.action()) && details.hasNonNull("daysBefore")) {
                try {
                    LocalDate before = LocalDate.parse(details.get("daysBefore").asText());
                    if (before.isAfter(anonymisedBefore)) {
                        anonymisedBefore = before;
                    }
                } catch (java.time.DateTimeException e) {
                    add(Kind.ILLEGAL_PURGE, event.seq(), "an ANONYMISE entry has an unreadable day");
                }
            }
        }

        // ---- Tiles against the level below -------------------------------------------------------

        /**
         * Rows past the head that no append accounts for: the newest entry first, then the head again
         * (a real append commits its entries, tiles and head together, and may run while this reads).
         */
        void beyondHead(DSLContext tx) {
            Long newest = tx.select(org.jooq.impl.DSL.max(dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY.SEQ))
                    .from(dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY).fetchOne(0, Long.class);
            later = EntryWriter.readHead(tx, false);
            if (newest != null && newest > later.size()) {
                add(Kind.HEAD_MISMATCH, later.size() + 1, "entries up to position " + newest + " lie beyond the head at "
                        + later.size() + " (inserted outside the log)");
            }
        }

        EntryWriter.Head later;

        /** Full tiles of level 0 (hashed during the entry pass) and above hash to their entry in the tile one level up. */
        void upperTiles(DSLContext tx) {
            long size = head.size();
            for (int level = 1; size >> (8 * level) > 0; level++) {
                int current = level;
                TileStore.uncachedRows(tx, level).forEach((index, hashes) -> {
                    int expected = TiledTree.widthAt(current, index, Math.max(size, later.size()));
                    if (expected == 0 || hashes.length / 32 > expected) {
                        add(Kind.HEAD_MISMATCH, 0, "tile " + current + "/" + index + " reaches beyond the head at " + size);
                    }
                    if (hashes.length == 256 * 32) {
                        fullTileRoots.put(new long[] {current, index}, Merkle.rootOf(hashesOf(hashes)));
                    }
                });
            }
            TileReaderCache parents = new TileReaderCache(tx, size);
            for (Map.Entry<long[], byte[]> tile : fullTileRoots.entrySet()) {
                int level = (int) tile.getKey()[0];
                long index = tile.getKey()[1];
                byte[] parent = parents.read(level + 1, index / 256);
                int at = (int) (index % 256) * 32;
                if (parent == null || parent.length < at + 32) {
                    add(Kind.TILE_MISMATCH, 0, "tile " + (level + 1) + "/" + (index / 256) + " is missing or too short");
                } else if (!Arrays.equals(tile.getValue(), Arrays.copyOfRange(parent, at, at + 32))) {
                    add(Kind.TILE_MISMATCH, level == 0 ? index * 256 + 1 : 0, "tile " + level + "/" + index
                            + " does not hash to its entry in tile " + (level + 1) + "/" + (index / 256) + " (rewritten)");
                }
            }
        }

        /** The computed root of every full tile, by (level, index). */
        final Map<long[], byte[]> fullTileRoots = new LinkedHashMap<>();

        // ---- Checkpoints ---------------------------------------------------------------------

        void checkpoints(StoredCheckpoints read, TiledTree tree, Collection<Checkpoint> known) {
            Map<Long, List<String>> cosignatures = read.cosignatures;
            TreeMap<Long, Checkpoint> stored = new TreeMap<>();
            TreeMap<Long, AuditCheckpointRecord> rows = new TreeMap<>();
            for (int i = 0; i < read.rows.size(); i++) {
                AuditCheckpointRecord row = read.rows.get(i);
                checkpointsChecked++;
                Checkpoint checkpoint;
                try {
                    checkpoint = CheckpointStore.toCheckpoint(row, cosignatures.getOrDefault(row.getTreeSize(), List.of()));
                } catch (RuntimeException e) {
                    add(Kind.BAD_SIGNATURE, row.getTreeSize(), "the stored checkpoint of size " + row.getTreeSize()
                            + " is not a well-formed signed checkpoint of this size and root");
                    continue;
                }
                if (!checkpoint.origin().equals(trust.origin())) {
                    add(Kind.BAD_SIGNATURE, row.getTreeSize(), "a stored checkpoint names the log '" + checkpoint.origin()
                            + "', not '" + trust.origin() + "'");
                    continue;
                }
                if (!read.signed(i)) {
                    add(Kind.BAD_SIGNATURE, row.getTreeSize(), "the stored checkpoint of size " + row.getTreeSize()
                            + " is not signed by a trusted log key", Map.of("note", checkpoint.note()));
                    continue;
                }
                stored.put(row.getTreeSize(), checkpoint);
                rows.put(row.getTreeSize(), row);
            }
            // Each stored checkpoint: against the tree where its tiles are kept, and against the one before it.
            for (Map.Entry<Long, Checkpoint> entry : stored.entrySet()) {
                Checkpoint checkpoint = entry.getValue();
                AuditCheckpointRecord row = rows.get(entry.getKey());
                againstTree(tree, checkpoint, "stored checkpoint");
                if (row.getPreviousSize() > 0 || row.getPreviousProof().length > 0) {
                    Checkpoint previous = stored.get(row.getPreviousSize());
                    if (previous == null) {
                        add(Kind.CHECKPOINT_MISSING, row.getPreviousSize(), "the checkpoint of size " + row.getPreviousSize()
                                + ", which the checkpoint of size " + checkpoint.size() + " extends, is gone");
                    } else if (!Merkle.verifyConsistency(previous.size(), checkpoint.size(), previous.rootHashBytes(),
                            checkpoint.rootHashBytes(), CheckpointStore.split(row.getPreviousProof()))) {
                        add(Kind.INCONSISTENT_CHECKPOINTS, checkpoint.size(), "the checkpoint of size " + checkpoint.size()
                                + " does not extend the checkpoint of size " + previous.size());
                    }
                }
            }
            // What the verifier saw before: signed by a trusted key, still there, same root, not beyond the tree.
            for (Checkpoint saw : known) {
                checkpointsChecked++;
                if (!saw.origin().equals(trust.origin()) || !saw.signedBy(trust.logKeys())) {
                    add(Kind.BAD_SIGNATURE, saw.size(), "a checkpoint you supplied (size " + saw.size()
                            + ") is not signed by a trusted key of '" + trust.origin() + "'");
                    continue;
                }
                Checkpoint same = stored.get(saw.size());
                if (same != null && !same.rootHash().equals(saw.rootHash())) {
                    add(Kind.FORK, saw.size(), "two different checkpoints of size " + saw.size()
                            + " are both signed by the log: it showed different histories",
                            Map.of("storedRoot", same.rootHash(), "yourRoot", saw.rootHash()));
                    continue;
                }
                if (saw.size() > head.size()) {
                    add(Kind.ROLLBACK, saw.size(), "you saw a checkpoint of size " + saw.size() + ", but the database's tree has only "
                            + head.size() + " entries: restored from an older backup, rolled back or truncated",
                            Map.of("yourSize", Long.toString(saw.size()), "treeSize", Long.toString(head.size())));
                    continue;
                }
                if (same == null) {
                    add(Kind.CHECKPOINT_MISSING, saw.size(), "the checkpoint of size " + saw.size()
                            + " you saw before is no longer in the database");
                }
                againstTree(tree, saw, "checkpoint you supplied");
                if (stored.isEmpty() || stored.lastKey() < saw.size()) {
                    add(Kind.CHECKPOINT_MISSING, saw.size(), "the database's newest checkpoints are gone: its newest is "
                            + (stored.isEmpty() ? "none" : "of size " + stored.lastKey()) + ", you saw one of size " + saw.size());
                }
            }
            if (!stored.isEmpty()) {
                Checkpoint newestStored = stored.lastEntry().getValue();
                newest = Optional.of(newestStored);
                if (trust.quorum() > 0) {
                    Map<String, Instant> cosigned = newestStored.cosignedBy(trust.witnesses());
                    if (cosigned.size() < trust.quorum()) {
                        add(Kind.WITNESS_QUORUM, newestStored.size(), "the newest checkpoint (size " + newestStored.size()
                                + ") is cosigned by " + cosigned.size() + " of the " + trust.quorum() + " witnesses required",
                                Map.of("cosignedBy", String.join(",", cosigned.keySet())));
                    }
                }
            }
        }

        private void againstTree(TiledTree tree, Checkpoint checkpoint, String what) {
            if (checkpoint.size() > head.size()) {
                add(Kind.TRUNCATED, checkpoint.size(), "a " + what + " has " + checkpoint.size()
                        + " entries, but the tree only " + head.size() + " (the tail was cut off)");
                return;
            }
            byte[] root;
            try {
                root = tree.root(checkpoint.size());
            } catch (TileMissingException e) {
                return; // purged below it: the stored consistency proofs vouch for it
            } catch (TlogException e) {
                add(Kind.TILE_MISMATCH, checkpoint.size(), "the tree of size " + checkpoint.size() + " cannot be computed: " + e.getMessage());
                return;
            }
            if (!Arrays.equals(root, checkpoint.rootHashBytes())) {
                add(Kind.CHECKPOINT_MISMATCH, checkpoint.size(), "the tree's root at size " + checkpoint.size()
                        + " differs from the " + what + " (the log was rewritten)",
                        Map.of("treeRoot", Base64.getEncoder().encodeToString(root), "checkpointRoot", checkpoint.rootHash()));
            }
        }

        // ---- Purges --------------------------------------------------------------------------

        void purges(Collection<TimeMark> knownMarks) {
            long minIndex = head.minIndex();
            Purge previous = null;
            for (Purge purge : purges) {
                Map<String, String> evidence = purge.evidence();
                if (purge.unreadable) {
                    add(Kind.ILLEGAL_PURGE, purge.seq, "a PURGE entry cannot be read", evidence);
                    continue;
                }
                if (purge.cutoff.isAfter(purge.at.minus(trust.retention()))) {
                    add(Kind.ILLEGAL_PURGE, purge.seq, "a purge at " + purge.at + " used the cutoff " + purge.cutoff
                            + ", younger than the published retention of " + trust.retention(), evidence);
                }
                if (purge.lastPurgedAt != null && !purge.lastPurgedAt.isBefore(purge.cutoff)) {
                    add(Kind.ILLEGAL_PURGE, purge.seq, "a purge removed an entry recorded at " + purge.lastPurgedAt
                            + ", not before its cutoff " + purge.cutoff, evidence);
                }
                if (purge.fromIndex > purge.toIndex || purge.toIndex >= purge.seq) {
                    add(Kind.ILLEGAL_PURGE, purge.seq, "a purge claims an impossible range", evidence);
                }
                if (previous != null && purge.fromIndex != previous.toIndex) {
                    add(Kind.ILLEGAL_PURGE, purge.seq, "purges do not form one contiguous prefix: this one starts at "
                            + purge.fromIndex + ", the one before ended at " + previous.toIndex, evidence);
                }
                for (TimeMark mark : knownMarks) {
                    if (mark.seq() - 1 >= purge.fromIndex && mark.seq() - 1 < purge.toIndex && !mark.recordedAt().isBefore(purge.cutoff)) {
                        add(Kind.ILLEGAL_PURGE, mark.seq(), "entry " + mark.seq() + " was recorded at " + mark.recordedAt()
                                + " (you saw it), yet a purge with the cutoff " + purge.cutoff + " removed it", evidence);
                    }
                }
                previous = purge;
            }
            if (minIndex > 0 && (previous == null || previous.toIndex != minIndex)) {
                add(Kind.UNEXPLAINED_START, minIndex + 1, "the log starts at position " + (minIndex + 1)
                        + ", but the newest recorded purge " + (previous == null ? "is missing" : "ends at " + previous.toIndex),
                        Map.of("minIndex", Long.toString(minIndex)));
            }
            for (TimeMark mark : knownMarks) {
                if (mark.seq() <= minIndex && firstSeq > 0 && purges.isEmpty()) {
                    add(Kind.UNEXPLAINED_START, mark.seq(), "entry " + mark.seq() + " (you saw it) is gone without a recorded purge");
                    break;
                }
            }
        }

        // ---- Keys ----------------------------------------------------------------------------

        void keys(DSLContext tx) {
            Set<String> keyTags = new HashSet<>(tx.select(AUDIT_PERSON_KEY.TAG).from(AUDIT_PERSON_KEY).fetch(AUDIT_PERSON_KEY.TAG));
            int reported = 0;
            for (String tag : tags) {
                if (!keyTags.contains(tag) && !erasedTags.containsKey(tag) && reported++ < MAX_TAG_FINDINGS) {
                    add(Kind.KEY_DESTROYED_WITHOUT_ERASE, tagFirstSeen.get(tag), "a person's key is gone without an ERASE entry:"
                            + " their history was hidden unrecorded", Map.of("tag", tag));
                }
            }
            for (Map.Entry<String, Long> erased : erasedTags.entrySet()) {
                if (keyTags.contains(erased.getKey())) {
                    add(Kind.ERASE_KEY_EXISTS, erased.getValue(), "an ERASE entry names a key that still exists (the erasure did not happen)",
                            Map.of("tag", erased.getKey()));
                }
            }
            Set<Integer> dayKeys = new HashSet<>(tx.select(AUDIT_CLIENT_KEY.EPOCH_DAY).from(AUDIT_CLIENT_KEY).fetch(AUDIT_CLIENT_KEY.EPOCH_DAY));
            for (Map.Entry<Integer, Long> day : clientDays.entrySet()) {
                LocalDate date = LocalDate.ofEpochDay(day.getKey());
                if (!dayKeys.contains(day.getKey()) && !date.isBefore(anonymisedBefore)) {
                    add(Kind.CLIENT_KEY_DESTROYED_WITHOUT_ANONYMISE, day.getValue(), "the client-data key of " + date
                            + " is gone without an ANONYMISE entry covering it");
                }
            }
        }
    }

    /**
     * The stored checkpoints and cosignatures as this verification's snapshot holds them, read before
     * the entries, with the log signature of each (Ed25519, the costliest check per checkpoint)
     * checked on a second thread while the entries are read. {@link Run#checkpoints} consults the
     * results one by one, in the order it checked the signatures itself before, so the findings
     * are the same.
     */
    private static final class StoredCheckpoints {
        final List<AuditCheckpointRecord> rows;
        final Map<Long, List<String>> cosignatures;
        /** Per row: whether its signature verifies, null where it is not checked (malformed, other origin), or the failure. */
        private final FutureTask<Object[]> signatures;

        private StoredCheckpoints(List<AuditCheckpointRecord> rows, Map<Long, List<String>> cosignatures, Trust trust) {
            this.rows = rows;
            this.cosignatures = cosignatures;
            this.signatures = new FutureTask<>(() -> {
                Object[] signed = new Object[rows.size()];
                for (int i = 0; i < signed.length; i++) {
                    AuditCheckpointRecord row = rows.get(i);
                    Checkpoint checkpoint;
                    try {
                        checkpoint = CheckpointStore.toCheckpoint(row, cosignatures.getOrDefault(row.getTreeSize(), List.of()));
                    } catch (RuntimeException e) {
                        continue; // reported as malformed, without a signature check
                    }
                    if (checkpoint.origin().equals(trust.origin())) {
                        try {
                            signed[i] = checkpoint.signedBy(trust.logKeys());
                        } catch (RuntimeException e) {
                            signed[i] = e;
                        }
                    }
                }
                return signed;
            });
        }

        static StoredCheckpoints read(DSLContext tx, Trust trust) {
            Map<Long, List<String>> cosignatures = tx.select(AUDIT_COSIGNATURE.TREE_SIZE, AUDIT_COSIGNATURE.SIGNATURE_LINE)
                    .from(AUDIT_COSIGNATURE).fetchGroups(AUDIT_COSIGNATURE.TREE_SIZE, AUDIT_COSIGNATURE.SIGNATURE_LINE);
            List<AuditCheckpointRecord> rows = tx.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.TREE_SIZE).fetch();
            StoredCheckpoints stored = new StoredCheckpoints(rows, cosignatures, trust);
            Threads.daemon("hoheit-audit-verify-signatures", stored.signatures).start();
            return stored;
        }

        /** Whether row {@code i} is signed by a trusted log key ({@link Checkpoint#signedBy}). */
        boolean signed(int i) {
            Object outcome;
            try {
                outcome = signatures.get()[i];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while checking checkpoint signatures");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("the signature check failed", e.getCause());
            }
            if (outcome instanceof RuntimeException failure) {
                throw failure;
            }
            return Boolean.TRUE.equals(outcome);
        }

        /** Stops the signature checks if they are no longer wanted (the verification failed). */
        void cancel() {
            signatures.cancel(true);
        }
    }

    /** A PURGE entry's facts. */
    private record Purge(long seq, Instant at, Instant cutoff, long fromIndex, long toIndex, Instant lastPurgedAt,
                         boolean unreadable, Map<String, String> evidence) {

        static Purge of(StoredEvent event, JsonNode details) {
            Map<String, String> evidence = new LinkedHashMap<>();
            details.properties().forEach(field -> evidence.put(field.getKey(), field.getValue().asText()));
            try {
                return new Purge(event.seq(), event.recordedAt(), Instant.parse(details.get("cutoff").asText()),
                        Long.parseLong(details.get("fromIndex").asText()), Long.parseLong(details.get("toIndex").asText()),
                        details.hasNonNull("lastPurgedAt") ? Instant.parse(details.get("lastPurgedAt").asText()) : null,
                        false, evidence);
            } catch (RuntimeException e) {
                return new Purge(event.seq(), event.recordedAt(), Instant.EPOCH, 0, 0, null, true, evidence);
            }
        }
    }

    /** Walks the level-0 tiles alongside the entries (both in order), hashing each full one. */
    private static final class LeafTiles {
        private final ResultSet rows;
        private final Map<long[], byte[]> roots;
        private long index = -1;
        private byte[] hashes;
        private boolean done;

        LeafTiles(ResultSet rows, Map<long[], byte[]> roots) {
            this.rows = rows;
            this.roots = roots;
        }

        byte[] hash(long leafIndex) throws SQLException {
            long wanted = leafIndex / 256;
            while (!done && index < wanted) {
                advance();
            }
            if (index != wanted || hashes == null) {
                return null;
            }
            int offset = (int) (leafIndex % 256) * 32;
            return offset + 32 <= hashes.length ? Arrays.copyOfRange(hashes, offset, offset + 32) : null;
        }

        private void advance() throws SQLException {
            if (rows.next()) {
                index = rows.getLong(1);
                hashes = rows.getBytes(3);
                if (hashes.length == 256 * 32) {
                    roots.put(new long[] {0, index}, Merkle.rootOf(hashesOf(hashes)));
                }
            } else {
                done = true;
                hashes = null;
            }
        }

        /** Reads (and hashes) the tiles no entry asked for. */
        void finish() throws SQLException {
            while (!done) {
                advance();
            }
        }
    }

    /**
     * The entries in order, each with its leaf hash from the level-0 tiles ({@link LeafTiles#hash},
     * then {@link LeafTiles#finish}), read on a second thread up to a few chunks ahead of the caller,
     * who hashes and checks them: the database sends the next rows while the previous ones are
     * checked. The caller sees the same entries in the same order as if it read them itself, and a
     * failure to read as the same exception. Only the reading thread touches the result sets (and
     * the connection) until {@link #close} has waited for it.
     */
    private static final class EntryStream implements AutoCloseable {

        /** An entry and the leaf hash stored for it (null when its tile has none). */
        record Read(StoredEvent event, byte[] storedLeaf) {
        }

        /** A chunk of entries, the end of them, or why reading stopped. */
        private record Item(List<Read> reads, boolean end, Throwable failure) {
        }

        private static final int CHUNK = 1_000;

        /**
         * Entries per query. The entries are read page by page with one prepared statement (keyset on
         * {@code seq}): drivers that prepare a statement on the server after a few executions (pgjdbc) then
         * fetch the pages in binary, which for {@code bytea} columns is about half the work of hex text.
         */
        static final int PAGE = 20_000;

        private final BlockingQueue<Item> items = new ArrayBlockingQueue<>(4);
        private final Thread reader;
        private volatile boolean stopped;
        private Iterator<Read> current = Collections.emptyIterator();
        private boolean ended;

        private EntryStream(PreparedStatement entries, long size, LeafTiles leafTiles, Database database) {
            this.reader = Threads.daemon("hoheit-audit-verify-reader", () -> read(entries, size, leafTiles, database));
        }

        static EntryStream start(PreparedStatement entries, long size, LeafTiles leafTiles, Database database) {
            EntryStream stream = new EntryStream(entries, size, leafTiles, database);
            stream.reader.start();
            return stream;
        }

        private void read(PreparedStatement entries, long size, LeafTiles leafTiles, Database database) {
            try {
                List<Read> chunk = new ArrayList<>(CHUNK);
                long after = 0;
                int onPage = PAGE;
                while (!stopped && onPage == PAGE) {
                    entries.setLong(1, after);
                    entries.setLong(2, size);
                    onPage = 0;
                    try (ResultSet rows = entries.executeQuery()) {
                        while (!stopped && rows.next()) {
                            StoredEvent event = LogVerifier.read(rows, database);
                            onPage++;
                            after = event.seq();
                            chunk.add(new Read(event, leafTiles.hash(event.seq() - 1)));
                            if (chunk.size() == CHUNK) {
                                hand(new Item(chunk, false, null));
                                chunk = new ArrayList<>(CHUNK);
                            }
                        }
                    }
                }
                if (!stopped) {
                    leafTiles.finish();
                }
                hand(new Item(chunk, true, null));
            } catch (SQLException | RuntimeException | Error e) {
                hand(new Item(List.of(), true, e));
            }
        }

        /** Queues an item, unless the caller stopped listening. */
        private void hand(Item item) {
            boolean interrupted = false;
            while (!stopped) {
                try {
                    if (items.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // the caller waits for this item: keep offering it
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next entry, or null after the last. */
        Read next() throws SQLException {
            while (!current.hasNext()) {
                if (ended) {
                    return null;
                }
                Item item;
                try {
                    item = items.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while verifying the audit log");
                }
                current = item.reads().iterator();
                ended = item.end();
                if (item.failure() != null && !current.hasNext()) {
                    Throwable failure = item.failure();
                    if (failure instanceof SQLException e) {
                        throw e;
                    }
                    if (failure instanceof RuntimeException e) {
                        throw e;
                    }
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException("unexpected failure while reading entries", failure);
                }
            }
            return current.next();
        }

        /** Stops the reading thread and waits for it, so the result sets can be closed. */
        @Override
        public void close() {
            stopped = true;
            boolean interrupted = false;
            while (reader.isAlive()) {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Parent tiles, each read once. */
    private static final class TileReaderCache {
        private final DSLContext tx;
        private final long size;
        private final Map<String, byte[]> read = new HashMap<>();

        TileReaderCache(DSLContext tx, long size) {
            this.tx = tx;
            this.size = size;
        }

        byte[] read(int level, long index) {
            return read.computeIfAbsent(level + "/" + index, key -> {
                try {
                    return TileStore.uncached(tx).read(level, index, TiledTree.widthAt(level, index, size));
                } catch (TlogException e) {
                    return null;
                }
            });
        }
    }

    static StoredEvent read(ResultSet rows, Database database) throws SQLException {
        int clientDay = rows.getInt(14);
        Integer day = rows.wasNull() ? null : clientDay;
        return new StoredEvent(rows.getLong(1), database.getInstant(rows, 2), rows.getString(3),
                rows.getString(4), rows.getBytes(5), rows.getString(6), rows.getBytes(7), rows.getString(8),
                rows.getString(9), rows.getBytes(10), rows.getString(11), rows.getString(12), rows.getBytes(13), day,
                rows.getBytes(15));
    }

    private static List<byte[]> hashesOf(byte[] tile) {
        List<byte[]> hashes = new ArrayList<>(tile.length / 32);
        for (int offset = 0; offset < tile.length; offset += 32) {
            hashes.add(Arrays.copyOfRange(tile, offset, offset + 32));
        }
        return hashes;
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
