package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.GrantStatus;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.mentorship.MessageService;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.planning.PictureService;
import dev.hoheit.mentoring.planning.PlanService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plans, pictures and messages: the mentee's own, and the mentor's view within the granted scope. */
final class ContentRoutes {

    private final PlanService plans;
    private final PictureService pictures;
    private final MessageService messages;
    private final ConsentService consent;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final NotificationService notifications;

    ContentRoutes(PlanService plans, PictureService pictures, MessageService messages, ConsentService consent, AccessGuard guard, AuditLog audit,
                  NotificationService notifications) {
        this.notifications = notifications;
        this.plans = plans;
        this.pictures = pictures;
        this.messages = messages;
        this.consent = consent;
        this.guard = guard;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me/plans", ctx -> ctx.json(Paging.slice(ctx, "plans", plans.list(Access.require(ctx, Role.MENTEE).id()).stream().map(ContentRoutes::planJson).toList())));
        routes.put("/api/me/plans/{kind}/{period}", this::savePlan);
        routes.get("/api/me/pictures", ctx -> ctx.json(Paging.slice(ctx, "pictures", pictures.list(Access.require(ctx, Role.MENTEE).id()).stream().map(ContentRoutes::pictureJson).toList())));
        routes.post("/api/me/pictures", this::upload);
        routes.get("/api/me/pictures/{id}", ctx -> sendPicture(ctx, Access.require(ctx, Role.MENTEE).id(), ctx.pathParam("id")));
        routes.delete("/api/me/pictures/{id}", this::deletePicture);
        routes.get("/api/me/messages", this::myMessages);
        routes.post("/api/me/messages", this::sendMessage);
        routes.get("/api/mentees/{id}/plans", this::menteePlans);
        routes.get("/api/mentees/{id}/pictures", this::menteePictures);
        routes.get("/api/mentees/{id}/pictures/{pid}", this::menteePicture);
    }

