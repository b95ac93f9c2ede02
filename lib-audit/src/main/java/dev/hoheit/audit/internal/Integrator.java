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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>One batch is one transaction: lock the tree's head, read the oldest outbox rows (in id order,
 * which is the order their transactions made them visible, near enough: a row whose transaction
 * commits late joins a later batch), open and seal them under the persons' keys, place them, write
 * entries, tiles and head, destroy the keys an erasure asks for, delete the rows, commit. A failure
 * anywhere leaves the rows in the outbox for the next try, so every committed row is integrated
 * exactly once.
 */
final class Integrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Integrator.class);
    static final int BATCH = 2_000;
    private static final long POLL_MILLIS = 20;
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
    private final AtomicLong integratedCount = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean leading;
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
        this.thread = Thread.ofPlatform().name("hoheit-audit-integrator").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Whether this instance integrates right now. */
    boolean leading() {
        return leading;
    }

    /** Entries this instance has integrated since it started. */
    long integratedCount() {
        return integratedCount.get();
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

    /** Waits until every row in the outbox now (committed before this call) is integrated. */
    void flush(Duration timeout) {
        DSLContext db = database.dsl();
        Long newest = db.select(DSL.max(AUDIT_OUTBOX.ID)).from(AUDIT_OUTBOX).fetchOne(0, Long.class);
        if (newest == null) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (db.fetchExists(db.selectOne().from(AUDIT_OUTBOX).where(AUDIT_OUTBOX.ID.le(newest)))) {
            if (System.nanoTime() > deadline) {
                throw new AuditException(AuditException.Problem.TIMEOUT, "the outbox was not integrated within " + timeout
                        + " (is an integrator running? lag " + lag() + ")");
            }
            wake();
            sleep(10);
        }
    }

    /** How long the oldest row has waited in the outbox (zero when it is empty), by the log's clock. */
    Duration lag() {
        Instant oldest = database.dsl().select(DSL.min(AUDIT_OUTBOX.WRITTEN_AT)).from(AUDIT_OUTBOX).fetchOne(0, Instant.class);
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
                    throw new AuditException(AuditException.Problem.TAMPERED, "outbox row " + id
                            + " left the outbox but no entry holds it (deleted from the outbox or the log)");
                });
    }

    private void run() {
        long failures = 0;
        while (!stopped) {
            try {
                leading = leadership.lead();
                if (!leading) {
                    pause(STANDBY_MILLIS);
                    continue;
                }
                int moved = integrateBatch();
                failures = 0;
                if (moved < BATCH) {
                    pause(POLL_MILLIS);
                }
            } catch (RuntimeException | SQLException e) {
                failures++;
                LOG.warn("Audit integration failed ({} in a row), retrying: {}", failures, e.toString());
                leadership.close();
                leading = false;
                pause(Math.min(2_000, 50 * failures));
            }
        }
    }

    /** Integrates one batch; returns how many outbox rows it moved. Public for drains at close. */
    int integrateBatch() throws SQLException {
        Connection held = leadership.connection();
        Connection connection = held != null ? held : dataSource.getConnection();
        List<Long> ids = new ArrayList<>();
        List<String[]> erased = new ArrayList<>();
        EntryWriter.Placed placed;
        try {
            connection.setAutoCommit(false);
            try {
                DSLContext tx = database.dsl(connection);
                EntryWriter.Head head = EntryWriter.readHead(tx, true);
                List<Record3<Long, Instant, byte[]>> rows = tx.select(AUDIT_OUTBOX.ID, AUDIT_OUTBOX.WRITTEN_AT, AUDIT_OUTBOX.PAYLOAD)
                        .from(AUDIT_OUTBOX).orderBy(AUDIT_OUTBOX.ID).limit(BATCH).fetch();
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<StoredEvent> events = new ArrayList<>(rows.size());
                List<Instant> times = new ArrayList<>(rows.size());
                for (Record3<Long, Instant, byte[]> row : rows) {
                    OutboxCodec.Opened opened = codec.open(row.value3());
                    ids.add(row.value1());
                    times.add(row.value2());
                    events.add(sealer.seal(opened.event(), row.value2()));
                    if (opened.eraseSubjectId() != null) {
                        erased.add(new String[] {opened.eraseSubjectId(), null});
                    }
                }
                placed = writer.place(connection, head, events, times, ids);
                for (String[] person : erased) {
                    person[1] = keys.destroyPersonKey(tx, person[0]).orElse(null);
                }
                for (int from = 0; from < ids.size(); from += 1_000) {
                    tx.deleteFrom(AUDIT_OUTBOX).where(AUDIT_OUTBOX.ID.in(ids.subList(from, Math.min(ids.size(), from + 1_000)))).execute();
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
        for (String[] person : erased) {
            keys.forget(person[0], person[1]);
        }
        integratedCount.addAndGet(ids.size());
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
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
