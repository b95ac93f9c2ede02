package dev.hoheit.retention.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A store of personal data the host application owns (a table, a set of files), registered with the
 * retention service so that export, erasure and retention provably cover it.
 *
 * <p>Implementations must be thread-safe and idempotent: erasing twice, or purging the same range
 * twice, is harmless. {@link dev.hoheit.retention.TableStore} implements all of this for a plain table.
 *
 * <p>The contract, method by method, where a first implementation usually wonders:
 * <ul>
 *   <li>{@link #count} and {@link #export} see the same records: {@code count} is the number
 *       {@code export} would write at the same moment (the export manifest lists both, and an auditor
 *       compares them). Records about the person that others hold (a message they received) count
 *       in both or in neither.</li>
 *   <li>{@link #purge} is called only for categories this store declares {@linkplain DataCategory#purgeable()
 *       purgeable}; a category it does not hold returns {@link PurgeBatch#none()}. An action it cannot
 *       carry out for a category it holds (say {@link RetentionAction#SHRED} on a store without per-record
 *       keys) must throw, never return {@code none()}: the run marks the step FAILED and the auditor sees
 *       it, where a silent skip would keep data longer than promised.</li>
 *   <li>A {@link dev.hoheit.retention.RetentionPolicy} may only name a category every store holding it
 *       declares purgeable: {@link dev.hoheit.retention.RetentionConfig} refuses the others, since no run
 *       could keep their period. Non-purgeable categories (an account, its consent records) live until
 *       the person's erasure.</li>
 *   <li>{@link #purge} and {@link #oldest} agree: after purging a category up to a cutoff until
 *       {@code more()} is false, {@code oldest} of that category is empty or not before the cutoff
 *       (held subjects aside). The auditor's overdue check rests on it.</li>
 * </ul>
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