    private void savePlan(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        PlanService.Plan plan = plans.save(me.id(), ctx.pathParam("kind"), ctx.pathParam("period"), Web.body(ctx, Requests.PlanText.class).text());
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.UPDATE, Resource.of("plan", plan.kind() + ":" + plan.period()))
                .about(me.id()).from(Web.client(ctx)));
        ctx.json(planJson(plan));
    }

    private void upload(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/jpeg") && !type.startsWith("image/png")) {
            throw new AppException(AppException.Kind.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PICTURE_TYPE_UNSUPPORTED, "upload a JPEG or PNG with Content-Type image/jpeg or image/png");
        }
        PictureService.Picture picture = pictures.upload(me.id(), ctx.bodyAsBytes());
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.CREATE, Resource.of("picture", picture.id()))
                .about(me.id()).from(Web.client(ctx)));
        ctx.status(201).json(pictureJson(picture));
    }

    private void deletePicture(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        if (!pictures.delete(me.id(), ctx.pathParam("id"))) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.PICTURE_NOT_FOUND, "no such picture");
        }
        audit.append(AuditEvent.of(Actor.of(me.id(), Role.MENTEE.id()), AuditAction.DELETE, Resource.of("picture", ctx.pathParam("id")))
                .about(me.id()).from(Web.client(ctx)));
        ctx.status(204);
    }

    private void sendPicture(Context ctx, String ownerId, String pictureId) {
        PictureService.Picture picture = pictures.find(ownerId, pictureId)
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.PICTURE_NOT_FOUND, "no such picture"));
        byte[] bytes = pictures.content(ownerId, pictureId).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.PICTURE_NOT_FOUND, "no such picture"));
        ctx.contentType(picture.mediaType()).result(bytes);
    }

    /**
     * My conversations. A conversation with a mentee who restricted processing (Art. 18) is withheld from
     * the mentor, named only by who it is with, and the attempt is in her "who viewed my data"; the
     * mentee herself always reads her own messages.
     */
    private void myMessages(Context ctx) {
        Account me = Web.account(ctx);
        List<Map<String, Object>> shown = new ArrayList<>();
        Map<String, Boolean> restricted = new HashMap<>(); // asked once per mentee
        Map<String, Map<String, Object>> withheld = new LinkedHashMap<>();
        for (MessageService.Message m : messages.of(me.id())) {
            String menteeId = m.menteeId();
            if (!menteeId.equals(me.id()) && restricted.computeIfAbsent(menteeId, guard::isRestricted)) {
                withheld.computeIfAbsent(menteeId, id -> {
                    guard.recordRestrictedView(me, Role.MENTOR.id(), id, Resource.of("messages"), Web.client(ctx));
                    return Map.of("with", id, "reason", AccessGuard.RESTRICTED);
                });
                continue;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", m.id());
            json.put("from", m.senderId());
            json.put("to", m.senderId().equals(m.menteeId()) ? m.mentorId() : m.menteeId());
            json.put("text", m.body().orElse(null));
            json.put("at", m.at().toString());
            shown.add(json);
        }
        Map<String, Object> json = Paging.slice(ctx, "messages", shown);
        json.put("withheld", List.copyOf(withheld.values()));
        ctx.json(json);
    }

    private void sendMessage(Context ctx) {
        Account me = Web.account(ctx);
        Requests.NewMessage request = Web.body(ctx, Requests.NewMessage.class);
        if (request.to() == null) {
            throw AppException.badRequest(ErrorCode.MESSAGE_INVALID, "send to and text");
        }
        boolean iAmMentee = consent.grantsOf(me.id()).stream()
                .anyMatch(g -> g.granteeId().equals(request.to()) && g.status() == GrantStatus.ACTIVE);
        if (iAmMentee && guard.isRestricted(me.id())) {
            throw AppException.forbidden(ErrorCode.PROCESSING_RESTRICTED_MESSAGES, "you have restricted the processing of your data (GDPR Art. 18), so your mentor"
                    + " cannot read messages; lift the restriction to write again");
        }
        if (!iAmMentee) {
            guard.refuseIfRestricted(me, Role.MENTOR.id(), request.to(), Resource.of("messages"), Web.client(ctx));
        }
        MessageService.Message message = iAmMentee ? messages.send(me.id(), me.id(), request.to(), request.text())
                : messages.send(me.id(), request.to(), me.id(), request.text());
        audit.append(AuditEvent.of(Actor.of(me.id(), AccountRoutes.primaryRole(me)), AuditAction.CREATE, Resource.of("message", message.id()))
                .about(message.menteeId()).from(Web.client(ctx)));
        notifications.notify(request.to(), NotificationService.Kind.MESSAGES, "message", Map.of("who", me.nickname()));
        ctx.status(201).json(Map.of("id", message.id(), "at", message.at().toString()));
    }

    private void menteePlans(Context ctx) {
        Account me = Access.require(ctx, Role.MENTOR);
        String menteeId = ctx.pathParam("id");
        guard.view(me, Role.MENTOR.id(), menteeId, MentorService.PLANS, Resource.of("plans"), Web.client(ctx));
        ctx.json(Paging.slice(ctx, "plans", plans.list(menteeId).stream().map(ContentRoutes::planJson).toList()));
    }

    private void menteePictures(Context ctx) {
        Account me = Access.require(ctx, Role.MENTOR);
        String menteeId = ctx.pathParam("id");
        guard.view(me, Role.MENTOR.id(), menteeId, MentorService.PICTURES, Resource.of("pictures"), Web.client(ctx));
        ctx.json(Paging.slice(ctx, "pictures", pictures.list(menteeId).stream().map(ContentRoutes::pictureJson).toList()));
    }

    private void menteePicture(Context ctx) {
        Account me = Access.require(ctx, Role.MENTOR);
        String menteeId = ctx.pathParam("id");
        guard.view(me, Role.MENTOR.id(), menteeId, MentorService.PICTURES, Resource.of("picture", ctx.pathParam("pid")), Web.client(ctx));
        sendPicture(ctx, menteeId, ctx.pathParam("pid"));
    }

    private static Map<String, Object> planJson(PlanService.Plan plan) {
        return Map.of("kind", plan.kind(), "period", plan.period(), "text", plan.text().orElse(""), "updatedAt", plan.updatedAt().toString());
    }

    private static Map<String, Object> pictureJson(PictureService.Picture picture) {
        return Map.of("id", picture.id(), "mediaType", picture.mediaType(), "width", picture.width(), "height", picture.height(),
                "uploadedAt", picture.createdAt().toString());
    }
}
