package dev.hoheit.retention.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the next {@code ctid} batch of a purge looks, on a plain PostgreSQL table: one pass over the
 * table's pages, front to back, each batch in the page range after the previous one (a TID Range
 * Scan), so no batch scans again the rows earlier batches deleted; then one statement over the whole
 * table, which catches what the pass could not see behind it (a hold lifted, a row moved to an
 * earlier page by an UPDATE, a due row inserted there). A purge reports "nothing more" only after a
 * statement over the whole table found fewer rows than it may take.
 *
 * <p>A range is sized to hold about {@code limit} due rows, from the rows per page seen so far (at
 * first the table's statistics, else the most rows a page can hold); the batch still takes at most
 * {@code limit} rows, and when it takes that many the range may hold more, so the next batch looks
 * at the same range again, half as wide.
 *
 * <p>The position lives in memory, for one task (category, cutoff, action, held subjects) at a time:
 * a purge of another task, or a new process, starts from the first page, which is always correct.
 */
final class PageRanges {

    /** The most tuples an 8 KiB PostgreSQL heap page holds (MaxHeapTuplesPerPage). */
    private static final int MOST_ROWS_PER_PAGE = 291;

    /**
     * The pages one batch looks at.
     *
     * @param from the first page
     * @param to the page after the last, or -1 for "to the end of the table"
     */
    record Range(long from, long to) {

        /** Whether the batch looks at every page: only then may "fewer than the limit" end the purge. */
        boolean wholeTable() {
            return from == 0 && to < 0;
        }
    }

    /** The table's size and statistics when a pass starts. */
    record TableSize(long pages, double rowsPerPage) {
    }

    private record Pass(List<Object> task, long from, long width, long end, boolean swept) {
    }

    private final AtomicReference<Pass> pass = new AtomicReference<>();

    /** The range of the next batch of {@code task}; {@code size} is asked only when a pass starts. */
    Range next(List<Object> task, int limit, java.util.function.Supplier<TableSize> size) {
        Pass current = current(task, limit, size);
        if (current.swept()) {
            return new Range(0, -1);
        }
        long to = current.from() + current.width();
        return new Range(current.from(), to >= current.end() ? -1 : to);
    }

    /**
     * Records what the batch over {@code range} did; returns whether the purge should go on (the
     * runner calls again).
     */
    boolean done(List<Object> task, Range range, long affected, int limit) {
        Pass current = pass.get();
        if (current == null || !current.task().equals(task)) {
            // Another task ran in between; this one starts over next time, which is always correct.
            return affected >= limit || !range.wholeTable();
        }
        if (affected >= limit) {
            // The range may hold more due rows than were taken: look at it again, narrower.
            pass.set(new Pass(task, range.from(), Math.max(1, current.width() / 2), current.end(), current.swept()));
            return true;
        }
        if (range.wholeTable()) {
            pass.set(null);
            return false;
        }
        if (range.to() < 0) {
            // The pass reached the end; one statement over the whole table follows.
            pass.set(new Pass(task, 0, current.width(), current.end(), true));
            return true;
        }
        pass.set(new Pass(task, range.to(), wider(current.width(), affected, limit), current.end(), false));
        return true;
    }

    private Pass current(List<Object> task, int limit, java.util.function.Supplier<TableSize> size) {
        Pass current = pass.get();
        if (current != null && current.task().equals(task)) {
            return current;
        }
        TableSize table = size.get();
        double perPage = table.rowsPerPage() > 0 ? table.rowsPerPage() : MOST_ROWS_PER_PAGE;
        Pass fresh = new Pass(task, 0, Math.max(1, (long) (limit / perPage)), table.pages(), false);
        pass.set(fresh);
        return fresh;
    }

    /** The next width: sized for about 97 % of the limit at the density just seen, at most twice as wide. */
    private static long wider(long width, long affected, int limit) {
        if (affected == 0) {
            return width * 2;
        }
        long target = (long) (width * (0.97 * limit) / affected);
        return Math.max(1, Math.min(width * 2, target));
    }
}
