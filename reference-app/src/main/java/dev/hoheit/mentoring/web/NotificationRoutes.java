package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.notification.NotificationService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** My notifications (R21) and what I want to be told, in the app and by e-mail. */
final class NotificationRoutes {

    /** {@code POST /api/me/notifications/read}: an empty object. */
    record MarkRead() {
    }

    /** {@code PUT /api/me/notification-settings}: one entry per kind to change. */
    record SettingsChange(List<SettingChange> settings) {
    }

    /** One kind's choice. */
    record SettingChange(String kind, Boolean inApp, Boolean email) {
    }

    private final NotificationService notifications;

    NotificationRoutes(NotificationService notifications) {
        this.notifications = notifications;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me/notifications", this::list);
        routes.post("/api/me/notifications/read", this::markRead);
        routes.get("/api/me/notification-settings", this::settings);
        routes.put("/api/me/notification-settings", this::choose);
    }

    private void list(Context ctx) {
        Account me = Web.account(ctx);
        Paging paging = Paging.of(ctx);
        long before = 0;
        String cursor = ctx.queryParam("before");
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor.strip());
            } catch (NumberFormatException e) {
                before = -1;
            }
            if (before < 1) {
                throw AppException.badRequest(ErrorCode.BEFORE_INVALID, "before is the next value of the previous page, a whole number above 0");
            }
        }
        List<NotificationService.Notification> page = notifications.list(me.id(), before, paging.fetch());
        List<NotificationService.Notification> shown = page.size() > paging.limit() ? page.subList(0, paging.limit()) : page;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("notifications", shown.stream().map(n -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", n.id());
            item.put("kind", n.kind().id());
            item.put("event", n.event());
            item.put("params", n.params());
            item.put("at", n.createdAt().toString());
            item.put("read", n.read());
            return item;
        }).toList());
        json.put("unread", notifications.unread(me.id()));
        json.put("limit", paging.limit());
        json.put("next", page.size() > paging.limit() ? shown.get(shown.size() - 1).seq() : null);
        ctx.json(json);
    }

    private void markRead(Context ctx) {
        Account me = Web.account(ctx);
        Web.body(ctx, MarkRead.class);
        ctx.json(Map.of("marked", notifications.markAllRead(me.id()), "unread", 0));
    }

    private void settings(Context ctx) {
        ctx.json(settingsJson(Web.account(ctx)));
    }

    private void choose(Context ctx) {
        Account me = Web.account(ctx);
        SettingsChange change = Web.body(ctx, SettingsChange.class);
        if (change.settings() == null || change.settings().isEmpty()) {
            throw AppException.badRequest(ErrorCode.NOTIFICATION_SETTINGS_INVALID, "send settings: a list of {kind, inApp, email}");
        }
        Map<NotificationService.Kind, NotificationService.Setting> current = notifications.settings(me.id());
        for (SettingChange one : change.settings()) {
            if (one == null || one.kind() == null) {
                throw AppException.badRequest(ErrorCode.NOTIFICATION_KIND_INVALID, "every setting names its kind: messages, mentoring or service");
            }
            NotificationService.Kind kind = NotificationService.Kind.parse(one.kind());
            NotificationService.Setting was = current.get(kind);
            notifications.choose(me.id(), kind, one.inApp() == null ? was.inApp() : one.inApp(),
                    one.email() == null ? was.email() : one.email());
        }
        ctx.json(settingsJson(me));
    }

    private Map<String, Object> settingsJson(Account me) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", notifications.settings(me.id()).values().stream().map(s -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", s.kind().id());
            item.put("inApp", s.inApp());
            item.put("email", s.email());
            item.put("switchable", s.kind().switchable());
            return item;
        }).toList());
        json.put("emailAvailable", notifications.mailConfigured());
        return json;
    }
}
