package dev.hoheit.mentoring.planning;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Smoff-Time as a store of personal data: kept for the life of the account, exported and erased with it. */
public final class SmoffTimeStore implements PersonalDataStore {

    private final SmoffTimeService service;

    public SmoffTimeStore(SmoffTimeService service) {
        this.service = service;
    }

    @Override
    public StoreDescriptor descriptor() {
        return new StoreDescriptor("smoff-time", "Your planning sessions: kind, date, minutes and your notes.",
                List.of(new DataCategory("smoff-time", "Planning sessions", List.of("kind", "date", "minutes", "note"), false)),
                List.of("app_smoff_session"));
    }

    @Override
    public long count(String subjectId) {
        return service.count(subjectId);
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        for (SmoffTimeService.Entry entry : service.list(subjectId)) {
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
    }

    @Override
    public long erase(String subjectId) {
        return service.erase(subjectId);
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        return PurgeBatch.none();
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return Optional.empty();
    }
}
