package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers queue events, {@value #WRITERS} threads write them in batches, each batch
 * in one transaction (two, so one batch travels to the database while the next is assembled). A
 * full queue blocks the caller; an event whose batch failed fails its future, so nothing is lost
 * silently.
 */
final class BatchAppender<E, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchAppender.class);
    static final int WRITERS = 2;

    private record Pending<E, R>(long number, E event, CompletableFuture<R> done) {
    }

    private final BlockingQueue<Pending<E, R>> queue;
    private final int batchSize;
    private final Function<List<E>, List<R>> writer;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong submitted = new AtomicLong();
    /** What is queued or being written, by submission number: what {@link #flush} waits for. */
    private final ConcurrentSkipListMap<Long, CompletableFuture<R>> outstanding = new ConcurrentSkipListMap<>();
    private volatile boolean closed;

    BatchAppender(int capacity, int batchSize, Function<List<E>, List<R>> writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.writer = writer;
        for (int i = 0; i < WRITERS; i++) {
            Thread thread = Threads.daemon("hoheit-audit-writer-" + i, this::run);
            threads.add(thread);
            thread.start();
        }
    }

    CompletableFuture<R> submit(E event) {
        if (closed) {
            throw new AuditException(AuditException.Problem.CLOSED, "the audit log is closed");
        }
        CompletableFuture<R> done = new CompletableFuture<>();
        long number = submitted.incrementAndGet();
        outstanding.put(number, done);
        try {
            queue.put(new Pending<>(number, event, done));
        } catch (InterruptedException e) {
            outstanding.remove(number);
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while waiting for room in the audit buffer");
        }
        return done;
    }

    private void run() {
        List<Pending<E, R>> batch = new ArrayList<>(batchSize);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<E, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<E, R>> batch) {
        try {
            List<R> results = writer.apply(batch.stream().map(Pending::event).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException e) {
            LOG.error("A batch of {} audit events could not be written; their callers are told ({})",
                    batch.size(), e.getClass().getName());
            batch.forEach(pending -> pending.done().completeExceptionally(e));
        } finally {
            batch.forEach(pending -> outstanding.remove(pending.number()));
        }
    }

    /** Waits until everything queued before this call is written (or has failed). */
    void flush() {
        long last = submitted.get();
        for (CompletableFuture<R> pending : outstanding.headMap(last, true).values()) {
            try {
                pending.handle((r, e) -> null).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while flushing the audit log");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("handle() never fails", e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
