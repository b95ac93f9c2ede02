package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.supervision.CaseSnapshot;
import dev.hoheit.mentoring.supervision.SupervisionService;
import dev.hoheit.mentoring.supervision.SupervisionService.Case;
import dev.hoheit.mentoring.supervision.SupervisionService.CloseReason;
import dev.hoheit.mentoring.supervision.SupervisionService.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Supervision (R26): the mentor opens a pseudonymised case about a mentee for a supervisor and reads
 * the answers; the supervisor reads her open cases and answers; the mentee sees the cases about her
 * and objects; the operator grants and withdraws supervisor rights. What the supervisor's endpoints
 * return names no one but the mentor and carries no date: the case label, relative weeks, durations,
 * plan structure and the checked texts. Opening a case and every read of it by the supervisor are in
 * the mentee's "who viewed my data".
 */
final class SupervisionRoutes {

    private static final String RESOURCE = SupervisionService.RESOURCE;
    private static final String DELETED = "(deleted account)";

    private final SupervisionService supervision;
    private final AccountService accounts;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final NotificationService notifications;

    SupervisionRoutes(SupervisionService supervision, AccountService accounts, AccessGuard guard, AuditLog audit,
                      NotificationService notifications) {
        this.supervision = supervision;
        this.accounts = accounts;
        this.guard = guard;
        this.audit = audit;
        this.notifications = notifications;
    }

    /** A case in a list. {@code mentee}, {@code openedAt} and {@code closedAt} only for the mentor and the mentee. */
    record CaseItem(String id, String label, String status, String mentor, String supervisor, String mentee, String openedAt,
                    String closedAt, String closeReason) {
    }

    /** A message of the exchange: who wrote it and in which week relative to the opening. */
    record MessageView(String from, int week, String text) {
    }

    /** A case as the supervisor reads it; the mentor reads the same, with {@code mentee} and {@code openedAt}. */
    record CaseView(String id, String label, String status, String closeReason, String mentor, String supervisor, String mentee,
                    String openedAt, Map<String, Object> pseudonymisedPlanning, String question, String notes, List<MessageView> messages) {
    }

    void register(RoutesConfig routes) {
        routes.get("/api/mentor/cases", this::mentorCases);
        routes.post("/api/mentor/cases", this::open);
        routes.get("/api/mentor/cases/{id}", this::mentorCase);
        routes.post("/api/mentor/cases/{id}/messages", this::mentorWrites);
        routes.post("/api/mentor/cases/{id}/close", this::mentorCloses);
        routes.get("/api/supervisor/cases", this::supervisorCases);
        routes.get("/api/supervisor/cases/{id}", this::supervisorCase);
        routes.post("/api/supervisor/cases/{id}/answers", this::answer);
        routes.get("/api/me/supervision", this::casesAboutMe);
        routes.post("/api/me/supervision/{id}/objection", this::object);
        routes.put("/api/operator/supervisors/{accountId}", this::grantRights);
        routes.delete("/api/operator/supervisors/{accountId}", this::withdrawRights);
    }

    // ---- The mentor ------------------------------------------------------------------------------

    private void mentorCases(Context ctx) {
        Account mentor = Access.require(ctx, Role.MENTOR);
        ctx.json(Paging.slice(ctx, "cases", supervision.ofMentor(mentor.id()).stream().map(c -> item(c, true)).toList()));
    }

