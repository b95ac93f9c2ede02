package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.privacy.PrivacyRequestService;
import dev.hoheit.mentoring.privacy.PrivacyRequestService.PrivacyRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Privacy requests: any signed-in person writes to the operator (objection, question, complaint) and
 * sees the Art. 12(3) deadline; the operator reads, extends once and answers. Every step is in the
 * audit log about the person: her request, each time the operator opens it, the extension and the answer.
 */
final class PrivacyRequestRoutes {

    /** {@code POST /api/me/privacy-requests}. */
    record NewRequest(String kind, String text) {
    }

    /** {@code POST /api/operator/privacy-requests/{id}/answer}. */
    record Answer(String text) {
    }

    /** {@code POST /api/operator/privacy-requests/{id}/extension}. */
    record Extension(String reason) {
    }

    private static final String RESOURCE = "privacy-request";

    private final PrivacyRequestService requests;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final NotificationService notifications;

    PrivacyRequestRoutes(PrivacyRequestService requests, AccountService accounts, AuditLog audit, Clock clock,
                         NotificationService notifications) {
        this.notifications = notifications;
        this.requests = requests;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me/privacy-requests", this::mine);
        routes.post("/api/me/privacy-requests", this::file);
        routes.get("/api/operator/privacy-requests", this::queue);
        routes.get("/api/operator/privacy-requests/{id}", this::show);
        routes.post("/api/operator/privacy-requests/{id}/answer", this::answer);
        routes.post("/api/operator/privacy-requests/{id}/extension", this::extend);
    }

    private void mine(Context ctx) {
        Account me = Web.account(ctx);
        Instant now = clock.instant();
        ctx.json(Paging.slice(ctx, "requests", requests.of(me.id()).stream().map(r -> json(r, now, true)).toList()));
    }

    private void file(Context ctx) {
        Account me = Web.account(ctx);
        NewRequest body = Web.body(ctx, NewRequest.class);
        PrivacyRequest request = requests.file(me.id(), PrivacyRequestService.Kind.parse(body.kind()), body.text());
        audit.append(AuditEvent.of(Actor.of(me.id(), AccountRoutes.primaryRole(me)), AuditAction.CREATE, Resource.of(RESOURCE, request.id()))
                .about(me.id()).withDetails(Map.of("kind", request.kind().id(), "dueAt", request.dueAt().toString())).from(Web.client(ctx)));
        ctx.status(201).json(json(request, clock.instant(), true));
    }

    /** The queue without the texts: who, what kind and the deadline; opening one is a logged view. */
    private void queue(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Paging paging = Paging.of(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !status.isBlank() && !status.equals("open") && !status.equals("all")) {
            throw AppException.badRequest(ErrorCode.STATUS_INVALID, "status is open or all");
        }
        List<PrivacyRequest> page = requests.queue("open".equals(status), paging.offset(), paging.fetch());
        audit.appendBatched(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.VIEW, Resource.of("privacy-requests"))
                .from(Web.client(ctx)));
        Instant now = clock.instant();
        ctx.json(paging.json("requests", page.stream().map(r -> json(r, now, false)).toList()));
    }

    private void show(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        PrivacyRequest request = requests.find(ctx.pathParam("id"));
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.VIEW, Resource.of(RESOURCE, request.id()))
                .about(request.accountId()).from(Web.client(ctx)));
        ctx.json(json(request, clock.instant(), true));
    }

    private void answer(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        PrivacyRequest request = requests.answer(ctx.pathParam("id"), Web.body(ctx, Answer.class).text());
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.UPDATE, Resource.of(RESOURCE, request.id()))
                .about(request.accountId()).withDetails(Map.of("step", "answer")).from(Web.client(ctx)));
        notifications.notify(request.accountId(), NotificationService.Kind.SERVICE, "privacy-answered", Map.of());
        ctx.json(json(request, clock.instant(), true));
    }

    private void extend(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        PrivacyRequest request = requests.extend(ctx.pathParam("id"), Web.body(ctx, Extension.class).reason());
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.UPDATE, Resource.of(RESOURCE, request.id()))
                .about(request.accountId()).withDetails(Map.of("step", "extension", "dueAt", request.dueAt().toString()))
                .from(Web.client(ctx)));
        notifications.notify(request.accountId(), NotificationService.Kind.SERVICE, "privacy-extended", Map.of());
        ctx.json(json(request, clock.instant(), true));
    }

    private Map<String, Object> json(PrivacyRequest request, Instant now, boolean withTexts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", request.id());
        json.put("nickname", accounts.find(request.accountId()).map(Account::nickname).orElse("(deleted account)"));
        json.put("kind", request.kind().id());
        json.put("receivedAt", request.receivedAt().toString());
        json.put("dueAt", request.dueAt().toString());
        json.put("daysLeft", request.answered() ? null : request.daysLeft(now));
        json.put("status", request.answered() ? "answered" : request.overdue(now) ? "overdue" : "open");
        json.put("extended", request.extensionReason().isPresent());
        json.put("answeredAt", request.answeredAt().map(Instant::toString).orElse(null));
        if (withTexts) {
            json.put("text", request.text().orElse(null));
            json.put("extensionReason", request.extensionReason().orElse(null));
            json.put("answer", request.answer().orElse(null));
        }
        return json;
    }
}
