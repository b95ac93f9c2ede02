package dev.hoheit.mentoring.privacy;

import dev.hoheit.mentoring.core.ContentStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Privacy requests as a store: exported with the person's data and erased with her account. */
public final class PrivacyRequestStore {

    private PrivacyRequestStore() {
    }

    public static ContentStore of(PrivacyRequestService service) {
        return new ContentStore("privacy-requests", "Your objections, questions and complaints to the operator, and the answers.",
                List.of("kind", "text", "received", "deadline", "extension reason", "answer", "answered"), List.of("app_privacy_request"),
                service::count, (id, sink) -> {
                    long written = 0;
                    for (PrivacyRequestService.PrivacyRequest request : service.of(id)) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("kind", request.kind().id());
                        record.put("text", request.text().orElse(null));
                        record.put("receivedAt", request.receivedAt());
                        record.put("dueAt", request.dueAt());
                        record.put("extensionReason", request.extensionReason().orElse(null));
                        record.put("answer", request.answer().orElse(null));
                        record.put("answeredAt", request.answeredAt().orElse(null));
                        sink.record(record);
                        written++;
                    }
                    return written;
                }, service::erase);
    }
}
