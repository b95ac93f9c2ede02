package dev.hoheit.mentoring.mentorship;

import dev.hoheit.mentoring.core.ContentStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages as a store: a person's conversations, erased on both sides with either person (R24). */
public final class MessageStore {

    private MessageStore() {
    }

    public static ContentStore of(MessageService service) {
        return new ContentStore("messages", "Messages between you and your mentors or mentees.",
                List.of("sender", "recipient", "text", "time"), List.of("app_message"), service::count, (id, sink) -> {
                    long written = 0;
                    for (MessageService.Message message : service.of(id)) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("mentee", message.menteeId());
                        record.put("mentor", message.mentorId());
                        record.put("from", message.senderId());
                        record.put("text", message.body().orElse(null));
                        record.put("at", message.at());
                        sink.record(record);
                        written++;
                    }
                    return written;
                }, service::erase);
    }
}
