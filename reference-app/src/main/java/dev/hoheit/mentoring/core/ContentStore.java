package dev.hoheit.mentoring.core;

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
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * A store of personal content kept for the life of the account (Smoff-Time, plans, pictures,
 * messages): counted, exported and erased through the functions it is built from, never purged on
 * its own.
 */
public final class ContentStore implements PersonalDataStore {

    private final StoreDescriptor descriptor;
    private final ToLongFunction<String> count;
    private final BiFunction<String, ExportSink, Long> export;
    private final ToLongFunction<String> erase;

    /**
     * @param name store name
     * @param description what it holds, in plain words
     * @param fields the personal fields
     * @param tables the tables it covers
     * @param count records about a person
     * @param export writes a person's records, returns how many
     * @param erase erases a person's records, returns how many
     */
    public ContentStore(String name, String description, List<String> fields, List<String> tables, ToLongFunction<String> count,
                        BiFunction<String, ExportSink, Long> export, ToLongFunction<String> erase) {
        this.descriptor = new StoreDescriptor(name, description, List.of(new DataCategory(name, description, fields, false)), tables);
        this.count = count;
        this.export = export;
        this.erase = erase;
    }

    @Override
    public StoreDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long count(String subjectId) {
        return count.applyAsLong(subjectId);
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        return export.apply(subjectId, sink);
    }

    @Override
    public long erase(String subjectId) {
        return erase.applyAsLong(subjectId);
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
