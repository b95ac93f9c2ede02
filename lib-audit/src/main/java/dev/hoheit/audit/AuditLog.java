package dev.hoheit.audit;

import dev.hoheit.audit.internal.DefaultAuditLog;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * A tamper-evident log of what everyone did and who viewed whose data (R5-R7, R12), which forgets
 * on schedule (R34) and stays verifiable: an RFC 6962 Merkle tree stored as C2SP tlog-tiles, with
 * C2SP checkpoints signed by the controller and cosigned by independent witnesses.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.create(dataSource, AuditConfig.of(AuditKeys.loadOrCreate(keyDir)))) {
 *     log.append(AuditEvent.of(Actor.of("mentor-7", "mentor"), AuditAction.VIEW, Resource.of("plan", "w12"))
 *             .about("mentee-42").allowedBy("grant:81c2"));
 *     AuditPage whoViewedMe = log.bySubject("mentee-42", AuditQuery.newest(50));
 *     VerificationReport report = log.verify();
 * }
 * }</pre>
 *
 * <p>Several instances may write to one database: appends are serialised on the tree's head, so
 * the tree never forks. The log owns background threads for batched appends and for submitting
 * checkpoints to witnesses; close it.
 *
 * @since 0.1
 */
public interface AuditLog extends AutoCloseable {

    /** Creates a log on {@code dataSource}, migrating the schema first unless {@link AuditConfig#migrate()} is off. */
    static AuditLog create(DataSource dataSource, AuditConfig config) {
        Checks.required("dataSource", dataSource);
        Checks.required("config", config);
        if (config.migrate()) {
            AuditSchema.migrate(dataSource);
        }
        return new DefaultAuditLog(dataSource, config);
    }

    // ---- Writing ---------------------------------------------------------------------------

    /**
     * Appends one event and returns once it is durable.
     *
     * @throws AuditException when it could not be stored; then it is not in the log
     */
    AuditReceipt append(AuditEvent event);

    /**
     * Queues an event for the next group commit. The future completes when the event is durable, or
     * fails when it could not be stored. When the buffer is full this call waits (back-pressure);
     * it never drops an event.
     */
    CompletableFuture<AuditReceipt> appendBatched(AuditEvent event);

    /** Waits until every event queued so far is durable. */
    void flush();

    // ---- Tamper evidence -------------------------------------------------------------------

    /**
     * Signs the current tree (or returns the checkpoint of its size if it is already sealed) and,
     * when witnesses are configured, waits for their cosignatures.
     *
     * @throws AuditException ({@link AuditException.Problem#TAMPERED}) when the stored tree does not
     *         extend the newest checkpoint this log signed: the log never signs a rewritten history
     */
    Checkpoint seal();

    /** Every stored checkpoint, oldest first, with its cosignatures; export them and keep them outside the database. */
    List<Checkpoint> checkpoints();

    /**
     * The newest stored checkpoint with its cosignatures (served as {@code <prefix>/checkpoint}).
     *
     * @since 0.2
     */
    Optional<Checkpoint> latestCheckpoint();

    /**
     * Verifies the retained log: entries against the tree's tiles, tiles against each other,
     * checkpoints (signatures by this log's keys, roots, consistency with one another and with the
     * newest checkpoint kept in the state directory), witness quorum, purges and erasures.
     */
    VerificationReport verify();

    /**
     * Verifies the log as {@link #verify()} does, and against {@code trusted} checkpoints exported
     * earlier, which also reveals a rollback, a cut-off tail or a fork.
     */
    VerificationReport verify(Collection<Checkpoint> trusted);

    /** Proof that the event at {@code seq} is in a signed checkpoint's tree (sealing the tree first if needed). */
    InclusionProof prove(long seq);

    /**
     * Proof that the tree of {@code newSize} entries extends the tree of {@code oldSize} entries.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for sizes outside the
     *         tree, or an old size below the purged prefix
     * @since 0.2
     */
    ConsistencyProof proveConsistency(long oldSize, long newSize);

    /**
     * How many entries the tree has.
     *
     * @since 0.2
     */
    long treeSize();

    /**
     * The hashes of tile {@code index} at {@code level} with {@code width} hashes (256 for a full
     * tile), as served at {@code <prefix>/tile/<L>/<N>[.p/<W>]} (C2SP tlog-tiles).
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for a tile the tree
     *         does not have at that width, or one below the purged prefix
     * @since 0.2
     */
    byte[] tile(int level, long index, int width);

    /**
     * The stored (encrypted) entries of bundle {@code index}, {@code width} of them, as served at
     * {@code <prefix>/tile/entries/<N>[.p/<W>]} (C2SP tlog-tiles). Hand them to auditors only:
     * they hold no clear personal data, but they are the log's content.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for a bundle the tree
     *         does not have at that width, or one reaching below the purged prefix
     * @since 0.2
     */
    byte[] entryBundle(long index, int width);

    // ---- Reading ---------------------------------------------------------------------------

    /** Events about a person's data, newest first ("who viewed my data", R6). */
    AuditPage bySubject(String subjectId, AuditQuery query);

    /** Events a person did, newest first ("what did I do", R7). */
    AuditPage byActor(String actorId, AuditQuery query);

    /** All events, newest first, filtered by time range and action. */
    AuditPage search(AuditQuery query);

    // ---- Retention and subject rights ----------------------------------------------------

    /**
     * Removes every event recorded before {@code cutoff}, with the level-0 tiles below it (C2SP
     * tlog-tiles pruning), and records the purge as a PURGE entry (cutoff, policy, range). Every
     * earlier checkpoint and every proof for retained events still verifies.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for a cutoff younger
     *         than the published retention ({@link AuditConfig#retention()}), or
     *         ({@link AuditException.Problem#TAMPERED}) when entries are missing that no earlier
     *         purge removed: then nothing is removed, so the gap stays visible
     */
    PurgeResult purgeBefore(Instant cutoff);

    /**
     * Makes client data (IP address, user agent) recorded before {@code cutoff} unreadable by
     * destroying its day keys (R28), and records that as an ANONYMISE event.
     *
     * @return how many day keys were destroyed
     */
    int anonymiseClientDataBefore(Instant cutoff);

    /** When the oldest retained event was recorded, if there is one (for retention checks). */
    Optional<Instant> oldestEvent();

    /** The oldest day whose client data (IP address, user agent) can still be read, if any. */
    Optional<LocalDate> oldestReadableClientData();

    /** How many retained events a person did and how many concern their data (cheap: no decryption). */
    SubjectAuditRecords countSubject(String subjectId);

    /** Writes every event about or by a person, decrypted, as JSON ({@code hoheit-audit-export/1}). */
    SubjectAuditRecords exportSubject(String subjectId, OutputStream out);

    /**
     * Erases a person's fields by destroying their key: their id, the resources and details of
     * their events become unreadable for good, while the tree still verifies. Recorded first as an
     * ERASE entry naming the destroyed tag, so a key destroyed without one shows in every verification.
     */
    SubjectAuditRecords eraseSubject(String subjectId);

    /** The public key that verifies this log's checkpoints, in PEM form. */
    String publicKeyPem();

    /**
     * The note verifier key of this log's current signing key ({@code <origin>+<key id>+<base64 key>},
     * C2SP signed-note), to hand to auditors and witnesses.
     *
     * @since 0.2
     */
    String verifierKey();

    /**
     * The log's name, the first line of its checkpoints.
     *
     * @since 0.2
     */
    String origin();

    /** Writes what is queued, then stops the background writer. */
    @Override
    void close();
}
