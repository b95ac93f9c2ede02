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
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The daily job in one step: today's planning session (its minutes, as Smoff-Time) and the day plan
 * written in it, saved together; and the first sign-in's explanation, shown once per account.
 */
final class DailyRoutes {

    private final AccountService accounts;
    private final SmoffTimeService smoffTime;
    private final PlanService plans;
    private final AuditLog audit;

    DailyRoutes(AccountService accounts, SmoffTimeService smoffTime, PlanService plans, AuditLog audit) {
        this.accounts = accounts;
        this.smoffTime = smoffTime;
        this.plans = plans;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/me/daily-planning", this::recordDailyPlanning);
        routes.post("/api/me/welcome", this::welcomeSeen);
    }

    /**
     * Records a day's planning session and saves that day's plan in the request's one transaction:
     * both are stored, or (any refusal, of either part) neither.
     */
    private void recordDailyPlanning(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        Requests.DailyPlanning body = Web.body(ctx, Requests.DailyPlanning.class);
        SmoffTimeService.Entry entry = smoffTime.record(me.id(), "day", body.date(), body.minutes(), body.note());
        PlanService.Plan plan = plans.save(me.id(), "day", entry.date().toString(), body.plan());
        Actor actor = Actor.of(me.id(), Role.MENTEE.id());
        audit.append(AuditEvent.of(actor, AuditAction.CREATE, Resource.of("smoff-session", entry.id())).about(me.id()).from(Web.client(ctx)));
        audit.append(AuditEvent.of(actor, AuditAction.UPDATE, Resource.of("plan", plan.kind() + ":" + plan.period()))
                .about(me.id()).from(Web.client(ctx)));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", entry.id());
        session.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        session.put("date", entry.date().toString());
        session.put("minutes", entry.minutes());
        session.put("note", entry.note().orElse(null));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("session", session);
        json.put("plan", Map.of("kind", plan.kind(), "period", plan.period(), "text", plan.text().orElse(""),
                "updatedAt", plan.updatedAt().toString()));
        ctx.status(201).json(json);
    }

    /** The person has read the first sign-in's explanation: it is not shown again, in any browser. */
    private void welcomeSeen(Context ctx) {
        Account me = Web.account(ctx);
        if (!Boolean.TRUE.equals(Web.body(ctx, Requests.Welcome.class).seen())) {
            throw AppException.unprocessable(ErrorCode.WELCOME_SEEN_REQUIRED, "send seen: true once the explanation is read");
        }
        accounts.welcomeSeen(me.id());
        ctx.status(204);
    }
}
