package dev.hoheit.consent.internal;

import static dev.hoheit.consent.internal.ConsentLibrary.CHECKS;
import static dev.hoheit.consent.internal.ConsentLibrary.LIBRARY;

import dev.hoheit.transaction.internal.Library;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.Choice;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentException;
import dev.hoheit.consent.ConsentException.Problem;
import dev.hoheit.consent.ConsentListener;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.ConsentState;
import dev.hoheit.consent.ConsentStatus;
import dev.hoheit.consent.Decision;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.GrantEvent;
import dev.hoheit.consent.GrantOrigin;
import dev.hoheit.consent.GrantRequest;
import dev.hoheit.consent.GrantStatus;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.Purpose;
import dev.hoheit.consent.ReceiptFormat;
import dev.hoheit.consent.SubjectPage;
import dev.hoheit.consent.SubjectRecords;
import dev.hoheit.consent.Subscription;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * The jOOQ-backed {@link ConsentService}. Every write is atomic: one transaction of its own, or a
 * savepoint in the caller's transaction when the service joins one ({@link ConsentConfig#transactions()}).
 */
public final class DefaultConsentService implements ConsentService {

    private static final int PUBLISH_ATTEMPTS = 3;

    private final TransactionRunner transactions;
    private final ConsentConfig config;
    private final JooqPurposeRepository purposes = new JooqPurposeRepository();
    private final JooqDecisionRepository decisions = new JooqDecisionRepository();
    private final JooqGrantRepository grants = new JooqGrantRepository();
    private final Listeners listeners = new Listeners();
    private final ReceiptRenderer receipts;

    /** Use {@link ConsentService#create}. */
    public DefaultConsentService(DataSource dataSource, ConsentConfig config) {
        this.transactions = LIBRARY.transactions(dataSource, config.transactions(), config.schema());
        this.config = config;
        this.receipts = new ReceiptRenderer(config);
    }