    private void open(Context ctx) {
        Account mentor = Access.require(ctx, Role.MENTOR);
        Requests.NewCase body = Web.body(ctx, Requests.NewCase.class);
        String menteeId = body.mentee() == null ? "" : body.mentee().strip();
        Account supervisor = supervision.supervisorByNickname(mentor, body.supervisor());
        // Restricted processing, or no grant: refused, and the attempt is in her log like any other denied view.
        guard.refuseIfRestricted(mentor, Role.MENTOR.id(), menteeId, Resource.of(RESOURCE), Web.client(ctx));
        AccessGrant grant = supervision.activeGrant(mentor, menteeId).orElseGet(() -> {
            guard.view(mentor, Role.MENTOR.id(), menteeId, MentorService.SMOFF_TIME, Resource.of(RESOURCE), Web.client(ctx));
            throw new IllegalStateException("the guard let a view without a grant pass");
        });
        Content content = supervision.open(mentor, grant, supervisor, body.question(), body.notes(),
                body.weeks() == null ? CaseSnapshot.DEFAULT_WEEKS : body.weeks());
        Case opened = content.summary();
        // In the request's transaction: the case and the mentee's record of it commit together.
        audit.append(SupervisionService.opened(opened, grant, Web.client(ctx)));
        notifications.notify(supervisor.id(), NotificationService.Kind.MENTORING, "case-opened", Map.of("case", opened.label()));
        ctx.status(201).json(view(content, true));
    }

    private void mentorCase(Context ctx) {
        Account mentor = Access.require(ctx, Role.MENTOR);
        ctx.json(view(supervision.content(supervision.ofMentor(mentor, ctx.pathParam("id"))), true));
    }

    private void mentorWrites(Context ctx) {
        Account mentor = Access.require(ctx, Role.MENTOR);
        Case summary = supervision.ofMentor(mentor, ctx.pathParam("id"));
        SupervisionService.Message message = supervision.write(summary, SupervisionService.Author.MENTOR, mentor,
                Web.body(ctx, Requests.CaseText.class).text());
        audit.append(AuditEvent.of(Actor.of(mentor.id(), Role.MENTOR.id()), AuditAction.CREATE, Resource.of("supervision-message", message.id()))
                .about(summary.menteeId()).withDetails(Map.of("case", summary.label())).from(Web.client(ctx)));
        notifications.notify(summary.supervisorId(), NotificationService.Kind.MENTORING, "case-message", Map.of("case", summary.label()));
        ctx.status(201).json(messageView(message));
    }

    private void mentorCloses(Context ctx) {
        Account mentor = Access.require(ctx, Role.MENTOR);
        Case summary = supervision.ofMentor(mentor, ctx.pathParam("id"));
        Case closed = supervision.close(summary, CloseReason.CLOSED_BY_MENTOR);
        audit.append(AuditEvent.of(Actor.of(mentor.id(), Role.MENTOR.id()), AuditAction.UPDATE, Resource.of(RESOURCE, closed.id()))
                .about(closed.menteeId()).withDetails(Map.of("case", closed.label(), "step", "closed")).from(Web.client(ctx)));
        if (summary.open()) {
            notifications.notify(closed.supervisorId(), NotificationService.Kind.MENTORING, "case-closed", Map.of("case", closed.label()));
        }
        ctx.json(item(closed, true));
    }

    // ---- The supervisor --------------------------------------------------------------------------

    private void supervisorCases(Context ctx) {
        Account supervisor = Access.require(ctx, Role.SUPERVISOR);
        ctx.json(Paging.slice(ctx, "cases", supervision.ofSupervisor(supervisor.id()).stream().map(c -> item(c, false)).toList()));
    }

    private void supervisorCase(Context ctx) {
        Account supervisor = Access.require(ctx, Role.SUPERVISOR);
        Case summary = supervision.ofSupervisor(supervisor, ctx.pathParam("id"));
        // Pseudonymised data is still hers: every read is in her log (who, when, which case).
        audit.append(SupervisionService.read(summary, Web.client(ctx)));
        ctx.json(view(supervision.content(summary), false));
    }

    private void answer(Context ctx) {
        Account supervisor = Access.require(ctx, Role.SUPERVISOR);
        Case summary = supervision.ofSupervisor(supervisor, ctx.pathParam("id"));
        SupervisionService.Message message = supervision.write(summary, SupervisionService.Author.SUPERVISOR, supervisor,
                Web.body(ctx, Requests.CaseText.class).text());
        audit.append(AuditEvent.of(Actor.of(supervisor.id(), Role.SUPERVISOR.id()), AuditAction.CREATE,
                Resource.of("supervision-message", message.id())).about(summary.menteeId()).withDetails(Map.of("case", summary.label()))
                .from(Web.client(ctx)));
        notifications.notify(summary.mentorId(), NotificationService.Kind.MENTORING, "case-answered", Map.of("case", summary.label()));
        ctx.status(201).json(messageView(message));
    }

