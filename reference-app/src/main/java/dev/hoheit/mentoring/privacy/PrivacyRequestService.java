package dev.hoheit.mentoring.privacy;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PRIVACY_REQUEST;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.mentoring.internal.jooq.tables.records.AppPrivacyRequestRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Privacy requests from a person to the operator — an objection (GDPR Art. 21), a question or a
 * complaint — with the deadline of Art. 12(3): an answer within one month of receipt, extendable once
 * by two further months when the operator tells the person why before the first month ends. Texts are
 * encrypted under the person's key, so erasing the person makes them unreadable with everything else.
 */
public final class PrivacyRequestService {

    /** What the person asks for. */
    public enum Kind {
        /** An objection to a processing (Art. 21). */
        OBJECTION,
        /** A question about the processing of her data. */
        QUESTION,
        /** A complaint about how her data is handled. */
        COMPLAINT;

        /** The kind named by {@code name} (case-insensitive); 400 otherwise. */
        public static Kind parse(String name) {
            if (name != null) {
                for (Kind kind : values()) {
                    if (kind.name().equalsIgnoreCase(name.strip())) {
                        return kind;
                    }
                }
            }
            throw AppException.badRequest(ErrorCode.PRIVACY_KIND_INVALID, "kind is objection, question or complaint");
        }

        /** The kind as the API names it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A request and where it stands. */
    public record PrivacyRequest(String id, String accountId, Kind kind, Optional<String> text, Instant receivedAt, Instant dueAt,
                                 Optional<String> extensionReason, Optional<String> answer, Optional<Instant> answeredAt) {

        /** Whether the operator answered. */
        public boolean answered() {
            return answeredAt.isPresent();
        }

        /** Whether the deadline passed without an answer. */
        public boolean overdue(Instant now) {
            return !answered() && now.isAfter(dueAt);
        }

        /** Whole days until the deadline, rounded up; negative once it passed. */
        public long daysLeft(Instant now) {
            Duration left = Duration.between(now, dueAt);
            long days = left.toDays();
            return left.isNegative() ? days : (left.minusDays(days).isZero() ? days : days + 1);
        }
    }

    /** The longest text of a request or an answer. */
    public static final int MAX_TEXT = 5_000;

    private final DSLContext db;
    private final PersonKeys keys;
    private final Clock clock;

    public PrivacyRequestService(DSLContext db, PersonKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** Files a request; its deadline is one month from now (Art. 12(3)). */
    public PrivacyRequest file(String accountId, Kind kind, String text) {
        String body = text(text, "the request");
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant due = now.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        db.insertInto(APP_PRIVACY_REQUEST)
                .set(APP_PRIVACY_REQUEST.REQUEST_ID, id).set(APP_PRIVACY_REQUEST.ACCOUNT_ID, accountId)
                .set(APP_PRIVACY_REQUEST.KIND, kind.name()).set(APP_PRIVACY_REQUEST.TEXT_ENC, keys.sealText(accountId, context(id, "text"), body))
                .set(APP_PRIVACY_REQUEST.RECEIVED_AT, now).set(APP_PRIVACY_REQUEST.DUE_AT, due).execute();
        return new PrivacyRequest(id, accountId, kind, Optional.of(body), now, due, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A person's requests, newest first. */
    public List<PrivacyRequest> of(String accountId) {
        return db.selectFrom(APP_PRIVACY_REQUEST).where(APP_PRIVACY_REQUEST.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_PRIVACY_REQUEST.RECEIVED_AT.desc(), APP_PRIVACY_REQUEST.REQUEST_ID).fetch(this::request);
    }

    /** The operator's queue: unanswered ones first, the nearest deadline first; then answered ones, newest answer first. */
    public List<PrivacyRequest> queue(boolean openOnly, int offset, int limit) {
        return db.selectFrom(APP_PRIVACY_REQUEST)
                .where(openOnly ? APP_PRIVACY_REQUEST.ANSWERED_AT.isNull() : DSL.noCondition())
                .orderBy(DSL.when(APP_PRIVACY_REQUEST.ANSWERED_AT.isNull(), DSL.inline(0)).otherwise(DSL.inline(1)),
                        APP_PRIVACY_REQUEST.DUE_AT, APP_PRIVACY_REQUEST.ANSWERED_AT.desc(), APP_PRIVACY_REQUEST.REQUEST_ID)
                .offset(offset).limit(limit).fetch(this::request);
    }

    /** One request; 404 when there is none (an id of any length or shape is just not found). */
    public PrivacyRequest find(String requestId) {
        return Optional.ofNullable(requestId).filter(id -> id.length() == 36)
                .flatMap(id -> db.selectFrom(APP_PRIVACY_REQUEST).where(APP_PRIVACY_REQUEST.REQUEST_ID.eq(id)).fetchOptional(this::request))
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.PRIVACY_REQUEST_NOT_FOUND, "no such privacy request"));
    }

    /** The operator's answer; 409 if the request was answered already. */
    public PrivacyRequest answer(String requestId, String text) {
        PrivacyRequest request = find(requestId);
        String body = text(text, "the answer");
        Instant now = clock.instant();
        int updated = db.update(APP_PRIVACY_REQUEST)
                .set(APP_PRIVACY_REQUEST.ANSWER_ENC, keys.sealText(request.accountId(), context(request.id(), "answer"), body))
                .set(APP_PRIVACY_REQUEST.ANSWERED_AT, now)
                .where(APP_PRIVACY_REQUEST.REQUEST_ID.eq(request.id())).and(APP_PRIVACY_REQUEST.ANSWERED_AT.isNull()).execute();
        if (updated == 0) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.PRIVACY_REQUEST_ANSWERED, "this request was answered already");
        }
        return find(request.id());
    }