    /** The clock's time to the microsecond, the precision both databases store, so a stored time never lies ahead of it. */
    private Instant now() {
        return config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    // ---- Purposes and notices -------------------------------------------------------------

    @Override
    public Purpose definePurpose(Purpose purpose) {
        CHECKS.required("purpose", purpose);
        return LIBRARY.guard("define a purpose", () -> {
            for (int attempt = 1; ; attempt++) {
                Optional<Purpose> existing = purposes.find(transactions.context(), purpose.id());
                if (existing.isPresent()) {
                    if (!existing.get().equals(purpose)) {
                        throw new ConsentException(Problem.CONFLICT, "purpose " + purpose.id()
                                + " is already defined differently; a changed purpose needs a new id");
                    }
                    return existing.get();
                }
                try {
                    transactions.write(ctx -> {
                        purposes.insert(ctx, purpose, now());
                        return null;
                    });
                    return purpose;
                } catch (DataAccessException e) {
                    if (!Library.isConstraintViolation(e) || attempt >= 2) {
                        throw e;
                    }
                }
            }
        });
    }

    @Override
    public Optional<Purpose> purpose(String purposeId) {
        String id = CHECKS.id("purpose id", purposeId);
        return LIBRARY.guard("read a purpose", () -> purposes.find(transactions.context(), id));
    }

    @Override
    public List<Purpose> purposes() {
        return LIBRARY.guard("list purposes", () -> purposes.all(transactions.context()));
    }

    @Override
    public List<Purpose> purposesFor(String role) {
        String r = CHECKS.id("role", role);
        return purposes().stream().filter(p -> p.appliesTo(r)).toList();
    }

    @Override
    public Notice publishNotice(NoticeDraft draft) {
        CHECKS.required("notice draft", draft);
        return publish(draft, null);
    }

    @Override
    public Notice publishTranslation(int version, NoticeDraft draft) {
        CHECKS.required("notice draft", draft);
        return publish(draft, version);
    }

    private Notice publish(NoticeDraft draft, Integer translationOf) {
        for (int attempt = 1; ; attempt++) {
            try {
                return LIBRARY.guard("publish a notice", () -> transactions.write(ctx -> {
                    requirePurpose(ctx, draft.purposeId());
                    int version;
                    if (translationOf == null) {
                        Optional<Notice> unchanged = newestInLanguage(ctx, draft.purposeId(), draft.language())
                                .filter(newest -> newest.sha256().equals(draft.sha256())
                                        && (draft.url() == null || newest.url().equals(Optional.of(draft.url()))));
                        if (unchanged.isPresent()) {
                            return unchanged.get(); // the same wording again: nobody is asked again
                        }
                        version = purposes.nextNoticeVersion(ctx, draft.purposeId());
                    } else {
                        version = translationOf;
                        if (!purposes.versionExists(ctx, draft.purposeId(), version)) {
                            throw new ConsentException(Problem.UNKNOWN_NOTICE, "notice " + draft.purposeId()
                                    + " v" + version + " does not exist, so it cannot be translated");
                        }
                        if (purposes.findNotice(ctx, new NoticeRef(draft.purposeId(), version, draft.language())).isPresent()) {
                            throw new ConsentException(Problem.CONFLICT, "notice " + draft.purposeId() + " v" + version
                                    + " already exists in language " + draft.language());
                        }
                    }
                    Instant published = now();
                    Instant effective = draft.effectiveFrom() == null ? published : draft.effectiveFrom();
                    return purposes.insertNotice(ctx, new NoticeRef(draft.purposeId(), version, draft.language()),
                            draft, effective, published);
                }));
            } catch (ConsentException e) {
                // Two publishers picked the same next version; the loser tries again with the next one.
                boolean raced = e.problem() == Problem.STORAGE && e.getCause() instanceof DataAccessException d
                        && Library.isConstraintViolation(d);
                if (!raced || attempt >= PUBLISH_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The highest version of a purpose's notice in {@code language}, whether in effect yet or not. */
    private Optional<Notice> newestInLanguage(DSLContext ctx, String purposeId, String language) {
        return purposes.notices(ctx, purposeId).stream()
                .filter(notice -> notice.language().equals(language))
                .max(java.util.Comparator.comparingInt(Notice::version));
    }

    @Override
    public Optional<Notice> notice(NoticeRef ref) {
        CHECKS.required("notice reference", ref);
        return LIBRARY.guard("read a notice", () -> purposes.findNotice(transactions.context(), ref));
    }

    @Override
    public Optional<Notice> latestNotice(String purposeId, String language) {
        String id = CHECKS.id("purpose id", purposeId);
        String lang = CHECKS.id("language", language);
        return LIBRARY.guard("read the latest notice", () -> purposes.latestNotice(transactions.context(), id, lang, now()));
    }

    @Override
    public List<Notice> notices(String purposeId) {
        String id = CHECKS.id("purpose id", purposeId);
        return LIBRARY.guard("list notices", () -> purposes.notices(transactions.context(), id));
    }

    // ---- Decisions -------------------------------------------------------------------------

    @Override
    public Decision record(DecisionRequest request) {
        return recordAll(List.of(CHECKS.required("decision request", request))).get(0);
    }

    @Override
    public List<Decision> recordAll(List<DecisionRequest> requests) {
        CHECKS.required("decision requests", requests);
        if (requests.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        for (DecisionRequest request : requests) {
            CHECKS.required("decision request", request);
            if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
                throw new ConsentException(Problem.EXPIRY_IN_PAST, "expiry " + request.expiresAt()
                        + " of the decision on " + request.purposeId() + " is not in the future");
            }
        }
        Map<Decision, Purpose> withdrawn = new LinkedHashMap<>();
        List<Decision> stored = LIBRARY.guard("record decisions", () -> transactions.write(ctx -> {
            new TreeSet<>(requests.stream().map(DecisionRequest::subjectId).toList())
                    .forEach(subject -> decisions.lockSubject(ctx, subject));
            List<Decision> result = new ArrayList<>(requests.size());
            for (DecisionRequest request : requests) {
                Purpose purpose = requirePurpose(ctx, request.purposeId());
                NoticeRef notice = request.notice();
                long sequence = decisions.nextSequence(ctx, request.subjectId());
                if (request.choice() == Choice.WITHDRAWN) {
                    Decision current = decisions.latest(ctx, request.subjectId(), request.purposeId(), now)
                            .filter(d -> d.statusAt(now) == ConsentStatus.GRANTED)
                            .orElseThrow(() -> new ConsentException(Problem.ILLEGAL_STATE, "purpose "
                                    + request.purposeId() + " is not currently granted, so there is nothing to withdraw"));
                    notice = current.notice();
                } else if (purposes.findNotice(ctx, notice).isEmpty()) {
                    throw new ConsentException(Problem.UNKNOWN_NOTICE, "notice " + notice + " does not exist");
                }
                Decision decision = new Decision(UUID.randomUUID(), request.subjectId(), sequence, notice,
                        request.choice(), request.subjectRole(), request.method(), now,
                        Optional.ofNullable(request.expiresAt()), Optional.ofNullable(request.evidence()));
                decisions.insert(ctx, decision);
                result.add(decision);
                if (decision.choice() == Choice.WITHDRAWN) {
                    withdrawn.put(decision, purpose);
                }
            }
            return result;
        }));
        withdrawn.forEach((decision, purpose) ->
                listeners.fire("withdrawal", listener -> listener.onWithdrawn(decision, purpose)));
        return stored;
    }

    @Override
    public ConsentState state(String subjectId, String purposeId) {
        String subject = CHECKS.id("subject id", subjectId);
        String id = CHECKS.id("purpose id", purposeId);
        return LIBRARY.guard("read a consent state", () -> {
            Purpose purpose = requirePurpose(transactions.context(), id);
            Instant now = now();
            return stateOf(purpose, decisions.latest(transactions.context(), subject, id, now), now);
        });
    }

    @Override
    public List<ConsentState> states(String subjectId) {
        String subject = CHECKS.id("subject id", subjectId);
        return LIBRARY.guard("read consent states", () -> {
            Instant now = now();
            Map<String, Decision> latest = new LinkedHashMap<>();
            for (Decision decision : decisions.history(transactions.context(), subject)) {
                if (!decision.decidedAt().isAfter(now)) {
                    latest.put(decision.purposeId(), decision);
                }
            }
            return purposes.all(transactions.context()).stream()
                    .map(purpose -> stateOf(purpose, Optional.ofNullable(latest.get(purpose.id())), now))
                    .toList();
        });
    }

    private ConsentState stateOf(Purpose purpose, Optional<Decision> decision, Instant now) {
        ConsentStatus status = decision.map(d -> d.statusAt(now)).orElse(ConsentStatus.UNDECIDED);
        boolean latest = status == ConsentStatus.GRANTED && decision.get().notice().version()
                >= purposes.latestVersion(transactions.context(), purpose.id(), now).orElse(0);
        return new ConsentState(purpose, status, decision, latest);
    }

    @Override
    public boolean isGranted(String subjectId, String purposeId, Instant instant) {
        String subject = CHECKS.id("subject id", subjectId);
        String id = CHECKS.id("purpose id", purposeId);
        Instant at = CHECKS.instant("instant", instant);
        return LIBRARY.guard("check a consent", () -> {
            requirePurpose(transactions.context(), id);
            return decisions.latest(transactions.context(), subject, id, at).map(d -> d.statusAt(at).isGranted()).orElse(false);
        });
    }

    @Override
    public boolean hasAcceptedLatestNotice(String subjectId, String purposeId) {
        return state(subjectId, purposeId).latestNoticeAccepted();
    }

    @Override
    public List<Purpose> purposesToAsk(String subjectId, String role) {
        String r = CHECKS.id("role", role);
        return states(subjectId).stream()
                .filter(state -> state.purpose().appliesTo(r))
                .filter(state -> state.status() == ConsentStatus.UNDECIDED
                        || state.status() == ConsentStatus.EXPIRED
                        || (state.status() == ConsentStatus.GRANTED && !state.latestNoticeAccepted())
                        || (state.purpose().required() && state.status() != ConsentStatus.GRANTED))
                .map(ConsentState::purpose)
                .toList();
    }

    @Override
    public List<Decision> history(String subjectId) {
        String subject = CHECKS.id("subject id", subjectId);
        return LIBRARY.guard("read a consent history", () -> decisions.history(transactions.context(), subject));
    }

    @Override
    public Optional<Decision> decision(UUID decisionId) {
        UUID id = CHECKS.uuid("decision id", decisionId);
        return LIBRARY.guard("read a decision", () -> decisions.find(transactions.context(), id));
    }

    @Override
    public SubjectPage subjectsGranting(String purposeId, String after, int limit) {
        String id = CHECKS.id("purpose id", purposeId);
        if (limit < 1 || limit > 1000) {
            throw CHECKS.invalid("page limit must be between 1 and 1000, was " + limit);
        }
        String cursor = after == null ? null : CHECKS.id("page cursor", after);
        return LIBRARY.guard("list subjects granting a purpose", () -> {
            requirePurpose(transactions.context(), id);
            List<String> ids = decisions.subjectsGranting(transactions.context(), id, cursor, limit + 1, now());
            boolean more = ids.size() > limit;
            List<String> page = more ? ids.subList(0, limit) : ids;
            return new SubjectPage(page, more ? Optional.of(page.get(page.size() - 1)) : Optional.empty());
        });
    }

    // ---- Access grants ---------------------------------------------------------------------

    @Override
    public AccessGrant grantAccess(GrantRequest request) {
        CHECKS.required("grant request", request);
        Instant now = now();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new ConsentException(Problem.EXPIRY_IN_PAST, "expiry " + request.expiresAt() + " of the grant is not in the future");
        }
        UUID id = UUID.randomUUID();
        GrantStatus initial = request.origin() == GrantOrigin.SELF ? GrantStatus.ACTIVE : GrantStatus.PENDING;
        return LIBRARY.guard("make an access grant", () -> transactions.write(ctx -> {
            grants.insert(ctx, id, request, now);
            grants.appendEvent(ctx, id, initial, request.requestedBy(), now, null);
            return grants.find(ctx, id, now).orElseThrow();
        }));
    }

    @Override
    public AccessGrant accept(UUID grantId, String actorId) {
        return step(grantId, actorId, null, GrantStatus.ACTIVE);
    }

    @Override
    public AccessGrant decline(UUID grantId, String actorId, String reason) {
        return step(grantId, actorId, reason, GrantStatus.DECLINED);
    }

    @Override
    public AccessGrant revoke(UUID grantId, String actorId, String reason) {
        AccessGrant revoked = step(grantId, actorId, reason, GrantStatus.REVOKED);
        fireRevoked(revoked);
        return revoked;
    }

    private AccessGrant step(UUID grantId, String actorId, String reason, GrantStatus target) {
        UUID id = CHECKS.uuid("grant id", grantId);
        String actor = CHECKS.id("actor id", actorId);
        String why = CHECKS.optionalReason(reason);
        Instant now = now();
        return LIBRARY.guard("change an access grant", () -> transactions.write(ctx -> {
            if (!grants.lock(ctx, id)) {
                throw new ConsentException(Problem.UNKNOWN_GRANT, "access grant " + id + " does not exist");
            }
            AccessGrant grant = grants.find(ctx, id, now).orElseThrow();
            checkTransition(grant, actor, target);
            grants.appendEvent(ctx, id, target, actor, now, why);
            return grants.find(ctx, id, now).orElseThrow();
        }));
    }

    private static void checkTransition(AccessGrant grant, String actor, GrantStatus target) {
        if (grant.status().isFinal()) {
            throw new ConsentException(Problem.ILLEGAL_STATE, "access grant " + grant.id() + " is already "
                    + grant.status() + " and cannot become " + target);
        }
        if (target == GrantStatus.ACTIVE || target == GrantStatus.DECLINED) {
            if (grant.status() != GrantStatus.PENDING) {
                throw new ConsentException(Problem.ILLEGAL_STATE, "access grant " + grant.id() + " is "
                        + grant.status() + "; only a pending grant can be accepted or declined");
            }
            if (!grant.subjectId().equals(actor)) {
                throw new ConsentException(Problem.ILLEGAL_STATE, "only the subject of access grant "
                        + grant.id() + " may accept or decline it");
            }
        }
    }

    @Override
    public List<AccessGrant> revokeAllTo(String granteeId, String actorId, String reason) {
        String grantee = CHECKS.id("grantee id", granteeId);
        String actor = CHECKS.id("actor id", actorId);
        String why = CHECKS.optionalReason(reason);
        Instant now = now();
        List<AccessGrant> revoked = LIBRARY.guard("revoke access grants", () -> transactions.write(ctx -> {
            List<AccessGrant> result = new ArrayList<>();
            for (AccessGrant grant : grants.byGrantee(ctx, grantee, now)) {
                if (!grant.status().isFinal() && grants.lock(ctx, grant.id())) {
                    AccessGrant current = grants.find(ctx, grant.id(), now).orElseThrow();
                    if (!current.status().isFinal()) {
                        grants.appendEvent(ctx, grant.id(), GrantStatus.REVOKED, actor, now, why);
                        result.add(grants.find(ctx, grant.id(), now).orElseThrow());
                    }
                }
            }
            return result;
        }));
        revoked.forEach(this::fireRevoked);
        return revoked;
    }

    private void fireRevoked(AccessGrant grant) {
        List<GrantEvent> history = grantHistory(grant.id());
        GrantEvent event = history.get(history.size() - 1);
        listeners.fire("revocation", listener -> listener.onRevoked(grant, event));
    }

    @Override
    public boolean permits(String granteeId, String subjectId, String scope, Instant instant) {
        String grantee = CHECKS.id("grantee id", granteeId);
        String subject = CHECKS.id("subject id", subjectId);
        String s = CHECKS.id("scope", scope);
        Instant at = CHECKS.instant("instant", instant);
        return LIBRARY.guard("check an access grant", () -> grants.permittingGrantId(transactions.context(), grantee, subject, s, at))
                .isPresent();
    }

    @Override
    public Optional<AccessGrant> permittingGrant(String granteeId, String subjectId, String scope, Instant instant) {
        String grantee = CHECKS.id("grantee id", granteeId);
        String subject = CHECKS.id("subject id", subjectId);
        String s = CHECKS.id("scope", scope);
        Instant at = CHECKS.instant("instant", instant);
        return LIBRARY.guard("check an access grant", () -> transactions.read(ctx -> grants.permittingGrantId(ctx, grantee, subject, s, at)
                .flatMap(id -> grants.find(ctx, UUID.fromString(id), at))));
    }

    @Override
    public Optional<AccessGrant> grant(UUID grantId) {
        UUID id = CHECKS.uuid("grant id", grantId);
        return LIBRARY.guard("read an access grant", () -> grants.find(transactions.context(), id, now()));
    }

    @Override
    public List<AccessGrant> grantsOf(String subjectId) {
        String subject = CHECKS.id("subject id", subjectId);
        return LIBRARY.guard("list access grants", () -> grants.bySubject(transactions.context(), subject, now()));
    }

    @Override
    public List<AccessGrant> grantsTo(String granteeId) {
        String grantee = CHECKS.id("grantee id", granteeId);
        return LIBRARY.guard("list access grants", () -> grants.byGrantee(transactions.context(), grantee, now()));
    }

    @Override
    public List<GrantEvent> grantHistory(UUID grantId) {
        UUID id = CHECKS.uuid("grant id", grantId);
        return LIBRARY.guard("read an access grant history", () -> grants.history(transactions.context(), id));
    }

    // ---- Listeners, receipts, subject rights -----------------------------------------------

    @Override
    public Subscription addListener(ConsentListener listener) {
        return listeners.add(CHECKS.required("listener", listener));
    }

    @Override
    public String receipt(UUID decisionId, ReceiptFormat format) {
        UUID id = CHECKS.uuid("decision id", decisionId);
        CHECKS.required("receipt format", format);
        return LIBRARY.guard("render a receipt", () -> {
            Decision decision = decisions.find(transactions.context(), id).orElseThrow(() ->
                    new ConsentException(Problem.UNKNOWN_DECISION, "decision " + id + " does not exist"));
            Purpose purpose = requirePurpose(transactions.context(), decision.purposeId());
            Notice notice = purposes.findNotice(transactions.context(), decision.notice()).orElseThrow();
            return switch (format) {
                case KANTARA_V1_1 -> receipts.kantara(decision, purpose, notice);
                case ISO_IEC_TS_27560 -> receipts.iso27560(decision, purpose, notice,
                        decisions.history(transactions.context(), decision.subjectId(), decision.purposeId(), decision.sequence()));
            };
        });
    }

    @Override
    public SubjectRecords exportSubject(String subjectId, OutputStream out) {
        String subject = CHECKS.id("subject id", subjectId);
        CHECKS.required("output stream", out);
        // One transaction, so the export is a consistent snapshot even while the subject acts.
        return LIBRARY.guard("export a subject", () -> transactions.write(ctx -> {
            Instant now = now();
            List<Decision> history = decisions.history(ctx, subject);
            List<AccessGrant> over = grants.bySubject(ctx, subject, now);
            List<AccessGrant> to = grants.byGrantee(ctx, subject, now);
            long events = 0;
            try (JsonGenerator json = ConsentJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeStringField("format", "hoheit-consent-export/1");
                json.writeStringField("subjectId", subject);
                json.writeStringField("exportedAt", now.toString());
                json.writeArrayFieldStart("decisions");
                for (Decision decision : history) {
                    json.writeTree(ConsentJson.decision(decision));
                }
                json.writeEndArray();
                events += writeGrants(ctx, json, "grantsOverMyData", over);
                events += writeGrants(ctx, json, "grantsToMe", to);
                json.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("Writing the consent export failed", e);
            }
            return new SubjectRecords(history.size(), over.size(), to.size(), events);
        }));
    }

    private long writeGrants(DSLContext ctx, JsonGenerator json, String field, List<AccessGrant> list) throws IOException {
        long events = 0;
        json.writeArrayFieldStart(field);
        for (AccessGrant grant : list) {
            List<GrantEvent> history = grants.history(ctx, grant.id());
            events += history.size();
            json.writeTree(ConsentJson.grant(grant, history));
        }
        json.writeEndArray();
        return events;
    }

    @Override
    public SubjectRecords eraseSubject(String subjectId) {
        String subject = CHECKS.id("subject id", subjectId);
        return LIBRARY.guard("erase a subject", () -> transactions.write(ctx -> {
            long erasedDecisions = decisions.deleteSubject(ctx, subject);
            long[] erasedGrants = grants.deleteSubject(ctx, subject);
            return new SubjectRecords(erasedDecisions, erasedGrants[0], erasedGrants[1], erasedGrants[2]);
        }));
    }

    private Purpose requirePurpose(DSLContext ctx, String purposeId) {
        return purposes.find(ctx, purposeId).orElseThrow(() ->
                new ConsentException(Problem.UNKNOWN_PURPOSE, "purpose " + purposeId + " is not defined"));
    }
}
