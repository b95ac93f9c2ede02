package dev.hoheit.mentoring.planning;

import dev.hoheit.mentoring.core.ContentStore;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planning content as stores of personal data. */
public final class PlanningStores {

    private PlanningStores() {
    }

    public static ContentStore smoffTime(SmoffTimeService service) {
        return new ContentStore("smoff-time", "Your planning sessions: kind, date, minutes and your notes.",
                List.of("kind", "date", "minutes", "note"), List.of("app_smoff_session"), service::count,
                (id, sink) -> {
                    long written = 0;
                    for (SmoffTimeService.Entry entry : service.list(id)) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("id", entry.id());
                        record.put("kind", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
                        record.put("date", entry.date());
                        record.put("minutes", entry.minutes());
                        record.put("note", entry.note().orElse(null));
                        sink.record(record);
                        written++;
                    }
                    return written;
                }, service::erase);
    }

    public static ContentStore plans(PlanService service) {
        return new ContentStore("plans", "Your day, week and year plans.", List.of("kind", "period", "text"), List.of("app_plan"),
                service::count, (id, sink) -> {
                    long written = 0;
                    for (PlanService.Plan plan : service.list(id)) {
                        sink.record(Map.of("kind", plan.kind(), "period", plan.period(), "text", plan.text().orElse(""),
                                "updatedAt", plan.updatedAt()));
                        written++;
                    }
                    return written;
                }, service::erase);
    }

    public static ContentStore pictures(PictureService service) {
        return new ContentStore("pictures", "Your pictures of paper planning sheets (stored without metadata).",
                List.of("picture", "width", "height", "uploaded"), List.of("app_picture"), service::count, (id, sink) -> {
                    long written = 0;
                    for (PictureService.Picture picture : service.list(id)) {
                        String file = picture.id() + ("image/png".equals(picture.mediaType()) ? ".png" : ".jpg");
                        sink.record(Map.of("id", picture.id(), "file", file, "width", picture.width(), "height", picture.height(),
                                "uploadedAt", picture.createdAt()));
                        service.content(id, picture.id()).ifPresent(bytes -> sink.file(file, picture.mediaType(), new ByteArrayInputStream(bytes)));
                        written++;
                    }
                    return written;
                }, service::erase);
    }
}
