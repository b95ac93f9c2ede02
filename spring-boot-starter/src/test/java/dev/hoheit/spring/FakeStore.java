package dev.hoheit.spring;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store of the application that holds nothing: enough to see it registered. */
final class FakeStore implements PersonalDataStore {

    private final StoreDescriptor descriptor;

    FakeStore(String name, String category) {
        this.descriptor = new StoreDescriptor(name, "an empty store of the test",
                List.of(new DataCategory(category, "the test's notes", List.of("body"), true)), List.of());
    }

    @Override
    public StoreDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long count(String subjectId) {
        return 0;
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        return 0;
    }

    @Override
    public long erase(String subjectId) {
        return 0;
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
