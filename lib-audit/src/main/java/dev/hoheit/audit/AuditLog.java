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
 * on schedule (R34) and stays verifiable.
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
 * <p>Several instances may write to one database: appends are serialised on the chain's head, so
 * the chain never forks. The log owns one background thread for batched appends; close it.
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

    /** Signs the current head (or returns the checkpoint of the head if it is already sealed). */
    Checkpoint seal();

    /** Every stored checkpoint, oldest first; export them and keep them outside the database. */
    List<Checkpoint> checkpoints();

    /** Verifies the retained chain and the stored checkpoints. */
    VerificationReport verify();

    /**
     * Verifies the retained chain against the stored checkpoints and against {@code trusted}
     * checkpoints exported earlier, which also reveals a cut-off tail.
     */
    VerificationReport verify(Collection<Checkpoint> trusted);

    /** Proof that the event at {@code seq} is sealed by a checkpoint (sealing the head first if needed). */
    InclusionProof prove(long seq);

    // ---- Reading ---------------------------------------------------------------------------

    /** Events about a person's data, newest first ("who viewed my data", R6). */
    AuditPage bySubject(String subjectId, AuditQuery query);

    /** Events a person did, newest first ("what did I do", R7). */
    AuditPage byActor(String actorId, AuditQuery query);

    /** All events, newest first, filtered by time range and action. */
    AuditPage search(AuditQuery query);

    // ---- Retention and subject rights ----------------------------------------------------

    /**
     * Deletes every event recorded before {@code cutoff} and records the purge as a PURGE event
     * (count, range, boundary hash). The chain stays verifiable from the first retained event.
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
     * their events become unreadable for good, while the chain still verifies. Recorded as an ERASE event.
     */
    SubjectAuditRecords eraseSubject(String subjectId);

    /** The public key that verifies this log's checkpoints, in PEM form. */
    String publicKeyPem();

    /** Writes what is queued, then stops the background writer. */
    @Override
    void close();
}
