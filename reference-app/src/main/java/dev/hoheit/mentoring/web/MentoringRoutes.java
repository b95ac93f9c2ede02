package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smoff-Time, mentors and transparency: the mentee's own data and mentors, the mentor's view of
 * what was granted, the operator's mentor rights and assignments, and the logs a person sees.
 */
final class MentoringRoutes {

    private final AccountService accounts;
    private final SmoffTimeService smoffTime;
    private final MentorService mentors;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final NotificationService notifications;

    MentoringRoutes(AccountService accounts, SmoffTimeService smoffTime, MentorService mentors, AccessGuard guard, AuditLog audit,
                    NotificationService notifications) {
        this.accounts = accounts;
        this.notifications = notifications;
        this.smoffTime = smoffTime;
        this.mentors = mentors;
        this.guard = guard;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me/smoff-sessions", this::mySessions);
        routes.post("/api/me/smoff-sessions", this::recordSession);
        routes.delete("/api/me/smoff-sessions/{id}", this::deleteSession);
        routes.get("/api/me/mentors", this::myMentors);
        routes.post("/api/me/mentors", this::inviteMentor);
        routes.post("/api/me/mentors/{id}/accept", ctx -> respond(ctx, mentors.accept(Access.require(ctx, Role.MENTEE), ctx.pathParam("id"))));
        routes.post("/api/me/mentors/{id}/decline", ctx -> respond(ctx, mentors.decline(Access.require(ctx, Role.MENTEE), ctx.pathParam("id"))));
        routes.delete("/api/me/mentors/{id}", ctx -> respond(ctx, mentors.revoke(Access.require(ctx, Role.MENTEE), ctx.pathParam("id"))));
        routes.get("/api/me/access-log", this::accessLog);
        routes.get("/api/me/activity", this::activity);
        routes.get("/api/mentees", this::myMentees);
        routes.get("/api/mentees/{id}/smoff-sessions", this::menteeSessions);
        routes.put("/api/operator/mentors/{accountId}", this::grantMentorRights);
        routes.delete("/api/operator/mentors/{accountId}", this::withdrawMentorRights);
        routes.post("/api/operator/assignments", this::assign);
    }

    private void mySessions(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        ctx.json(sessionPage(ctx, me.id()));
    }

