package dev.hoheit.retention.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A store of personal data the host application owns (a table, a set of files), registered with the
 * retention service so that export, erasure and retention provably cover it.
 *
 * <p>Implementations must be thread-safe and idempotent: erasing twice, or purging the same range
 * twice, is harmless.
 *
 * @since 0.1
 */
public interface PersonalDataStore {

    /** What the store holds. */
    StoreDescriptor descriptor();

    /** How many records the store holds about {@code subjectId} (the export manifest lists it). */
    long count(String subjectId);

    /**
     * Writes everything the store holds about {@code subjectId}, including what others sent them.
     *
     * @return how many records were written (the export manifest lists it)
     */
    long export(String subjectId, ExportSink sink);

    /**
     * Erases everything the store holds about {@code subjectId}, including data on other people's
     * side that belongs to them (messages they sent to a mentor).
     *
     * @return how many records were erased
     */
    long erase(String subjectId);

    /**
     * Applies retention to one batch: deletes, anonymises or shreds records of {@code category}
     * older than {@code cutoff}, skipping {@code heldSubjects}, at most {@code limit} of them.
     *
     * @return how many records were affected, and whether more remain
     */
    PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit);

    /**
     * The time of the oldest record of {@code category} that retention has not yet handled, ignoring
     * {@code heldSubjects}: the auditor's check that nothing is kept longer than promised.
     */
    Optional<Instant> oldest(String category, Set<String> heldSubjects);
}