    /**
     * Extends the deadline by two further months (Art. 12(3)): once, before the first month ends, with
     * the reasons the person is shown; 409 otherwise.
     */
    public PrivacyRequest extend(String requestId, String reason) {
        PrivacyRequest request = find(requestId);
        String body = text(reason, "the reason");
        if (request.answered()) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.PRIVACY_REQUEST_ANSWERED, "this request was answered already");
        }
        if (request.extensionReason().isPresent()) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.PRIVACY_EXTENSION_USED, "the deadline was extended already; Art. 12(3) allows it once");
        }
        if (request.overdue(clock.instant())) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.PRIVACY_EXTENSION_TOO_LATE, "the month has passed: an extension must be told within it (Art. 12(3))");
        }
        Instant due = request.receivedAt().atZone(ZoneOffset.UTC).plusMonths(3).toInstant();
        db.update(APP_PRIVACY_REQUEST)
                .set(APP_PRIVACY_REQUEST.EXTENSION_ENC, keys.sealText(request.accountId(), context(request.id(), "extension"), body))
                .set(APP_PRIVACY_REQUEST.DUE_AT, due)
                .where(APP_PRIVACY_REQUEST.REQUEST_ID.eq(request.id())).and(APP_PRIVACY_REQUEST.EXTENSION_ENC.isNull()).execute();
        return find(request.id());
    }

    long count(String accountId) {
        return db.fetchCount(APP_PRIVACY_REQUEST, APP_PRIVACY_REQUEST.ACCOUNT_ID.eq(accountId));
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_PRIVACY_REQUEST).where(APP_PRIVACY_REQUEST.ACCOUNT_ID.eq(accountId)).execute();
    }

    private PrivacyRequest request(AppPrivacyRequestRecord r) {
        String id = r.getRequestId();
        String owner = r.getAccountId();
        return new PrivacyRequest(id, owner, Kind.valueOf(r.getKind()), keys.openText(owner, context(id, "text"), r.getTextEnc()),
                r.getReceivedAt(), r.getDueAt(),
                Optional.ofNullable(r.getExtensionEnc()).flatMap(enc -> keys.openText(owner, context(id, "extension"), enc)),
                Optional.ofNullable(r.getAnswerEnc()).flatMap(enc -> keys.openText(owner, context(id, "answer"), enc)),
                Optional.ofNullable(r.getAnsweredAt()));
    }

    private static String context(String requestId, String field) {
        return "privacy-request:" + requestId + ":" + field;
    }

    private static String text(String text, String what) {
        if (text == null || text.isBlank() || text.strip().length() > MAX_TEXT) {
            throw AppException.unprocessable(ErrorCode.PRIVACY_TEXT_LENGTH.with("max", 5000), what + " has 1 to 5,000 characters");
        }
        return text.strip();
    }
}
