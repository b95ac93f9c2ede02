package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CHECKPOINT;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_COSIGNATURE;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditException.Problem;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TiledTree;
import dev.hoheit.audit.internal.jooq.tables.records.AuditCheckpointRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs checkpoints (C2SP tlog-checkpoint bodies in signed notes) and keeps them, each with the
 * consistency proof from the checkpoint before it, and the witnesses' cosignatures beside them.
 *
 * <p>The log never signs a tree that does not extend what it signed before: the newest checkpoint
 * in the {@link LogState} outside the database, and the newest one stored, must both be prefixes
 * of the tree about to be signed (checked with consistency proofs), else sealing is refused.
 */
final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final DSLContext db;
    private final NoteSigner signer;
    private final String origin;
    private final Clock clock;
    private final Optional<LogState> state;

    CheckpointStore(DSLContext db, NoteSigner signer, String origin, Clock clock, Optional<LogState> state) {
        this.db = db;
        this.signer = signer;
        this.origin = origin;
        this.clock = clock;
        this.state = state;
    }

    /** Signs the tree at {@code head} unless a checkpoint of its size exists; returns the stored one. */
    synchronized Checkpoint seal(EntryWriter.Head head) {
        Optional<Checkpoint> remembered = state.flatMap(LogState::latest);
        if (remembered.isPresent() && remembered.get().size() > head.size()) {
            throw refuse("the newest checkpoint this log signed (kept outside the database) has " + remembered.get().size()
                    + " entries, but the stored tree only " + head.size() + ": the database was rolled back or truncated");
        }
        Optional<Checkpoint> existing = atSize(head.size());
        if (existing.isPresent()) {
            state.ifPresent(s -> s.save(existing.get()));
            return existing.get();
        }
        TiledTree tree = new TiledTree(TileStore.uncached(db));
        byte[] root = tree.root(head.size());
        if (remembered.isPresent()) {
            requireExtends(tree, remembered.get(), head, root, "the newest checkpoint this log signed (kept outside the database)", true);
        }
        Optional<Checkpoint> previous = newestBelow(head.size());
        List<byte[]> proof = List.of();
        long previousSize = 0;
        if (previous.isPresent()) {
            proof = requireExtends(tree, previous.get(), head, root, "the newest stored checkpoint", false);
            previousSize = previous.get().size();
        }
        String text = new CheckpointBody(origin, head.size(), root, List.of()).text();
        String note = new Note(text, List.of(signer.sign(text))).format();
        Instant sealedAt = EntryCodec.micros(clock.instant());
        Database.insertUnlessDuplicate(db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.TREE_SIZE, head.size())
                .set(AUDIT_CHECKPOINT.ROOT_HASH, root)
                .set(AUDIT_CHECKPOINT.NOTE, note)
                .set(AUDIT_CHECKPOINT.HEAD_TIME, head.recordedAt())
                .set(AUDIT_CHECKPOINT.SEALED_AT, sealedAt)
                .set(AUDIT_CHECKPOINT.PREVIOUS_SIZE, previousSize)
                .set(AUDIT_CHECKPOINT.PREVIOUS_PROOF, concat(proof)), AUDIT_CHECKPOINT.TREE_SIZE);
        Checkpoint sealed = atSize(head.size()).orElseThrow(() -> new AuditException(Problem.STORAGE,
                "the checkpoint of size " + head.size() + " was not stored"));
        state.ifPresent(s -> s.save(sealed));
        return sealed;
    }

    /** The consistency proof from {@code older} to the tree about to be signed, after checking it. */
    private static List<byte[]> requireExtends(TiledTree tree, Checkpoint older, EntryWriter.Head head, byte[] root, String what,
                                               boolean mayBePurged) {
        if (older.size() > head.size()) {
            throw refuse(what + " has " + older.size() + " entries, but the stored tree only " + head.size()
                    + ": the database was rolled back or truncated");
        }
        List<byte[]> proof;
        try {
            proof = tree.consistencyProof(older.size(), head.size());
        } catch (TileMissingException e) {
            if (!mayBePurged) {
                throw refuse("the tiles that prove " + what + " (size " + older.size() + ") are gone");
            }
            // Purged below the older checkpoint: its consistency was proven when a later checkpoint was sealed.
            LOG.debug("No consistency proof from size {}: its tiles are purged", older.size());
            return List.of();
        }
        if (!Merkle.verifyConsistency(older.size(), head.size(), older.rootHashBytes(), root, proof)) {
            throw refuse("the stored tree does not extend " + what + " (size " + older.size()
                    + "): entries were changed, removed or reordered");
        }
        return proof;
    }

    private static AuditException refuse(String reason) {
        LOG.error("Refusing to sign a checkpoint: {}", reason);
        return new AuditException(Problem.TAMPERED, "refusing to sign a checkpoint: " + reason);
    }

    /** Every stored checkpoint, oldest first, with the cosignatures stored beside it. */
    List<Checkpoint> all() {
        Map<Long, List<String>> cosignatures = db.select(AUDIT_COSIGNATURE.TREE_SIZE, AUDIT_COSIGNATURE.SIGNATURE_LINE)
                .from(AUDIT_COSIGNATURE).orderBy(AUDIT_COSIGNATURE.TREE_SIZE, AUDIT_COSIGNATURE.WITNESS)
                .fetchGroups(AUDIT_COSIGNATURE.TREE_SIZE, AUDIT_COSIGNATURE.SIGNATURE_LINE);
        return db.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.TREE_SIZE)
                .fetch(r -> toCheckpoint(r, cosignatures.getOrDefault(r.getTreeSize(), List.of())));
    }

    /** The checkpoint of exactly {@code size} entries, if one was sealed. */
    Optional<Checkpoint> atSize(long size) {
        return db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.TREE_SIZE.eq(size)).fetchOptional()
                .map(r -> toCheckpoint(r, cosignatureLines(size)));
    }

    /** The smallest checkpoint whose tree contains {@code size} entries or more. */
    Optional<Checkpoint> firstAtOrAbove(long size) {
        return db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.TREE_SIZE.ge(size))
                .orderBy(AUDIT_CHECKPOINT.TREE_SIZE).limit(1).fetchOptional()
                .map(r -> toCheckpoint(r, cosignatureLines(r.getTreeSize())));
    }

    /** The newest checkpoint, if any. */
    Optional<Checkpoint> newest() {
        return db.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.TREE_SIZE.desc()).limit(1).fetchOptional()
                .map(r -> toCheckpoint(r, cosignatureLines(r.getTreeSize())));
    }

    private Optional<Checkpoint> newestBelow(long size) {
        return db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.TREE_SIZE.lt(size))
                .orderBy(AUDIT_CHECKPOINT.TREE_SIZE.desc()).limit(1).fetchOptional()
                .map(r -> toCheckpoint(r, List.of()));
    }

    private List<String> cosignatureLines(long size) {
        return db.select(AUDIT_COSIGNATURE.SIGNATURE_LINE).from(AUDIT_COSIGNATURE)
                .where(AUDIT_COSIGNATURE.TREE_SIZE.eq(size)).orderBy(AUDIT_COSIGNATURE.WITNESS)
                .fetch(AUDIT_COSIGNATURE.SIGNATURE_LINE);
    }

    /** The stored note with the cosignature lines stored beside it appended (a note may carry any number of signatures). */
    static Checkpoint toCheckpoint(AuditCheckpointRecord r, List<String> cosignatureLines) {
        String note = r.getNote();
        if (!cosignatureLines.isEmpty()) {
            note = note + cosignatureLines.stream().map(line -> line.endsWith("\n") ? line : line + "\n")
                    .filter(line -> !r.getNote().contains(line)).collect(Collectors.joining());
        }
        return new Checkpoint(CheckpointBody.parse(Note.parse(r.getNote()).text()).origin(), r.getTreeSize(),
                Base64.getEncoder().encodeToString(r.getRootHash()), note, r.getHeadTime(), r.getSealedAt());
    }

    static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * Merkle.HASH_SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
        }
        return out;
    }

    static List<byte[]> split(byte[] concatenated) {
        List<byte[]> hashes = new ArrayList<>(concatenated.length / Merkle.HASH_SIZE);
        for (int offset = 0; offset + Merkle.HASH_SIZE <= concatenated.length; offset += Merkle.HASH_SIZE) {
            hashes.add(java.util.Arrays.copyOfRange(concatenated, offset, offset + Merkle.HASH_SIZE));
        }
        return hashes;
    }
}
