package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TlogException;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Conflict;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refusal;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refused;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A C2SP tlog-witness (c2sp.org/tlog-witness), independent of HTTP: it cosigns a log's checkpoint
 * only if the checkpoint is validly signed by the log and provably extends the latest checkpoint it
 * cosigned for that log, so the log cannot show two different histories to two readers who both
 * check for its cosignature.
 *
 * <p>The checks of {@link #addCheckpoint(AddCheckpointRequest)}, in the specification's order: the
 * note parses and is a checkpoint (else 400); its origin is witnessed (else 404); a trusted log key's
 * signature verifies and none fails (else 403); the old size is not above the checkpoint's (else 400);
 * the old size is the latest cosigned size (else 409 with that size); the empty tree has the empty
 * root, a proof from size 0 is empty, equal sizes have equal roots, and otherwise the consistency
 * proof verifies (else 422). Then the new checkpoint is written to disk, and only then cosigned.
 * Requests for one log are handled one at a time, so a slower request can never roll back a faster one.
 *
 * <p>A checkpoint of the latest cosigned size with a different root, validly signed by the log, is
 * proof that the log forked: it is refused and both checkpoints are kept under {@code evidence/} in
 * the state directory.
 *
 * @since 0.2
 */
public final class Witness implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Witness.class);

    private final Cosigner cosigner;
    private final Map<String, List<NoteVerifier>> logs;
    private final Clock clock;
    private final StateDirectory state;
    private final Map<String, ReentrantLock> locks = new LinkedHashMap<>();
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    /** The latest cosigned checkpoint of a log, and the note as it was stored. */
    private record Latest(CheckpointBody checkpoint, Note note) {
    }

    private Witness(WitnessConfig config, StateDirectory state) {
        this.cosigner = config.cosigner();
        this.logs = config.logs();
        this.clock = config.clock();
        this.state = state;
        for (String origin : logs.keySet()) {
            locks.put(origin, new ReentrantLock());
        }
    }

    /**
     * Opens a witness: locks its state directory (creating it if needed) and reads the latest
     * cosigned checkpoint of every configured log.
     *
     * @param config the configuration
     * @return the witness; close it to release the state directory
     * @throws IOException if the state directory cannot be created or locked (another witness uses
     *     it), or a state file cannot be read or is damaged
     * @since 0.2
     */
    public static Witness open(WitnessConfig config) throws IOException {
        StateDirectory state = StateDirectory.open(config.stateDirectory());
        try {
            Witness witness = new Witness(config, state);
            for (String origin : config.logs().keySet()) {
                Optional<Note> note = state.read(origin);
                if (note.isPresent()) {
                    witness.latest.put(origin, new Latest(CheckpointBody.parse(note.get().text()), note.get()));
                }
            }
            return witness;
        } catch (IOException | RuntimeException e) {
            state.close();
            throw e;
        }
    }

    /**
     * The witness's cosigner (its name and key).
     *
     * @since 0.2
     */
    public Cosigner cosigner() {
        return cosigner;
    }

    /**
     * Whether the witness witnesses the log with this origin.
     *
     * @param origin a log origin
     * @return whether it is configured
     * @since 0.2
     */
    public boolean witnesses(String origin) {
        return logs.containsKey(origin);
    }

    /**
     * The origins of the witnessed logs, in configuration order.
     *
     * @since 0.2
     */
    public List<String> origins() {
        return List.copyOf(logs.keySet());
    }

    /**
     * The latest checkpoint this witness cosigned for a log, as a note with the log's verified
     * signatures and the witness's cosignature (what tlog-witness monitors fetch).
     *
     * @param origin a log origin
     * @return the note, or empty if the witness never cosigned a checkpoint of that log
     * @since 0.2
     */
    public Optional<Note> latestCheckpoint(String origin) {
        Latest current = latest.get(origin);
        return current == null ? Optional.empty() : Optional.of(current.note());
    }

    /**
     * Checks a checkpoint against the latest one cosigned for its log and, if it extends it,
     * records it and cosigns it.
     *
     * @param request the parsed request
     * @return the cosignature, the conflict, or the refusal
     * @throws UncheckedIOException if the new checkpoint cannot be written to disk (then it is not cosigned)
     * @since 0.2
     */
    public AddCheckpointResult addCheckpoint(AddCheckpointRequest request) {
        Note note;
        CheckpointBody checkpoint;
        try {
            note = Note.parse(request.checkpointNote());
            checkpoint = CheckpointBody.parse(note.text());
        } catch (TlogException e) {
            return new Refused(Refusal.MALFORMED, "malformed checkpoint: " + e.getMessage());
        }
        String origin = checkpoint.origin();
        List<NoteVerifier> keys = logs.get(origin);
        if (keys == null) {
            return new Refused(Refusal.UNKNOWN_ORIGIN, "unknown log origin " + origin);
        }
        List<NoteSignature> logSignatures;
        try {
            logSignatures = note.verifiedBy(keys);
        } catch (TlogException e) {
            return new Refused(Refusal.UNTRUSTED, "invalid signature: " + e.getMessage());
        }
        if (logSignatures.isEmpty()) {
            return new Refused(Refusal.UNTRUSTED, "no signature by a trusted key of " + origin);
        }
        if (request.oldSize() > checkpoint.size()) {
            return new Refused(Refusal.MALFORMED, "old size " + request.oldSize() + " is above the checkpoint size " + checkpoint.size());
        }
        ReentrantLock lock = locks.get(origin);
        lock.lock();
        try {
            return extend(request, checkpoint, new Note(note.text(), logSignatures));
        } finally {
            lock.unlock();
        }
    }

    private AddCheckpointResult extend(AddCheckpointRequest request, CheckpointBody checkpoint, Note signed) {
        String origin = checkpoint.origin();
        Latest current = latest.get(origin);
        long latestSize = current == null ? 0 : current.checkpoint().size();
        long oldSize = request.oldSize();
        if (oldSize != latestSize) {
            return new Conflict(latestSize);
        }
        List<byte[]> proof = request.consistencyProof();
        byte[] root = checkpoint.rootHash();
        if (checkpoint.size() == 0 && !MessageDigest.isEqual(root, Merkle.emptyRoot())) {
            return new Refused(Refusal.INCONSISTENT, "a checkpoint of size 0 must have the empty tree's root");
        }
        if (oldSize == 0) {
            if (!proof.isEmpty()) {
                return new Refused(Refusal.INCONSISTENT, "a consistency proof from size 0 must be empty");
            }
        } else if (oldSize == checkpoint.size()) {
            if (!MessageDigest.isEqual(root, current.checkpoint().rootHash())) {
                return fork(origin, current, signed);
            }
            if (!proof.isEmpty()) {
                return new Refused(Refusal.INCONSISTENT, "a consistency proof between equal sizes must be empty");
            }
        } else if (!Merkle.verifyConsistency(oldSize, checkpoint.size(), current.checkpoint().rootHash(), root, proof)) {
            LOG.info("Refused a checkpoint of {} at size {}: the consistency proof from size {} does not verify",
                    origin, checkpoint.size(), oldSize);
            return new Refused(Refusal.INCONSISTENT, "the consistency proof from size " + oldSize + " to size "
                    + checkpoint.size() + " does not verify");
        }
        long timestamp = clock.instant().getEpochSecond();
        NoteSignature cosignature = cosigner.cosign(signed.text(), timestamp);
        Note cosigned = signed.withSignatures(List.of(cosignature));
        try {
            state.write(origin, cosigned);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the checkpoint of " + origin + " at size " + checkpoint.size(), e);
        }
        latest.put(origin, new Latest(checkpoint, cosigned));
        LOG.debug("Cosigned {} at size {}", origin, checkpoint.size());
        return new Cosigned(checkpoint, cosignature);
    }

    private AddCheckpointResult fork(String origin, Latest current, Note signed) {
        long size = current.checkpoint().size();
        String message = "the log signed two different checkpoints of size " + size;
        try {
            Instant now = clock.instant();
            String evidence = "# Two checkpoints of " + origin + " at size " + size + ", both signed by the log\n"
                    + "# cosigned earlier by this witness:\n" + current.note().format()
                    + "# submitted " + now + ":\n" + signed.format();
            LOG.warn("Log {} forked: a second checkpoint of size {} with a different root; kept as {}",
                    origin, size, state.writeEvidence(origin, now, evidence));
        } catch (IOException e) {
            LOG.warn("Log {} forked at size {}; the evidence could not be written: {}", origin, size, e.toString());
        }
        return new Refused(Refusal.INCONSISTENT, message);
    }

    /**
     * Releases the state directory.
     *
     * @throws IOException if the lock cannot be released
     * @since 0.2
     */
    @Override
    public void close() throws IOException {
        state.close();
    }
}
