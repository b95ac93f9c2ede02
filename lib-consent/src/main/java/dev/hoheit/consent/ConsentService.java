package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import dev.hoheit.consent.internal.DefaultConsentService;
import dev.hoheit.consent.internal.ConsentLibrary;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Consent as proof, and access grants between people. Thread-safe; create one per data source with
 * {@link #create} and share it.
 *
 * <pre>{@code
 * ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(controller));
 * consent.definePurpose(Purpose.required("terms", "Terms of use").forRoles("mentee"));
 * Notice terms = consent.publishNotice(NoticeDraft.ofText("terms", "de", termsText));
 * consent.record(DecisionRequest.grant("mentee-42", terms.ref()).as("mentee").via("checkbox"));
 * boolean ok = consent.state("mentee-42", "terms").status().isGranted();
 * }</pre>
 *
 * <p>All methods throw {@link ConsentException} on bad input or a database failure; when they do,
 * nothing of the failed call was stored.
 *
 * @since 0.1
 */
public interface ConsentService {

    /**
     * Creates a service on {@code dataSource}, migrating its schema first unless
     * {@link ConsentConfig#migrate()} is off; then it checks that the schema is current and fails with
     * {@link ConsentException.Problem#SCHEMA_MISMATCH} if not. The service does not own the data source: closing it is
     * the host's job.
     */
    static ConsentService create(DataSource dataSource, ConsentConfig config) {
        CHECKS.required("dataSource", dataSource);
        CHECKS.required("config", config);
        if (config.migrate()) {
            ConsentSchema.migrate(dataSource, config.schema());
        } else {
            ConsentLibrary.requireCurrent(dataSource, config.schema());
        }
        return new DefaultConsentService(dataSource, config);
    }

    // ---- Purposes and notices -------------------------------------------------------------

    /**
     * Defines a purpose. Defining the same purpose again is a no-op; defining a different purpose
     * under an existing id fails with {@link ConsentException.Problem#CONFLICT}.
     */
    Purpose definePurpose(Purpose purpose);

    /** The purpose with this id, if defined. */
    Optional<Purpose> purpose(String purposeId);

    /** All purposes, by id. */
    List<Purpose> purposes();

    /** The purposes subjects in {@code role} are asked about (each role has its own terms), by id. */
    List<Purpose> purposesFor(String role);

    /**
     * Publishes the next version of a purpose's notice; earlier versions stay as they were. Publishing
     * the wording of the newest version in that language again (the same SHA-256, and the same URL
     * when one is given) publishes nothing and returns that version, so a host can publish its texts
     * at every start without asking everyone again.
     */
    Notice publishNotice(NoticeDraft draft);

    /** Adds a language to an existing notice version (the same version, translated). */
    Notice publishTranslation(int version, NoticeDraft draft);

    /** The notice with this purpose, version and language, if published. */
    Optional<Notice> notice(NoticeRef ref);

    /** The highest notice version of a purpose in force now, in {@code language}. */
    Optional<Notice> latestNotice(String purposeId, String language);

    /** Every notice of a purpose, by version and language. */
    List<Notice> notices(String purposeId);

    // ---- Decisions -------------------------------------------------------------------------

    /** Records one decision, appended to the subject's history. */
    Decision record(DecisionRequest request);

    /** Records several decisions atomically (the checkboxes of one registration form): all or none. */
    List<Decision> recordAll(List<DecisionRequest> requests);

    /** Where {@code subjectId} stands on {@code purposeId} now. */
    ConsentState state(String subjectId, String purposeId);

    /** Where {@code subjectId} stands on every defined purpose now, by purpose id. */
    List<ConsentState> states(String subjectId);

    /** Whether {@code subjectId} had granted {@code purposeId} at {@code instant} (and it had not expired). */
    boolean isGranted(String subjectId, String purposeId, Instant instant);

    /** Whether the current grant refers to the latest notice version in force; false means ask again. */
    boolean hasAcceptedLatestNotice(String subjectId, String purposeId);

    /**
     * The purposes to put before a subject in {@code role} now: those never decided, and granted ones
     * whose notice has a newer version. Refusals are respected and not asked again.
     */
    List<Purpose> purposesToAsk(String subjectId, String role);

    /** Every decision of a subject, oldest first. */
    List<Decision> history(String subjectId);

    /** One decision by id. */
    Optional<Decision> decision(UUID decisionId);

    /**
     * Subjects who currently grant {@code purposeId}, in ascending id order, after {@code after}
     * (null for the first page), at most {@code limit} (1 to 1000) per page.
     */
    SubjectPage subjectsGranting(String purposeId, String after, int limit);

    // ---- Access grants ---------------------------------------------------------------------

    /** Makes an access grant: active at once when the subject made it, else pending their acceptance. */
    AccessGrant grantAccess(GrantRequest request);

    /** The subject accepts a pending grant. Only the subject may accept. */
    AccessGrant accept(UUID grantId, String actorId);

    /** The subject declines a pending grant. Only the subject may decline. */
    AccessGrant decline(UUID grantId, String actorId, String reason);

    /** Ends a pending or active grant at once. The caller decides who may revoke; the actor is recorded. */
    AccessGrant revoke(UUID grantId, String actorId, String reason);

    /** Revokes every pending or active grant to {@code granteeId} (the operator withdraws mentor rights). */
    List<AccessGrant> revokeAllTo(String granteeId, String actorId, String reason);

    /**
     * The one check to call before showing data: whether {@code granteeId} may see {@code scope} of
     * {@code subjectId}'s data at {@code instant}.
     */
    boolean permits(String granteeId, String subjectId, String scope, Instant instant);

    /**
     * The grant that lets {@code granteeId} see {@code scope} of {@code subjectId}'s data at
     * {@code instant} (the oldest, if several do), or empty when none does: {@link #permits} and
     * the grant to name in the audit record of the view, in one query.
     *
     * @since 0.2
     */
    Optional<AccessGrant> permittingGrant(String granteeId, String subjectId, String scope, Instant instant);

    /** One grant by id, with its current status. */
    Optional<AccessGrant> grant(UUID grantId);

    /** Grants over {@code subjectId}'s data, newest first, including pending and ended ones. */
    List<AccessGrant> grantsOf(String subjectId);

    /** Grants given to {@code granteeId}, newest first, including pending and ended ones. */
    List<AccessGrant> grantsTo(String granteeId);

    /** The steps of one grant, oldest first. */
    List<GrantEvent> grantHistory(UUID grantId);

    // ---- Listeners, receipts, subject rights -----------------------------------------------

    /** Registers a listener for withdrawals and revocations. */
    Subscription addListener(ConsentListener listener);

    /** Renders a stored decision as a standard receipt (JSON, UTF-8). */
    String receipt(UUID decisionId, ReceiptFormat format);

    /**
     * Writes everything stored about a subject as one JSON document (format
     * {@code hoheit-consent-export/1}, documented in the README): their decisions, grants over their
     * data and grants to them, with history. The stream is not closed.
     */
    SubjectRecords exportSubject(String subjectId, OutputStream out);

    /** Erases everything stored about a subject, atomically (GDPR Art. 17). No listener is called. */
    SubjectRecords eraseSubject(String subjectId);
}
