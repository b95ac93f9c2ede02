package dev.hoheit.mentoring.supervision;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SUPERVISION_CASE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SUPERVISION_MESSAGE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.mentoring.internal.jooq.tables.records.AppSupervisionCaseRecord;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Supervision (R26): a mentor asks a supervisor for advice on one of her mentees' planning, and the
 * case holds only a pseudonymised view of it: a random label instead of the mentee, weeks relative to
 * the opening instead of dates, durations and plan structure instead of texts ({@link CaseSnapshot}),
 * and the mentor's own question, notes and the exchange, each text checked first ({@link CaseTexts}).
 * Everything a case holds is encrypted under the mentee's key.
 *
 * <p>A case is open until the mentor closes it or the mentee objects; then the supervisor no longer
 * reads it, its view of the planning is dropped, and the exchange is deleted 12 months later (the
 * retention policy on {@link #CATEGORY}). Revoking the mentor's grant, restricting processing and
 * erasing the mentee delete her cases at once; withdrawing supervisor rights closes that supervisor's.
 */
public final class SupervisionService {

    /** The data category of cases, for the retention policy (deleted 12 months after closing). */
    public static final String CATEGORY = "supervision-cases";

    /** The audit resource type of a case, as "who viewed my data" shows it. */
    public static final String RESOURCE = "supervision-case";

    /** Where a case stands. */
    public enum Status { OPEN, CLOSED }

    /** Why a case was closed. */
    public enum CloseReason {
        /** The mentor closed it. */
        CLOSED_BY_MENTOR,
        /** The mentee objected (GDPR Art. 21). */
        OBJECTION,
        /** The operator withdrew the supervisor's rights. */
        SUPERVISOR_RIGHTS_WITHDRAWN;

        /** The reason as the API names it. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Who wrote a message in a case. */
    public enum Author { MENTOR, SUPERVISOR }

    /** A case without its content. */
    public record Case(String id, String label, String menteeId, String mentorId, String supervisorId, Status status, Instant openedAt,
                       Optional<Instant> closedAt, Optional<CloseReason> closeReason) {

        /** Whether the case is open. */
        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /** One message of the exchange; {@code week} is relative to the week the case was opened. */
    public record Message(String id, Author author, int week, Instant writtenAt, String text) {
    }

    /** A case with what it holds; the snapshot is gone once the case is closed. */
    public record Content(Case summary, Optional<Map<String, Object>> snapshot, String question, Optional<String> notes,
                          List<Message> messages) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LABEL_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String UNREADABLE = "(unreadable)";

    private final DSLContext db;
    private final PersonKeys keys;
    private final ConsentService consent;
    private final AccountService accounts;
    private final SmoffTimeService smoffTime;
    private final PlanService plans;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SupervisionService(DSLContext db, PersonKeys keys, ConsentService consent, AccountService accounts, SmoffTimeService smoffTime,
                              PlanService plans, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.consent = consent;
        this.accounts = accounts;
        this.smoffTime = smoffTime;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * The mentor's grant over {@code menteeId} if it permits her Smoff-Time now (every mentor grant
     * does); empty otherwise, and the caller refuses through the access guard, which records the attempt.
     */
    public Optional<AccessGrant> activeGrant(Account mentor, String menteeId) {
        return consent.permittingGrant(mentor.id(), menteeId, MentorService.SMOFF_TIME, clock.instant());
    }

    /** The mentee's record that the mentor shared her planning, pseudonymised, with the case's supervisor. */
    public static AuditEvent opened(Case opened, AccessGrant grant, ClientInfo client) {
        return AuditEvent.of(Actor.of(opened.mentorId(), Role.MENTOR.id()), AuditAction.VIEW, Resource.of(RESOURCE, opened.id()))
                .about(opened.menteeId()).allowedBy("grant:" + grant.id())
                .withDetails(Map.of("case", opened.label(), "supervisor", opened.supervisorId(), "pseudonymised", "true", "step", "opened"))
                .from(client);
    }

    /** The mentee's record that the supervisor read the case (pseudonymised data is still hers). */
    public static AuditEvent read(Case read, ClientInfo client) {
        return AuditEvent.of(Actor.of(read.supervisorId(), Role.SUPERVISOR.id()), AuditAction.VIEW, Resource.of(RESOURCE, read.id()))
                .about(read.menteeId()).withDetails(Map.of("case", read.label(), "mentor", read.mentorId(), "pseudonymised", "true"))
                .from(client);
    }

    /** The account with this nickname if it has supervisor rights and is not the mentor herself; 422 otherwise. */
    public Account supervisorByNickname(Account mentor, String nickname) {
        Account supervisor = accounts.findByNickname(nickname == null ? "" : nickname.strip()).filter(a -> a.is(Role.SUPERVISOR))
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.SUPERVISOR_NOT_FOUND, "that nickname is unknown or has no supervisor rights (the operator grants them)"));
        if (supervisor.id().equals(mentor.id())) {
            throw AppException.unprocessable(ErrorCode.SUPERVISOR_IS_MENTOR, "a case goes to another person: you cannot supervise your own case");
        }
        return supervisor;
    }

    /**
     * Opens a case about {@code menteeId} for {@code supervisor}: the snapshot holds what {@code grant}
     * allows of the last {@code weeks} weeks; the question and notes are checked first.
     */
    public Content open(Account mentor, AccessGrant grant, Account supervisor, String question, String notes, int weeks) {
        if (weeks < CaseSnapshot.MIN_WEEKS || weeks > CaseSnapshot.MAX_WEEKS) {
            throw AppException.badRequest(ErrorCode.CASE_WEEKS_INVALID.with("min", CaseSnapshot.MIN_WEEKS).with("max", CaseSnapshot.MAX_WEEKS), "weeks is from " + CaseSnapshot.MIN_WEEKS + " to " + CaseSnapshot.MAX_WEEKS);
        }
        Account mentee = accounts.find(grant.subjectId()).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.MENTEE_NOT_FOUND, "no such mentee"));
        Optional<String> email = accounts.email(mentee.id());
        String checkedQuestion = CaseTexts.check("the question", question, true, mentee, email, accounts);
        String checkedNotes = CaseTexts.check("the notes", notes, false, mentee, email, accounts);
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, Object> snapshot = CaseSnapshot.of(
                grant.allows(MentorService.SMOFF_TIME) ? Optional.of(smoffTime.list(mentee.id())) : Optional.empty(),
                grant.allows(MentorService.PLANS) ? Optional.of(plans.list(mentee.id())) : Optional.empty(),
                today, weeks);
        String id = UUID.randomUUID().toString();
        String label = freshLabel();
        db.insertInto(APP_SUPERVISION_CASE)
                .set(APP_SUPERVISION_CASE.CASE_ID, id).set(APP_SUPERVISION_CASE.LABEL, label)
                .set(APP_SUPERVISION_CASE.MENTEE_ID, mentee.id()).set(APP_SUPERVISION_CASE.MENTOR_ID, mentor.id())
                .set(APP_SUPERVISION_CASE.SUPERVISOR_ID, supervisor.id()).set(APP_SUPERVISION_CASE.GRANT_ID, grant.id().toString())
                .set(APP_SUPERVISION_CASE.STATUS, Status.OPEN.name())
                .set(APP_SUPERVISION_CASE.SNAPSHOT_ENC, keys.sealText(mentee.id(), context(id, "snapshot"), json(snapshot)))
                .set(APP_SUPERVISION_CASE.QUESTION_ENC, keys.sealText(mentee.id(), context(id, "question"), checkedQuestion))
                .set(APP_SUPERVISION_CASE.NOTES_ENC, checkedNotes == null ? null : keys.sealText(mentee.id(), context(id, "notes"), checkedNotes))
                .set(APP_SUPERVISION_CASE.OPENED_AT, now).execute();
        return content(find(id).orElseThrow());
    }

    /** The cases a mentor opened, newest first. */
    public List<Case> ofMentor(String mentorId) {
        return cases(APP_SUPERVISION_CASE.MENTOR_ID.eq(mentorId));
    }

    /** The open cases given to a supervisor, newest first (a closed case is no longer hers to read). */
    public List<Case> ofSupervisor(String supervisorId) {
        return cases(APP_SUPERVISION_CASE.SUPERVISOR_ID.eq(supervisorId).and(APP_SUPERVISION_CASE.STATUS.eq(Status.OPEN.name())));
    }

    /** The cases about a mentee, newest first: what she sees (without their content) and may object to. */
    public List<Case> about(String menteeId) {
        return cases(APP_SUPERVISION_CASE.MENTEE_ID.eq(menteeId));
    }

    /** A case the mentor opened; 404 for any other. */
    public Case ofMentor(Account mentor, String caseId) {
        return find(caseId).filter(c -> c.mentorId().equals(mentor.id()))
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.CASE_NOT_FOUND, "no such case"));
    }

    /** An open case given to the supervisor; 404 for any other (a closed case included). */
    public Case ofSupervisor(Account supervisor, String caseId) {
        return find(caseId).filter(c -> c.supervisorId().equals(supervisor.id()) && c.open())
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.CASE_NOT_FOUND, "no such open case"));
    }

    /** A case about the mentee; 404 for any other. */
    public Case about(Account mentee, String caseId) {
        return find(caseId).filter(c -> c.menteeId().equals(mentee.id()))
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.CASE_NOT_FOUND, "no such case"));
    }

    /** What a case holds, decrypted. */
    public Content content(Case summary) {
        AppSupervisionCaseRecord row = db.selectFrom(APP_SUPERVISION_CASE).where(APP_SUPERVISION_CASE.CASE_ID.eq(summary.id())).fetchOne();
        if (row == null) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.CASE_NOT_FOUND, "no such case");
        }
        String mentee = summary.menteeId();
        Optional<Map<String, Object>> snapshot = row.getSnapshotEnc() == null ? Optional.empty()
                : keys.openText(mentee, context(summary.id(), "snapshot"), row.getSnapshotEnc()).map(SupervisionService::parse);
        String question = keys.openText(mentee, context(summary.id(), "question"), row.getQuestionEnc()).orElse(UNREADABLE);
        Optional<String> notes = row.getNotesEnc() == null ? Optional.empty()
                : Optional.of(keys.openText(mentee, context(summary.id(), "notes"), row.getNotesEnc()).orElse(UNREADABLE));
        LocalDate opened = summary.openedAt().atZone(ZoneOffset.UTC).toLocalDate();
        List<Message> messages = db.selectFrom(APP_SUPERVISION_MESSAGE).where(APP_SUPERVISION_MESSAGE.CASE_ID.eq(summary.id()))
                .orderBy(APP_SUPERVISION_MESSAGE.WRITTEN_AT, APP_SUPERVISION_MESSAGE.MESSAGE_ID)
                .fetch(m -> new Message(m.getMessageId(), Author.valueOf(m.getAuthor()),
                        CaseSnapshot.weeksBetween(opened, m.getWrittenAt().atZone(ZoneOffset.UTC).toLocalDate()),
                        m.getWrittenAt(), keys.openText(mentee, context(summary.id(), "message:" + m.getMessageId()), m.getTextEnc())
                        .orElse(UNREADABLE)));
        return new Content(summary, snapshot, question, notes, messages);
    }

    /** Adds the mentor's follow-up or the supervisor's answer to an open case (checked like the question); 409 once closed. */
    public Message write(Case summary, Author author, Account writer, String text) {
        if (!summary.open()) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.CASE_CLOSED, "this case is closed");
        }
        Account mentee = accounts.find(summary.menteeId()).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.CASE_NOT_FOUND, "no such case"));
        String checked = CaseTexts.check(author == Author.MENTOR ? "your message" : "your answer", text, true, mentee,
                accounts.email(mentee.id()), accounts);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        db.insertInto(APP_SUPERVISION_MESSAGE).set(APP_SUPERVISION_MESSAGE.MESSAGE_ID, id).set(APP_SUPERVISION_MESSAGE.CASE_ID, summary.id())
                .set(APP_SUPERVISION_MESSAGE.AUTHOR, author.name()).set(APP_SUPERVISION_MESSAGE.AUTHOR_ID, writer.id())
                .set(APP_SUPERVISION_MESSAGE.WRITTEN_AT, now)
                .set(APP_SUPERVISION_MESSAGE.TEXT_ENC, keys.sealText(mentee.id(), context(summary.id(), "message:" + id), checked)).execute();
        return content(summary).messages().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    /** Closes a case (the supervisor no longer reads it, its view of the planning is dropped); a closed case stays as it is. */
    public Case close(Case summary, CloseReason reason) {
        db.update(APP_SUPERVISION_CASE).set(APP_SUPERVISION_CASE.STATUS, Status.CLOSED.name())
                .set(APP_SUPERVISION_CASE.CLOSED_AT, clock.instant()).set(APP_SUPERVISION_CASE.CLOSE_REASON, reason.id())
                .setNull(APP_SUPERVISION_CASE.SNAPSHOT_ENC)
                .where(APP_SUPERVISION_CASE.CASE_ID.eq(summary.id())).and(APP_SUPERVISION_CASE.STATUS.eq(Status.OPEN.name())).execute();
        return find(summary.id()).orElseThrow();
    }

    /** Deletes the cases a mentor opened about a mentee (her grant to that mentor ended); returns how many. */
    public int deleteForGrant(String menteeId, String mentorId) {
        return delete(APP_SUPERVISION_CASE.MENTEE_ID.eq(menteeId).and(APP_SUPERVISION_CASE.MENTOR_ID.eq(mentorId)));
    }

    /** Deletes every case about a mentee (she restricted processing); returns how many. */
    public int deleteAbout(String menteeId) {
        return delete(APP_SUPERVISION_CASE.MENTEE_ID.eq(menteeId));
    }

    /** Closes the open cases of a supervisor whose rights were withdrawn; returns them. */
    public List<Case> closeAllOf(String supervisorId) {
        List<Case> open = ofSupervisor(supervisorId);
        open.forEach(c -> close(c, CloseReason.SUPERVISOR_RIGHTS_WITHDRAWN));
        return open;
    }

    // ---- The store of personal data (export, erasure, retention) --------------------------------

    /** The cases a person takes part in: about her, opened by her, or given to her. */
    long count(String subjectId) {
        return db.fetchCount(APP_SUPERVISION_CASE, participant(subjectId));
    }

    List<Case> participating(String subjectId) {
        return cases(participant(subjectId));
    }

    /** Erases every case a person takes part in, with its messages. */
    long erase(String subjectId) {
        return delete(participant(subjectId));
    }

    /** Deletes at most {@code limit} cases closed before {@code cutoff}, except those about held subjects; returns how many. */
    int purgeClosedBefore(Instant cutoff, Set<String> heldSubjects, int limit) {
        Condition due = APP_SUPERVISION_CASE.STATUS.eq(Status.CLOSED.name()).and(APP_SUPERVISION_CASE.CLOSED_AT.lt(cutoff))
                .and(notHeld(heldSubjects));
        List<String> ids = db.select(APP_SUPERVISION_CASE.CASE_ID).from(APP_SUPERVISION_CASE).where(due)
                .orderBy(APP_SUPERVISION_CASE.CLOSED_AT).limit(limit).fetch(APP_SUPERVISION_CASE.CASE_ID);
        return ids.isEmpty() ? 0 : delete(APP_SUPERVISION_CASE.CASE_ID.in(ids));
    }

    /** When the oldest closed case retention has not deleted yet was closed. */
    Optional<Instant> oldestClosed(Set<String> heldSubjects) {
        Condition closed = APP_SUPERVISION_CASE.STATUS.eq(Status.CLOSED.name()).and(notHeld(heldSubjects));
        return Optional.ofNullable(db.select(DSL.min(APP_SUPERVISION_CASE.CLOSED_AT)).from(APP_SUPERVISION_CASE).where(closed).fetchOne(0, Instant.class));
    }

    /** No one taking part in the case is under a legal hold. */
    private static Condition notHeld(Set<String> heldSubjects) {
        return heldSubjects.isEmpty() ? DSL.noCondition() : APP_SUPERVISION_CASE.MENTEE_ID.notIn(heldSubjects)
                .and(APP_SUPERVISION_CASE.MENTOR_ID.notIn(heldSubjects)).and(APP_SUPERVISION_CASE.SUPERVISOR_ID.notIn(heldSubjects));
    }

    private static Condition participant(String subjectId) {
        return APP_SUPERVISION_CASE.MENTEE_ID.eq(subjectId).or(APP_SUPERVISION_CASE.MENTOR_ID.eq(subjectId))
                .or(APP_SUPERVISION_CASE.SUPERVISOR_ID.eq(subjectId));
    }

    private int delete(Condition which) {
        List<String> ids = db.select(APP_SUPERVISION_CASE.CASE_ID).from(APP_SUPERVISION_CASE).where(which).fetch(APP_SUPERVISION_CASE.CASE_ID);
        if (ids.isEmpty()) {
            return 0;
        }
        db.deleteFrom(APP_SUPERVISION_MESSAGE).where(APP_SUPERVISION_MESSAGE.CASE_ID.in(ids)).execute();
        return db.deleteFrom(APP_SUPERVISION_CASE).where(APP_SUPERVISION_CASE.CASE_ID.in(ids)).execute();
    }

    private List<Case> cases(Condition where) {
        return db.selectFrom(APP_SUPERVISION_CASE).where(where)
                .orderBy(APP_SUPERVISION_CASE.OPENED_AT.desc(), APP_SUPERVISION_CASE.CASE_ID).fetch(SupervisionService::toCase);
    }

    private Optional<Case> find(String caseId) {
        if (caseId == null || caseId.length() != 36) {
            return Optional.empty();
        }
        return db.selectFrom(APP_SUPERVISION_CASE).where(APP_SUPERVISION_CASE.CASE_ID.eq(caseId)).fetchOptional(SupervisionService::toCase);
    }

    private static Case toCase(AppSupervisionCaseRecord row) {
        return new Case(row.getCaseId(), row.getLabel(), row.getMenteeId(), row.getMentorId(), row.getSupervisorId(),
                Status.valueOf(row.getStatus()), row.getOpenedAt(), Optional.ofNullable(row.getClosedAt()),
                Optional.ofNullable(row.getCloseReason()).map(reason -> CloseReason.valueOf(reason.toUpperCase(Locale.ROOT).replace('-', '_'))));
    }

    /** A label no other case has: "F-" and six letters or digits that cannot be mistaken for each other. */
    private String freshLabel() {
        while (true) {
            StringBuilder label = new StringBuilder("F-");
            for (int i = 0; i < 6; i++) {
                label.append(LABEL_LETTERS.charAt(random.nextInt(LABEL_LETTERS.length())));
            }
            if (!db.fetchExists(APP_SUPERVISION_CASE, APP_SUPERVISION_CASE.LABEL.eq(label.toString()))) {
                return label.toString();
            }
        }
    }

    private static String context(String caseId, String part) {
        return "case:" + caseId + ":" + part;
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case snapshot is plain JSON", e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored case snapshot is not JSON", e);
        }
    }
}
