package dev.hoheit.retention;

import dev.hoheit.retention.internal.DefaultRetentionService;
import dev.hoheit.retention.spi.PersonalDataStore;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Retention, subject rights and auditor verification over every registered store.
 *
 * <pre>{@code
 * RetentionService retention = RetentionService.create(dataSource, RetentionConfig.of(auditLog)
 *         .withStore(Stores.audit(auditLog)).withStore(Stores.consent(consent)).withStore(myPlansStore)
 *         .withPolicy(RetentionPolicy.delete(Stores.USAGE_LOG, Duration.ofDays(365), "usage log kept 12 months")));
 * retention.exportSubject("mentee-42", zipOut);           // Art. 15, 20
 * ErasureReceipt receipt = retention.eraseSubject("mentee-42", "subject");   // Art. 17
 * AuditorReport report = retention.verify();
 * }</pre>
 *
 * <p>The service owns a scheduler thread only after {@link #startScheduler}; close it then.
 *
 * @since 0.1
 */
public interface RetentionService extends AutoCloseable {

    /** Creates the service, migrating its schema first unless {@link RetentionConfig#migrate()} is off. */
    static RetentionService create(DataSource dataSource, RetentionConfig config) {
        return DefaultRetentionService.create(dataSource, config);
    }

    /** Every registered store, the service's own included, in registration order. */
    List<PersonalDataStore> stores();

    // ---- Retention -------------------------------------------------------------------------

    /**
     * Applies every policy now, finishing any interrupted earlier run first (with that run's
     * cutoffs), and retries incomplete erasures. Records a report in the database and the audit log.
     *
     * @throws RetentionException ({@link RetentionException.Problem#ALREADY_RUNNING}) if another run is in progress
     */
    RunReport runDuePolicies();

    /** Runs {@link #runDuePolicies()} every {@code interval} on a thread of its own; the schedule is recorded for auditors. */
    void startScheduler(Duration interval);

    /** The latest runs, newest first. */
    List<RunReport> runs(int limit);

    /** Places a legal hold on {@code subjects}, or on everyone when empty. */
    LegalHold placeHold(String reason, Set<String> subjects);

    /** Lifts a hold. */
    LegalHold liftHold(UUID holdId);

    /** The holds in force. */
    List<LegalHold> activeHolds();

    // ---- Subject rights --------------------------------------------------------------------

    /**
     * Writes everything stored about a person, from every registered store, as a ZIP to {@code out}
     * (GDPR Art. 15, 20): one JSON file per store, files as files, {@code manifest.json} listing
     * every store with its record count (0 included) and a readable {@code index.html}. Streams;
     * the stream is not closed.
     */
    default ExportSummary exportSubject(String subjectId, OutputStream out) {
        return exportSubject(subjectId, out, ExportOptions.defaults());
    }

    /**
     * Writes the export like {@link #exportSubject(String, OutputStream)}, with {@code index.html}
     * in the person's language and words: names instead of ids, and every store's content as
     * tables (the consent receipts listed with it).
     *
     * @since 0.2
     */
    ExportSummary exportSubject(String subjectId, OutputStream out, ExportOptions options);

    /**
     * Erases a person from every registered store (GDPR Art. 17). A store that fails leaves the
     * erasure incomplete; it is retried by every run and reported by {@link #verify()} until done.
     *
     * @param requestedBy the role that asked ({@code subject}, {@code operator}); never an id
     * @throws RetentionException ({@link RetentionException.Problem#LEGAL_HOLD}) if the person is held
     */
    ErasureReceipt eraseSubject(String subjectId, String requestedBy);

    /** Retries every incomplete erasure now; returns their receipts. */
    List<ErasureReceipt> retryIncompleteErasures();

    /** The latest erasure receipts, newest first. */
    List<ErasureReceipt> erasures(int limit);

    /** Restricts processing of a person's data (GDPR Art. 18). */
    void restrict(String subjectId, String reason);

    /**
     * Lifts the restriction of processing of a person's data ({@link #restrict}); a no-op when there is none.
     *
     * @since 0.2
     */
    void liftRestriction(String subjectId);

    /**
     * Lifts a restriction.
     *
     * @deprecated the name did not say what it lifts (beside {@link #liftHold}); use {@link #liftRestriction}
     */
    @Deprecated(since = "0.2", forRemoval = true)
    default void lift(String subjectId) {
        liftRestriction(subjectId);
    }

    /** Why processing of this person's data is restricted, if it is. */
    Optional<String> restriction(String subjectId);

    /** Whether a store may process this person's data now (not restricted). */
    default boolean processingAllowed(String subjectId) {
        return restriction(subjectId).isEmpty();
    }

    // ---- Auditor ---------------------------------------------------------------------------

    /**
     * Checks that nothing is kept longer than its policy says, that the audit log verifies, that
     * every requested erasure completed and that every scheduled run happened.
     */
    AuditorReport verify();

    /** Stops the scheduler, if started. */
    @Override
    void close();
}
