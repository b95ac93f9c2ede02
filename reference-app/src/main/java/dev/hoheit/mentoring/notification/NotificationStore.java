package dev.hoheit.mentoring.notification;

import dev.hoheit.mentoring.core.ContentStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notifications and their settings as a store: exported with the person's data, erased with her account. */
public final class NotificationStore {

    private NotificationStore() {
    }

    public static ContentStore of(NotificationService service) {
        return new ContentStore("notifications", "What Smoffen told you in the app or by e-mail, and which notifications you chose.",
                List.of("kind", "event", "time", "read", "settings"), List.of("app_notification", "app_notification_setting"),
                service::count, (id, sink) -> {
                    long written = 0;
                    for (NotificationService.Setting setting : service.chosen(id)) {
                        sink.record(Map.of("setting", setting.kind().id(), "inApp", setting.inApp(), "email", setting.email()));
                        written++;
                    }
                    for (NotificationService.Notification n : service.all(id)) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("kind", n.kind().id());
                        record.put("event", n.event());
                        record.put("params", n.params());
                        record.put("at", n.createdAt());
                        record.put("read", n.read());
                        sink.record(record);
                        written++;
                    }
                    return written;
                }, service::erase);
    }
}
