package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: callers queue stored events, one thread writes them in batches. A full queue blocks
 * the caller; an event whose batch failed fails its future, so nothing is lost silently.
 */
final class BatchAppender<E, R> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchAppender.class);

    private record Pending<E, R>(E event, CompletableFuture<R> done) {
    }

    private final BlockingQueue<Pending<E, R>> queue;
    private final int batchSize;
    private final Function<List<E>, List<R>> writer;
    private final Thread thread;
    private final AtomicReference<CompletableFuture<R>> lastSubmitted = new AtomicReference<>();
    private volatile boolean closed;

    BatchAppender(int capacity, int batchSize, Function<List<E>, List<R>> writer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.writer = writer;
        this.thread = Thread.ofPlatform().name("hoheit-audit-writer").daemon(true).unstarted(this::run);
        this.thread.start();
    }

    CompletableFuture<R> submit(E event) {
        if (closed) {
            throw new AuditException(AuditException.Problem.CLOSED, "the audit log is closed");
        }
        CompletableFuture<R> done = new CompletableFuture<>();
        try {
            synchronized (queue) {
                // Held while putting, so the queue order and lastSubmitted agree.
                queue.put(new Pending<>(event, done));
                lastSubmitted.set(done);
            }
        } catch (InterruptedException e) {
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
        }
    }

    /** Waits until everything queued before this call is written (batches complete in queue order). */
    void flush() {
        CompletableFuture<R> marker = lastSubmitted.get();
        if (marker == null) {
            return;
        }
        try {
            marker.handle((r, e) -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while flushing the audit log");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("handle() never fails", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
