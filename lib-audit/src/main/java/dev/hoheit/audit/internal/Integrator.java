package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_OUTBOX;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditReceipt;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows into the tree. Each instance runs one, and the one that holds the
 * {@link Leadership} integrates; the others stand by and take over when it stops or dies.
 *
 * <p>A batch is read, opened and sealed under the persons' keys first (no lock; on a helper thread
 * while the batch before it commits), then placed in one transaction: lock the tree's head, write
 * entries (COPY on PostgreSQL, a JDBC batch on MariaDB), tiles and head, destroy the keys an erasure asks for, delete the
 * batch's outbox rows, commit. Deleting claims the rows: when fewer are deleted than were read,
 * another integrator took some, and the transaction is rolled back. Rows come in id order, which
 * is the order their transactions made them visible, near enough (a row whose transaction commits
 * late joins a later batch). A failure anywhere leaves the rows in the outbox for the next try, so
 * every committed row is integrated exactly once.
 */
final class Integrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Integrator.class);
    static final int BATCH = 2_000;
    private static final long POLL_MILLIS = 20;
    /**
     * After a partial batch, the least time before the next one, woken or not: under a light load
     * every commit wakes the integrator, and integrating each event alone would cost a transaction
     * (and a disk flush) per event; waiting this long gathers them at the price of as much lag.
     */
    private static final long LINGER_MILLIS = 10;
    private static final long STANDBY_MILLIS = 250;

    private final Database database;
    private final DataSource dataSource;
    private final OutboxCodec codec;
    private final FieldSealer sealer;
    private final KeyRing keys;
    private final EntryWriter writer;
    private final Clock clock;
    private final Consumer<EntryWriter.Placed> integrated;
    private final Leadership leadership;
    private final Map<Long, CompletableFuture<AuditReceipt>> waiting = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final Thread thread;
    /** Reads and seals the next batch while the current one commits. */
    private final java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor(task ->
            Threads.daemon("hoheit-audit-integrator-prepare", task));
    private volatile boolean stopped;
    private volatile boolean leading;
    private volatile boolean started;
    private boolean woken;

    Integrator(Database database, OutboxCodec codec, FieldSealer sealer, KeyRing keys, EntryWriter writer, Clock clock,
               Consumer<EntryWriter.Placed> integrated) {
        this.database = database;
        this.dataSource = database.dataSource();
        this.codec = codec;
        this.sealer = sealer;
        this.keys = keys;
        this.writer = writer;
        this.clock = clock;
        this.integrated = integrated;
        this.leadership = Leadership.of(database);
        this.thread = Threads.daemon("hoheit-audit-integrator", this::run);
    }

    void start() {
        started = true;
        thread.start();
    }

    /** Whether this instance integrates right now. */
    boolean leading() {
        return leading;
    }

    /** Asks the integrator to look at the outbox now instead of at its next poll. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * The receipt of the entry that outbox row {@code id} (appended at {@code writtenAt}) became,
     * once integrated by any instance.
     */
    AuditReceipt await(long id, Instant writtenAt, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<AuditReceipt> local = waiting.computeIfAbsent(id, key -> new CompletableFuture<>());
        try {
            wake();
            while (true) {
                Optional<AuditReceipt> found = lookUp(id, writtenAt);
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AuditException(AuditException.Problem.TIMEOUT, "audit entry " + id + " was not integrated within "
                            + timeout + " (is an integrator running? lag " + lag() + ")");
                }
                try {
                    return local.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(leading ? 1_000 : 50)), TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // integrated elsewhere, or not yet: look again
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new AuditException(AuditException.Problem.STORAGE, "integration failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while waiting for integration");
        } finally {
            waiting.remove(id);
        }
    }

    /**
     * Waits until every row in the outbox now (committed before this call) is integrated. Gives up
     * when integration makes no progress for {@code patience}: a large backlog may take longer, as
     * long as it shrinks.
     */
    void flush(Duration patience) {
        DSLContext db = database.dsl();
        Long newest = db.select(DSL.max(AUDIT_OUTBOX.ID)).from(AUDIT_OUTBOX).fetchOne(0, Long.class);
        if (newest == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        Long oldestLeft = null;
        while (true) {
            Long left = db.select(DSL.min(AUDIT_OUTBOX.ID)).from(AUDIT_OUTBOX).where(AUDIT_OUTBOX.ID.le(newest)).fetchOne(0, Long.class);
            if (left == null) {
                return;
            }
            if (!left.equals(oldestLeft)) {
                oldestLeft = left;
                deadline = System.nanoTime() + patience.toNanos(); // progress: the oldest waiting row moved on
            } else if (System.nanoTime() > deadline) {
                throw new AuditException(AuditException.Problem.TIMEOUT, "the outbox was not integrated: no progress for "
                        + patience + " (is an integrator running? lag " + lag() + ")");
            }
            wake();
            sleep(10);
        }
    }

    /** How long the oldest row has waited in the outbox (zero when it is empty), by the log's clock. */
    Duration lag() {
        // The lowest id is the oldest row, near enough, and found through the primary key (no scan).
        Instant oldest = database.dsl().select(AUDIT_OUTBOX.WRITTEN_AT).from(AUDIT_OUTBOX).orderBy(AUDIT_OUTBOX.ID).limit(1)
                .fetchOne(AUDIT_OUTBOX.WRITTEN_AT);
        if (oldest == null) {
            return Duration.ZERO;
        }
        Duration lag = Duration.between(oldest, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    private Optional<AuditReceipt> lookUp(long id, Instant writtenAt) {
        DSLContext db = database.dsl();
        if (db.fetchExists(db.selectOne().from(AUDIT_OUTBOX).where(AUDIT_OUTBOX.ID.eq(id)))) {
            return Optional.empty();
        }
        // Recording times never go before the append, so the entry lies at or after writtenAt.
        return db.select(AUDIT_ENTRY.SEQ).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.RECORDED_AT.ge(EntryCodec.micros(writtenAt)).and(AUDIT_ENTRY.OUTBOX_ID.eq(id)))
                .fetchOptional(AUDIT_ENTRY.SEQ)
                .flatMap(seq -> new EventReader(db, sealer).range(seq, seq).stream().findFirst())
                .map(event -> new AuditReceipt(event.seq(), event.recordedAt(), HexFormat.of().formatHex(EntryCodec.leafHash(event))))
                .or(() -> {
                    throw new AuditException(AuditException.Problem.INVALID_STATE, "outbox row " + id + " is neither in the"
                            + " outbox nor in the log: its transaction rolled back or has not committed yet (wait after the"
                            + " commit), or the row or its entry was deleted (verify() tells)");
                });
    }

    /** Outbox rows read, opened and sealed under the persons' keys: ready to be placed (no position yet). */
    private record Prepared(List<Long> ids, List<Instant> times, List<StoredEvent> events, List<String> erased) {

        boolean empty() {
            return ids.isEmpty();
        }

        long minId() {
            return ids.get(0);
        }

        long maxId() {
            return ids.get(ids.size() - 1);
        }
    }

    private static final Prepared NOTHING = new Prepared(List.of(), List.of(), List.of(), List.of());

    /**
     * The loop of the leading instance, pipelined: while one batch is placed and committed (mostly
     * database work), the next is read and sealed (mostly CPU work) on a helper thread.
     */
    private void run() {
        long failures = 0;
        Prepared next = null;
        while (!stopped) {
            try {
                leading = leadership.lead();
                if (!leading) {
                    next = null;
                    pause(STANDBY_MILLIS);
                    continue;
                }
                Prepared current = next != null ? next : prepare(Long.MAX_VALUE, Long.MIN_VALUE);
                next = null;
                if (current.empty()) {
                    pause(POLL_MILLIS);
                    continue;
                }
                Future<Prepared> ahead = current.ids().size() == BATCH
                        ? helper.submit(() -> prepare(current.minId(), current.maxId())) : null;
                try {
                    commit(current);
                } finally {
                    if (ahead != null) {
                        next = take(ahead);
                    }
                }
                failures = 0;
                if (ahead == null) {
                    sleepQuietly(LINGER_MILLIS);
                    pause(POLL_MILLIS - LINGER_MILLIS);
                }
            } catch (RuntimeException | SQLException e) {
                failures++;
                next = null;
                LOG.warn("Audit integration failed ({} in a row), retrying: {}", failures, e.toString());
                leadership.close();
                leading = false;
                pause(Math.min(2_000, 50 * failures));
            }
        }
    }

    private static Prepared take(Future<Prepared> ahead) throws SQLException {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AuditException(AuditException.Problem.STORAGE, "preparing an integration batch failed", e.getCause());
        }
    }

    /** Integrates one batch; returns how many outbox rows it moved (for the drain at close). */
    int integrateBatch() throws SQLException {
        Prepared batch = prepare(Long.MAX_VALUE, Long.MIN_VALUE);
        return batch.empty() ? 0 : commit(batch);
    }

    /**
     * Reads the oldest outbox rows outside {@code [skipFrom, skipTo]} (the batch being committed right
     * now), opens them and seals their fields under the persons' keys. No lock is taken: the commit
     * claims the rows by deleting them, and gives up when another integrator was first.
     */
    private Prepared prepare(long skipFrom, long skipTo) {
        DSLContext db = database.dsl();
        var select = db.select(AUDIT_OUTBOX.ID, AUDIT_OUTBOX.WRITTEN_AT, AUDIT_OUTBOX.PAYLOAD).from(AUDIT_OUTBOX);
        List<Record3<Long, Instant, byte[]>> rows = (skipFrom <= skipTo
                ? select.where(AUDIT_OUTBOX.ID.lt(skipFrom).or(AUDIT_OUTBOX.ID.gt(skipTo))) : select)
                .orderBy(AUDIT_OUTBOX.ID).limit(BATCH).fetch();
        if (rows.isEmpty()) {
            return NOTHING;
        }
        List<OutboxCodec.Opened> opened = new ArrayList<>(rows.size());
        java.util.Set<String> persons = new java.util.HashSet<>();
        for (Record3<Long, Instant, byte[]> row : rows) {
            OutboxCodec.Opened event = codec.open(row.value3());
            opened.add(event);
            if (!event.event().actor().isSystem()) {
                persons.add(event.event().actor().id());
            }
            if (event.event().subjectId() != null) {
                persons.add(event.event().subjectId());
            }
        }
        keys.prefetch(persons); // one query and one insert for the batch's persons, not a round trip each
        List<Long> ids = new ArrayList<>(rows.size());
        List<Instant> times = new ArrayList<>(rows.size());
        List<StoredEvent> events = new ArrayList<>(rows.size());
        List<String> erased = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record3<Long, Instant, byte[]> row = rows.get(i);
            ids.add(row.value1());
            times.add(row.value2());
            events.add(sealer.seal(opened.get(i).event(), row.value2()));
            if (opened.get(i).eraseSubjectId() != null) {
                erased.add(opened.get(i).eraseSubjectId());
            }
        }
        return new Prepared(ids, times, events, erased);
    }

    /**
     * Places a prepared batch in one transaction: lock the head, write entries, tiles and head,
     * destroy the keys its erasures ask for, delete its outbox rows, commit. When some of its rows
     * are gone already (another integrator took them), nothing is kept and the rows are read again.
     */
    private int commit(Prepared batch) throws SQLException {
        Connection held = leadership.connection();
        Connection connection = held != null ? held : dataSource.getConnection();
        List<String> erasedTags = new ArrayList<>();
        EntryWriter.Placed placed;
        List<Long> ids = batch.ids();
        try {
            connection.setAutoCommit(false);
            try {
                DSLContext tx = database.dsl(connection);
                EntryWriter.Head head = EntryWriter.readHead(tx, true);
                placed = writer.place(connection, head, batch.events(), batch.times(), ids);
                for (String person : batch.erased()) {
                    erasedTags.add(keys.destroyPersonKey(tx, person).orElse(null));
                }
                int deleted = 0;
                for (int from = 0; from < ids.size(); from += 1_000) {
                    deleted += tx.deleteFrom(AUDIT_OUTBOX).where(AUDIT_OUTBOX.ID.in(ids.subList(from, Math.min(ids.size(), from + 1_000))))
                            .execute();
                }
                if (deleted != ids.size()) {
                    connection.rollback();
                    LOG.info("{} of {} outbox rows were integrated by another instance meanwhile; reading again", ids.size() - deleted, ids.size());
                    return 0;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        } finally {
            if (held == null) {
                connection.close();
            }
        }
        for (int i = 0; i < batch.erased().size(); i++) {
            keys.forget(batch.erased().get(i), erasedTags.get(i));
        }
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < ids.size(); i++) {
            CompletableFuture<AuditReceipt> waiter = waiting.get(ids.get(i));
            if (waiter != null) {
                StoredEvent event = placed.events().get(i);
                waiter.complete(new AuditReceipt(event.seq(), event.recordedAt(), hex.formatHex(placed.leafHashes().get(i))));
            }
        }
        try {
            integrated.accept(placed);
        } catch (RuntimeException e) {
            LOG.warn("After integrating up to {}: {}", placed.oldSize() + ids.size(), e.toString());
        }
        return ids.size();
    }

    private void pause(long millis) {
        synchronized (signal) {
            if (!woken && !stopped) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            woken = false;
        }
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException(AuditException.Problem.INTERRUPTED, "interrupted while waiting for integration");
        }
    }

    /**
     * Stops integrating and steps down. While it still leads it first integrates what is in the
     * outbox (for at most a few seconds); what is left waits for the next integrator.
     */
    @Override
    public void close() {
        stopped = true;
        wake();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (!started) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (leadership.lead() && integrateBatch() == BATCH && System.nanoTime() < deadline) {
                // drain
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Audit integration at close failed; the outbox keeps the rest: {}", e.toString());
        }
        leadership.close();
        leading = false;
        helper.shutdownNow();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
