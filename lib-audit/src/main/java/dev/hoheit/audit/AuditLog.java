package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.internal.AuditLibrary;
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
 * A tamper-evident log of what everyone did and who viewed whose data, which forgets on schedule
 * (after the retention the host sets, 12 months for a usage log) and stays verifiable: an RFC 6962
 * Merkle tree stored as C2SP tlog-tiles, with C2SP checkpoints signed by the controller and
 * cosigned by independent witnesses.
 *
 * <pre>{@code
 * try (AuditLog log = AuditLog.create(dataSource, AuditConfig.of(AuditKeys.loadOrCreate(keyDir)))) {
 *     log.append(AuditEvent.of(Actor.of("mentor-7", "mentor"), AuditAction.VIEW, Resource.of("plan", "w12"))
 *             .about("mentee-42").allowedBy("grant:81c2"));
 *     AuditPage whoViewedMe = log.bySubjectFromOthers("mentee-42", AuditQuery.newest(50));
 *     VerificationReport report = log.verify();
 * }
 * }</pre>
 *
 * <p><b>The three states of an event.</b> {@link #append} writes it to an outbox, one INSERT: it is
 * <em>durable</em> once that commits, in a transaction of the log's own or, with
 * {@link dev.hoheit.transaction.Transactions#joining}, in the caller's (and gone if the caller rolls
 * back). An integrator moves committed events into the Merkle tree in the order it finds them: then
 * an event is <em>integrated</em>, has a position and appears in queries, exports and proofs
 * ({@link #awaitIntegrated}, {@link #appendIntegrated}, {@link #flush}). It is <em>witnessed</em>
 * once a checkpoint covering it carries the configured quorum of witness cosignatures
 * ({@link #seal}). The integration lag ({@link #integrationLag}) is normally milliseconds.
 *
 * <p>Several instances may share one database: each runs an integrator, one of them (elected by a
 * PostgreSQL advisory lock or a MariaDB {@code GET_LOCK}, on H2 by a lease row) integrates and the others stand by and take
 * over when it stops or dies. Appends take no shared lock. The log owns background threads for
 * integration, batched appends and witnesses; close it.
 *
 * @since 0.1
 */
public interface AuditLog extends AutoCloseable {

    /**
     * Creates a log on {@code dataSource}, migrating the schema first unless {@link AuditConfig#migrate()}
     * is off; then it checks that the schema is current and fails with
     * {@link AuditException.Problem#SCHEMA_MISMATCH} if not.
     */
    static AuditLog create(DataSource dataSource, AuditConfig config) {
        CHECKS.required("dataSource", dataSource);
        CHECKS.required("config", config);
        if (config.migrate()) {
            AuditSchema.migrate(dataSource, config.schema());
        } else {
            AuditLibrary.requireCurrent(dataSource, config.schema());
        }
        return new DefaultAuditLog(dataSource, config);
    }

    // ---- Writing ---------------------------------------------------------------------------

    /**
     * Appends one event: a single INSERT into the outbox, in the caller's transaction when the log
     * joins one, else in a transaction of its own. Returns when the event is durable (or, joined,
     * will be once the caller commits); it is integrated shortly after.
     *
     * @throws AuditException when it could not be stored; then nothing of it is stored
     * @since 0.2 (returned an {@link AuditReceipt} before)
     */
    Appended append(AuditEvent event);

    /**
     * Appends one event in a transaction of its own and waits until it is integrated, for a caller
     * that needs its position (a proof, a receipt to show).
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_STATE}) inside a caller's open
     *         transaction (the event cannot be integrated before that commits); ({@link
     *         AuditException.Problem#TIMEOUT}) when no integrator took it within 30 seconds, in which
     *         case it is durable and will be integrated
     * @since 0.2
     */
    AuditReceipt appendIntegrated(AuditEvent event);

    /**
     * Waits until an appended event is integrated, by this instance's integrator or another's.
     *
     * @param appended what {@link #append} returned (after the caller's transaction committed, if it joined one)
     * @param timeout how long to wait at most
     * @return its position, recording time and leaf hash
     * @throws AuditException ({@link AuditException.Problem#TIMEOUT}) when it was not integrated in time
     * @since 0.2
     */
    AuditReceipt awaitIntegrated(Appended appended, java.time.Duration timeout);

    /**
     * Queues an event for the next group commit into the outbox, always in a transaction of the
     * log's own (the writing threads cannot join the caller's). The future completes when the event
     * is durable, or fails when it could not be stored. When the buffer is full this call waits
     * (back-pressure); it never drops an event. Two writers commit batches side by side, so events
     * of different batches may take positions in another order than they were queued; a caller
     * that needs its events in order appends them with {@link #append}.
     */
    CompletableFuture<Appended> appendBatched(AuditEvent event);

    /**
     * Waits until every event queued for a group commit so far is durable and every event durable
     * now is integrated. A large backlog may take its time, as long as it shrinks.
     *
     * @throws AuditException ({@link AuditException.Problem#TIMEOUT}) when integration made no
     *         progress for 30 seconds (no integrator running, or one that keeps failing)
     */
    void flush();

    /**
     * How long the oldest event waiting in the outbox has waited (zero when none waits): the
     * integrator's lag, a health metric.
     *
     * @since 0.2
     */
    java.time.Duration integrationLag();

    /**
     * Whether this instance's integrator is the one integrating now (the others stand by).
     *
     * @since 0.2
     */
    boolean integrating();

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

    /** Events about a person's data, newest first ("who viewed my data"). */
    AuditPage bySubject(String subjectId, AuditQuery query);

    /**
     * Events about a person's data that someone else did, newest first: {@link #bySubject} without the
     * person's own acts, filtered and paged in the database, so a page is full however many own reads
     * lie between the views of others ("who viewed my data"). Events without an actor count as
     * someone else's.
     *
     * @since 0.3
     */
    AuditPage bySubjectFromOthers(String subjectId, AuditQuery query);

    /** Events a person did, newest first ("what did I do"). */
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
     * destroying its day keys (IP addresses are kept a few days only), and records that as an ANONYMISE event.
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
     * their events become unreadable for good, while the tree still verifies. The key is destroyed
     * in the same transaction that integrates the ERASE entry naming its tag, so a key destroyed
     * without one shows in every verification. Joined to a caller's transaction, the erasure is
     * durable when that commits (and nothing happens if it rolls back) and takes effect at its
     * integration; in a transaction of its own, the call returns once the key is destroyed.
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