    // ---- The mentee ------------------------------------------------------------------------------

    private void casesAboutMe(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        ctx.json(Paging.slice(ctx, "cases", supervision.about(me.id()).stream().map(c -> item(c, true)).toList()));
    }

    /** The mentee objects (GDPR Art. 21): the case closes at once; the supervisor no longer reads it. */
    private void object(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        Case summary = supervision.about(me, ctx.pathParam("id"));
        Case closed = supervision.close(summary, CloseReason.OBJECTION);
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.REVOKE, Resource.of(RESOURCE, closed.id()))
                .about(me.id()).withDetails(Map.of("case", closed.label(), "step", "objection")).from(Web.client(ctx)));
        if (summary.open()) {
            notifications.notify(closed.mentorId(), NotificationService.Kind.MENTORING, "case-closed", Map.of("case", closed.label()));
            notifications.notify(closed.supervisorId(), NotificationService.Kind.MENTORING, "case-closed", Map.of("case", closed.label()));
        }
        ctx.json(item(closed, true));
    }

    // ---- The operator ----------------------------------------------------------------------------

    private void grantRights(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Account account = accounts.setRole(ctx.pathParam("accountId"), Role.SUPERVISOR, true);
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.GRANT, Resource.of("supervisor-rights", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        notifications.notify(account.id(), NotificationService.Kind.MENTORING, "supervisor-rights", Map.of());
        ctx.json(AccountRoutes.accountJson(account));
    }

    /** Withdrawing supervisor rights closes every open case of that supervisor; their mentors are told. */
    private void withdrawRights(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Account account = accounts.setRole(ctx.pathParam("accountId"), Role.SUPERVISOR, false);
        for (Case closed : supervision.closeAllOf(account.id())) {
            notifications.notify(closed.mentorId(), NotificationService.Kind.MENTORING, "case-closed", Map.of("case", closed.label()));
        }
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.REVOKE, Resource.of("supervisor-rights", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        notifications.notify(account.id(), NotificationService.Kind.MENTORING, "supervisor-rights-withdrawn", Map.of());
        ctx.json(AccountRoutes.accountJson(account));
    }

    // ---- JSON ------------------------------------------------------------------------------------

    /** {@code identified}: for the mentor and the mentee, who know whom the case is about; never for the supervisor. */
    private CaseItem item(Case c, boolean identified) {
        return new CaseItem(c.id(), c.label(), status(c), nickname(c.mentorId()), nickname(c.supervisorId()),
                identified ? nickname(c.menteeId()) : null, identified ? c.openedAt().toString() : null,
                identified ? c.closedAt().map(Instant::toString).orElse(null) : null, c.closeReason().map(CloseReason::id).orElse(null));
    }

    private CaseView view(Content content, boolean forMentor) {
        Case c = content.summary();
        return new CaseView(c.id(), c.label(), status(c), c.closeReason().map(CloseReason::id).orElse(null), nickname(c.mentorId()),
                nickname(c.supervisorId()), forMentor ? nickname(c.menteeId()) : null, forMentor ? c.openedAt().toString() : null,
                content.snapshot().orElse(null), content.question(), content.notes().orElse(null),
                content.messages().stream().map(SupervisionRoutes::messageView).toList());
    }

    private static MessageView messageView(SupervisionService.Message message) {
        return new MessageView(message.author().name().toLowerCase(Locale.ROOT), message.week(), message.text());
    }

    private static String status(Case c) {
        return c.status().name().toLowerCase(Locale.ROOT);
    }

    private String nickname(String accountId) {
        return accounts.find(accountId).map(Account::nickname).orElse(DELETED);
    }
}