    private void recordSession(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        Requests.SmoffSession body = Web.body(ctx, Requests.SmoffSession.class);
        SmoffTimeService.Entry entry = smoffTime.record(me.id(), body.kind(), body.date(), body.minutes(), body.note());
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.CREATE, Resource.of("smoff-session", entry.id()))
                .about(me.id()).from(Web.client(ctx)));
        ctx.status(201).json(sessionJson(entry));
    }

    private void deleteSession(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        if (!smoffTime.delete(me.id(), ctx.pathParam("id"))) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.SMOFF_TIME_NOT_FOUND, "no such Smoff-Time entry");
        }
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.DELETE, Resource.of("smoff-session", ctx.pathParam("id")))
                .about(me.id()).from(Web.client(ctx)));
        ctx.status(204);
    }

    private void myMentors(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        ctx.json(Paging.slice(ctx, "mentors", mentors.mentorsOf(me).stream().map(g -> grantJson(g, g.granteeId())).toList()));
    }

    private void inviteMentor(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        Requests.MentorInvite body = Web.body(ctx, Requests.MentorInvite.class);
        AccessGrant grant = mentors.invite(me, body.mentor(), MentorService.Scope.parse(body.scope()));
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.GRANT, Resource.of("mentor-grant", grant.id().toString()))
                .about(me.id()).from(Web.client(ctx)));
        notifications.notify(grant.granteeId(), NotificationService.Kind.MENTORING, "mentor-request", Map.of("who", me.nickname()));
        ctx.status(201).json(grantJson(grant, grant.granteeId()));
    }

    private void respond(Context ctx, AccessGrant grant) {
        Account me = Web.account(ctx);
        AuditAction action = switch (grant.status()) {
            case ACTIVE -> AuditAction.GRANT;
            default -> AuditAction.REVOKE;
        };
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), action, Resource.of("mentor-grant", grant.id().toString()))
                .about(me.id()).withDetails(Map.of("status", grant.status().name())).from(Web.client(ctx)));
        notifications.notify(grant.granteeId(), NotificationService.Kind.MENTORING,
                grant.status() == dev.hoheit.consent.GrantStatus.ACTIVE ? "grant-accepted" : "grant-ended", Map.of("who", me.nickname()));
        ctx.json(grantJson(grant, grant.granteeId()));
    }

    /**
     * "Who viewed my data" (R6): every view of my data by someone else, denied attempts included, newest
     * first, in keyset pages back to the oldest retained event ({@code ?before=&limit=}).
     */
    private void accessLog(Context ctx) {
        Account me = Web.account(ctx);
        AuditQuery query = Paging.auditQuery(ctx, AuditAction.VIEW);
        audit.flush(); // every acknowledged view is in the tree before the person reads her log
        AuditPage page = audit.bySubjectFromOthers(me.id(), query);
        ctx.json(Paging.json("views", page.entries().stream().map(this::entryJson).toList(), query, page));
    }

    /** "What did I do" (R7), in keyset pages like {@link #accessLog}. */
    private void activity(Context ctx) {
        Account me = Web.account(ctx);
        AuditQuery query = Paging.auditQuery(ctx);
        audit.flush(); // every acknowledged action is in the tree before the person reads her log
        AuditPage page = audit.byActor(me.id(), query);
        ctx.json(Paging.json("activity", page.entries().stream().map(this::entryJson).toList(), query, page));
    }

    private void myMentees(Context ctx) {
        Account me = Access.require(ctx, Role.MENTOR);
        ctx.json(Paging.slice(ctx, "mentees", mentors.menteesOf(me).stream().map(g -> grantJson(g, g.subjectId())).toList()));
    }

    private void menteeSessions(Context ctx) {
        Account me = Access.require(ctx, Role.MENTOR);
        String menteeId = ctx.pathParam("id");
        guard.view(me, Role.MENTOR.id(), menteeId, MentorService.SMOFF_TIME, Resource.of("smoff-sessions"), Web.client(ctx));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nickname", nickname(menteeId));
        json.putAll(sessionPage(ctx, menteeId));
        ctx.json(json);
    }

    private void grantMentorRights(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Account account = mentors.grantMentorRights(ctx.pathParam("accountId"));
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.GRANT, Resource.of("mentor-rights", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        notifications.notify(account.id(), NotificationService.Kind.MENTORING, "mentor-rights", Map.of());
        ctx.json(AccountRoutes.accountJson(account));
    }

    private void withdrawMentorRights(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Account account = mentors.withdrawMentorRights(operator, ctx.pathParam("accountId"));
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.REVOKE, Resource.of("mentor-rights", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        notifications.notify(account.id(), NotificationService.Kind.MENTORING, "mentor-rights-withdrawn", Map.of());
        ctx.json(AccountRoutes.accountJson(account));
    }

    private void assign(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Requests.Assignment body = Web.body(ctx, Requests.Assignment.class);
        AccessGrant grant = mentors.assign(operator, body.mentee(), body.mentor(), MentorService.Scope.parse(body.scope()));
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.GRANT, Resource.of("mentor-assignment", grant.id().toString()))
                .about(grant.subjectId()).from(Web.client(ctx)));
        notifications.notify(grant.subjectId(), NotificationService.Kind.MENTORING, "assignment", Map.of("who", nickname(grant.granteeId())));
        ctx.status(201).json(grantJson(grant, grant.granteeId()));
    }

    private Map<String, Object> grantJson(AccessGrant grant, String otherPerson) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", grant.id().toString());
        json.put("personId", otherPerson);
        json.put("nickname", nickname(otherPerson));
        MentorService.Scope scope = MentorService.Scope.parse(grant.granteeRole());
        json.put("scope", scope.id());
        json.put("inPlainWords", scope.plainWords());
        json.put("allows", scope.allows().stream().sorted().toList());
        json.put("origin", grant.origin().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        json.put("status", grant.status().name().toLowerCase(java.util.Locale.ROOT));
        json.put("since", grant.statusSince().toString());
        return json;
    }

    private Map<String, Object> entryJson(AuditEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.recordedAt().toString());
        json.put("who", entry.actorId().map(this::nickname).orElse("(deleted account)"));
        json.put("role", entry.actorRole());
        json.put("action", entry.action().name().toLowerCase(java.util.Locale.ROOT));
        json.put("what", entry.resourceType());
        json.put("outcome", entry.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if ("supervision-case".equals(entry.resourceType())) {
            // Which pseudonymised case, and with whom her planning was discussed (R26).
            json.put("case", entry.details().get("case"));
            if (entry.details().containsKey("supervisor")) {
                json.put("supervisor", nickname(entry.details().get("supervisor")));
            }
            if (entry.details().containsKey("mentor")) {
                json.put("mentor", nickname(entry.details().get("mentor")));
            }
        }
        if ("page".equals(entry.resourceType())) {
            // Which of my pages I opened (an API path whose ids are masked when recorded), so the activity reads plainly.
            entry.resourceId().ifPresent(path -> json.put("page", path));
        }
        return json;
    }

    private String nickname(String accountId) {
        return accounts.find(accountId).map(Account::nickname).orElse(accountId.startsWith("hoheit:") ? "Smoffen" : "(deleted account)");
    }

    /** A page of Smoff-Time, newest first, keyset by date, recording time and id ({@code ?cursor=&limit=}, 200 unless asked). */
    private Map<String, Object> sessionPage(Context ctx, String accountId) {
        int limit = Paging.limit(ctx, Paging.MAX_LIMIT);
        return Paging.keysetJson("sessions", smoffTime.page(accountId, Paging.keyset(ctx), limit + 1), limit,
                keyed -> sessionJson(keyed.entry()), SmoffTimeService.Keyed::key);
    }

    private static Map<String, Object> sessionJson(SmoffTimeService.Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id());
        json.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.put("date", entry.date().toString());
        json.put("minutes", entry.minutes());
        json.put("note", entry.note().orElse(null));
        return json;
    }
}
