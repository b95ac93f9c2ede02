package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.AuditLibrary.CHECKS;
import static dev.hoheit.audit.internal.AuditLibrary.LIBRARY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CLIENT_KEY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_OUTBOX;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.Appended;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditException.Problem;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.AuditReceipt;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.ConsistencyProof;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TiledTree;
import dev.hoheit.audit.InclusionProof;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.SubjectAuditRecords;
import dev.hoheit.audit.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jOOQ/JDBC-backed {@link AuditLog}. */
public final class DefaultAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditLog.class);
    private static final int EXPORT_PAGE = 500;
    private static final Duration INTEGRATION_WAIT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final AuditConfig config;
    private final Database database;
    private final DSLContext db;
    private final KeyRing keys;
    private final FieldSealer sealer;
    private final Partitions partitions;
    private final EntryWriter writer;
    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final Optional<LogState> state;
    private final Witnessing witnessing;
    private final EventReader reader;
    private final Purger purger;
    private final OutboxCodec outbox;
    private final TransactionRunner transactions;
    private final Integrator integrator;
    private final BatchAppender<OutboxRow, Appended> batches;
    private volatile boolean closed;

    /** An outbox row to insert. */
    record OutboxRow(Instant writtenAt, byte[] payload) {
    }

    /** Use {@link AuditLog#create}. */
    public DefaultAuditLog(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.database = new Database(dataSource, config.schema());
        this.db = database.dsl();
        this.keys = new KeyRing(db, config.keys().masterKey(), config.clock(), config.keyCacheTtl());
        int moved = keys.moveVersionOneKeys();
        if (moved > 0) {
            LOG.info("Moved {} person key(s) of audit schema version 1 to id tags (no id is kept in clear)", moved);
        }
        this.sealer = new FieldSealer(keys);
        this.partitions = new Partitions(database);
        this.writer = new EntryWriter(database, partitions);
        this.outbox = new OutboxCodec(config.keys().masterKey());
        this.transactions = new TransactionRunner(dataSource, config.transactions(), database::dsl, db);
        this.tiles = new TileStore(db);
        this.state = LogState.in(config.stateDirectory());
        this.checkpoints = new CheckpointStore(db, config.keys().noteSigner(config.origin()), config.origin(),
                config.clock(), state);
        this.witnessing = new Witnessing(db, config.witnesses(), tiles);
        this.reader = new EventReader(db, sealer);
        this.purger = new Purger(database, writer, tiles, partitions, new StartCheck(db),
                details -> appendSystem(AuditAction.PURGE, Resource.of("audit-entry"), details), this::seal);
        this.batches = new BatchAppender<>(config.bufferCapacity(), config.batchSize(), this::insertOwn);
        this.integrator = new Integrator(database, outbox, sealer, keys, writer, config.clock(), this::afterIntegration);
        if (config.integrate()) {
            this.integrator.start();
        }
    }

    // ---- Writing ---------------------------------------------------------------------------

    @Override
    public Appended append(AuditEvent event) {
        OutboxRow row = prepare(event, null);
        Appended appended = LIBRARY.guard("append an audit event", () -> transactions.writeStatement(tx -> insert(tx, row)));
        transactions.afterCommit(integrator::wake);
        return appended;
    }

    @Override
    public AuditReceipt appendIntegrated(AuditEvent event) {
        OutboxRow row = prepare(event, null);
        return awaitIntegrated(appendOwn(row), INTEGRATION_WAIT);
    }

    @Override
    public AuditReceipt awaitIntegrated(Appended appended, Duration timeout) {
        CHECKS.required("appended", appended);
        CHECKS.required("timeout", timeout);
        return LIBRARY.guard("wait for integration", () -> integrator.await(appended.outboxId(), appended.appendedAt(), timeout));
    }

    @Override
    public CompletableFuture<Appended> appendBatched(AuditEvent event) {
        return batches.submit(prepare(event, null));
    }

    @Override
    public void flush() {
        batches.flush();
        LIBRARY.guard("wait for integration", () -> {
            integrator.flush(INTEGRATION_WAIT);
            return null;
        });
    }

    @Override
    public Duration integrationLag() {
        return LIBRARY.guard("read the integration lag", integrator::lag);
    }

    @Override
    public boolean integrating() {
        return integrator.leading();
    }

    private OutboxRow prepare(AuditEvent event, String eraseSubjectId) {
        if (closed) {
            throw new AuditException(Problem.CLOSED, "the audit log is closed");
        }
        if (event == null) {
            throw CHECKS.invalid("event must not be null");
        }
        return new OutboxRow(EntryCodec.micros(config.clock().instant()), outbox.seal(event, eraseSubjectId));
    }

    /** Inserts in a transaction of the log's own and wakes the integrator; refuses inside a caller's transaction. */
    private Appended appendOwn(OutboxRow row) {
        if (transactions.joined()) {
            throw new AuditException(Problem.INVALID_STATE, "this call waits for integration, which cannot happen inside"
                    + " the caller's open transaction; use append() and awaitIntegrated() after the commit");
        }
        Appended appended = LIBRARY.guard("append an audit event", () -> transactions.writeOwn(tx -> insert(tx, row)));
        integrator.wake();
        return appended;
    }

    private static Appended insert(DSLContext tx, OutboxRow row) {
        long id = tx.insertInto(AUDIT_OUTBOX, AUDIT_OUTBOX.WRITTEN_AT, AUDIT_OUTBOX.PAYLOAD)
                .values(row.writtenAt(), row.payload())
                .returningResult(AUDIT_OUTBOX.ID)
                .fetchOne(AUDIT_OUTBOX.ID);
        return new Appended(id, row.writtenAt());
    }

    /**
     * A group commit of queued rows: one multi-row INSERT per 500 rows, in one transaction of the
     * log's own. Each row's {@link Appended} carries the batch's earliest append time, so a wait for
     * it never looks for the entry before its recording time, whichever id the database returned
     * for which row.
     */
    private List<Appended> insertOwn(List<OutboxRow> rows) {
        Instant earliest = rows.stream().map(OutboxRow::writtenAt).min(Instant::compareTo).orElseThrow();
        List<Appended> appended = LIBRARY.guard("append audit events", () -> transactions.writeOwn(tx -> {
            List<Appended> ids = new java.util.ArrayList<>(rows.size());
            for (int from = 0; from < rows.size(); from += 500) {
                var insert = tx.insertInto(AUDIT_OUTBOX, AUDIT_OUTBOX.WRITTEN_AT, AUDIT_OUTBOX.PAYLOAD);
                for (OutboxRow row : rows.subList(from, Math.min(rows.size(), from + 500))) {
                    insert = insert.values(row.writtenAt(), row.payload());
                }
                for (Long id : insert.returningResult(AUDIT_OUTBOX.ID).fetch(AUDIT_OUTBOX.ID)) {
                    ids.add(new Appended(id, earliest));
                }
            }
            if (ids.size() != rows.size()) {
                throw new AuditException(Problem.STORAGE, "the database returned " + ids.size() + " ids for " + rows.size() + " rows");
            }
            return ids;
        }));
        integrator.wake();
        return appended;
    }

    /** After each integrated batch: seal when it crossed a sealing boundary. */
    private void afterIntegration(EntryWriter.Placed placed) {
        List<StoredEvent> stored = placed.events();
        StoredEvent last = stored.get(stored.size() - 1);
        if (last.seq() / config.sealEvery() > placed.oldSize() / config.sealEvery()) {
            try {
                Checkpoint sealed = checkpoints.seal(new EntryWriter.Head(last.seq(), last.recordedAt(), 0));
                if (witnessing.enabled()) {
                    witnessing.submitLater(sealed);
                }
            } catch (RuntimeException e) {
                // The events are integrated; a missed automatic seal is made up by the next one.
                LOG.warn("Automatic checkpoint at {} failed: {}", last.seq(), e.toString());
            }
        }
    }

    // ---- Tamper evidence -------------------------------------------------------------------

    @Override
    public Checkpoint seal() {
        return LIBRARY.guard("seal a checkpoint", () -> {
            Checkpoint sealed = checkpoints.seal(writer.head());
            if (witnessing.enabled()) {
                witnessing.submit(sealed);
                return checkpoints.atSize(sealed.size()).orElse(sealed);
            }
            return sealed;
        });
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return LIBRARY.guard("read checkpoints", checkpoints::all);
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return LIBRARY.guard("read the newest checkpoint", checkpoints::newest);
    }

    @Override
    public VerificationReport verify() {
        return verify(List.of());
    }

    @Override
    public VerificationReport verify(Collection<Checkpoint> trusted) {
        if (trusted == null) {
            throw CHECKS.invalid("trusted checkpoints must not be null (pass an empty list)");
        }
        if (witnessing.enabled()) {
            witnessing.awaitIdle();
        }
        List<Checkpoint> known = new java.util.ArrayList<>(trusted);
        state.flatMap(LogState::latest).ifPresent(known::add);
        LogVerifier.Trust trust = new LogVerifier.Trust(config.origin(), config.keys().noteVerifiers(config.origin()),
                config.witnesses().stream().map(dev.hoheit.audit.WitnessEndpoint::verifier).toList(), config.witnessQuorum(),
                config.retention());
        try {
            return new LogVerifier(dataSource, config.schema()).verify(trust, known, List.of()).report();
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "verification could not read the log (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public InclusionProof prove(long seq) {
        return LIBRARY.guard("prove an event", () -> {
            List<StoredEvent> target = reader.range(seq, seq);
            if (target.isEmpty()) {
                throw CHECKS.invalid("no event at position " + seq + " (never written, or purged)");
            }
            Checkpoint checkpoint = checkpoints.firstAtOrAbove(seq).orElseGet(this::seal);
            StoredEvent event = target.get(0);
            List<String> path = tiles.tree().inclusionProof(event.leafIndex(), checkpoint.size()).stream()
                    .map(Base64.getEncoder()::encodeToString).toList();
            return new InclusionProof(sealer.open(event), Base64.getEncoder().encodeToString(EntryCodec.canonical(event)),
                    event.leafIndex(), path, checkpoint);
        });
    }

    @Override
    public ConsistencyProof proveConsistency(long oldSize, long newSize) {
        return LIBRARY.guard("prove consistency", () -> {
            EntryWriter.Head head = writer.head();
            if (oldSize < 0 || oldSize > newSize || newSize > head.size()) {
                throw CHECKS.invalid("a consistency proof needs 0 <= old <= new <= "
                        + head.size() + " (the tree's size), was " + oldSize + " and " + newSize);
            }
            try {
                return new ConsistencyProof(oldSize, newSize, tiles.tree().consistencyProof(oldSize, newSize).stream()
                        .map(Base64.getEncoder()::encodeToString).toList());
            } catch (TileMissingException e) {
                throw CHECKS.invalid("the tree of size " + oldSize
                        + " lies below the purged prefix (minimum index " + head.minIndex() + "); no proof from it exists any more");
            }
        });
    }

    @Override
    public long treeSize() {
        return LIBRARY.guard("read the tree's size", () -> writer.head().size());
    }

    @Override
    public byte[] tile(int level, long index, int width) {
        return LIBRARY.guard("read a tile", () -> {
            EntryWriter.Head head = writer.head();
            int available = TiledTree.widthAt(level, index, head.size());
            if (width < 1 || width > available) {
                throw CHECKS.invalid("tile " + level + "/" + index + " has no width " + width
                        + " in the tree of size " + head.size());
            }
            if (width == 256 && level == 0 && (index + 1) * 256 <= head.minIndex()) {
                throw CHECKS.invalid("tile 0/" + index + " lies below the purged prefix");
            }
            try {
                return tiles.reader().read(level, index, width);
            } catch (TileMissingException e) {
                throw CHECKS.invalid("tile " + level + "/" + index + " is purged");
            }
        });
    }

    @Override
    public byte[] entryBundle(long index, int width) {
        return LIBRARY.guard("read an entry bundle", () -> {
            EntryWriter.Head head = writer.head();
            int available = TiledTree.widthAt(0, index, head.size());
            if (width < 1 || width > available) {
                throw CHECKS.invalid("entry bundle " + index + " has no width " + width
                        + " in the tree of size " + head.size());
            }
            long firstSeq = index * 256 + 1;
            if (firstSeq <= head.minIndex()) {
                throw CHECKS.invalid("entry bundle " + index + " lies (partly) below the purged prefix");
            }
            List<StoredEvent> rows = reader.range(firstSeq, firstSeq + width - 1);
            if (rows.size() != width) {
                throw new AuditException(Problem.TAMPERED, "entry bundle " + index + " has " + rows.size() + " of its "
                        + width + " entries");
            }
            return dev.hoheit.audit.tlog.EntryBundle.encode(rows.stream().map(EntryCodec::canonical).toList());
        });
    }

    // ---- Reading ---------------------------------------------------------------------------

    @Override
    public AuditPage bySubject(String subjectId, AuditQuery query) {
        return byPerson("subject id", subjectId, query, "read events about a person", reader::bySubjectTag);
    }

    @Override
    public AuditPage bySubjectFromOthers(String subjectId, AuditQuery query) {
        return byPerson("subject id", subjectId, query, "read events about a person by others", reader::bySubjectTagFromOthers);
    }

    @Override
    public AuditPage byActor(String actorId, AuditQuery query) {
        return byPerson("actor id", actorId, query, "read events by a person", reader::byActorTag);
    }

    /** One page of the events found by a person's tag; empty when the person has no key (never seen, or erased). */
    private AuditPage byPerson(String what, String personId, AuditQuery query, String action,
                               java.util.function.BiFunction<String, AuditQuery, AuditPage> byTag) {
        String id = CHECKS.nonBlank(what, personId);
        CHECKS.required("query", query);
        return LIBRARY.guard(action, () -> keys.existingPersonKey(id)
                .map(key -> byTag.apply(key.tag(), query))
                .orElseGet(() -> new AuditPage(List.of(), java.util.OptionalLong.empty())));
    }

    @Override
    public AuditPage search(AuditQuery query) {
        CHECKS.required("query", query);
        return LIBRARY.guard("search events", () -> reader.all(query));
    }

    // ---- Retention and subject rights ----------------------------------------------------

    @Override
    public PurgeResult purgeBefore(Instant cutoff) {
        CHECKS.required("cutoff", cutoff);
        if (cutoff.isAfter(config.clock().instant())) {
            throw CHECKS.invalid("purge cutoff " + cutoff + " lies in the future");
        }
        if (cutoff.isAfter(config.clock().instant().minus(config.retention()))) {
            throw CHECKS.invalid("purge cutoff " + cutoff + " is younger than the published"
                    + " retention of " + config.retention() + " allows");
        }
        return LIBRARY.guard("purge events", () -> integratedFirst(() -> purger.purgeBefore(cutoff, "audit-log retention", config.retention())));
    }

    @Override
    public int anonymiseClientDataBefore(Instant cutoff) {
        CHECKS.required("cutoff", cutoff);
        int day = (int) cutoff.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        return LIBRARY.guard("anonymise client data", () -> {
            // Durable events of those days get their day keys at integration: integrate them first.
            integrator.flush(INTEGRATION_WAIT);
            int destroyed = keys.destroyDayKeysBefore(day);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("cutoff", cutoff.toString());
            details.put("daysBefore", java.time.LocalDate.ofEpochDay(day).toString());
            details.put("dayKeysDestroyed", Integer.toString(destroyed));
            appendSystem(AuditAction.ANONYMISE, Resource.of("client-data"), details);
            return destroyed;
        });
    }

    @Override
    public Optional<Instant> oldestEvent() {
        return LIBRARY.guard("read the oldest event", () -> Optional.ofNullable(db.select(DSL.min(AUDIT_ENTRY.RECORDED_AT))
                .from(AUDIT_ENTRY).fetchOne(0, Instant.class)));
    }

    @Override
    public Optional<java.time.LocalDate> oldestReadableClientData() {
        return LIBRARY.guard("read the oldest client-data key", () -> Optional.ofNullable(db.select(DSL.min(AUDIT_CLIENT_KEY.EPOCH_DAY))
                .from(AUDIT_CLIENT_KEY).fetchOne(0, Integer.class)).map(java.time.LocalDate::ofEpochDay));
    }

    @Override
    public SubjectAuditRecords countSubject(String subjectId) {
        String id = CHECKS.nonBlank("subject id", subjectId);
        return LIBRARY.guard("count a person's events", () -> integratedFirst(() -> keys.existingPersonKey(id))
                .map(key -> new SubjectAuditRecords(reader.countByActorTag(key.tag()), reader.countBySubjectTag(key.tag())))
                .orElse(new SubjectAuditRecords(0, 0)));
    }

    @Override
    public SubjectAuditRecords exportSubject(String subjectId, OutputStream out) {
        String id = CHECKS.nonBlank("subject id", subjectId);
        CHECKS.required("output stream", out);
        return LIBRARY.guard("export a person's events", () -> integratedFirst(() -> {
            try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("format", "hoheit-audit-export/1");
                json.writeStringField("subjectId", id);
                json.writeStringField("exportedAt", config.clock().instant().toString());
                json.writeStringField("clientData", "IP address and user agent of the person's own acts only;"
                        + " those of others who acted on her data are withheld (GDPR Art. 15(4))");
                Optional<KeyRing.PersonKey> key = keys.existingPersonKey(id);
                long asActor = writeAll(json, "asActor", id, key, reader::byActorTag);
                long asSubject = writeAll(json, "asSubject", id, key, reader::bySubjectTag);
                json.writeEndObject();
                return new SubjectAuditRecords(asActor, asSubject);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the audit export failed", e);
            }
        }));
    }

    private static long writeAll(JsonGenerator json, String field, String personId, Optional<KeyRing.PersonKey> key,
                                 java.util.function.BiFunction<String, AuditQuery, AuditPage> pages) throws IOException {
        long written = 0;
        json.writeArrayFieldStart(field);
        if (key.isPresent()) {
            AuditQuery query = AuditQuery.newest(EXPORT_PAGE);
            while (true) {
                AuditPage page = pages.apply(key.get().tag(), query);
                for (AuditEntry entry : page.entries()) {
                    AuditJson.write(json, entry, entry.actorId().map(personId::equals).orElse(false));
                    written++;
                }
                if (page.next().isEmpty()) {
                    break;
                }
                query = query.before(page.next().getAsLong());
            }
        }
        json.writeEndArray();
        return written;
    }

    @Override
    public SubjectAuditRecords eraseSubject(String subjectId) {
        String id = CHECKS.nonBlank("subject id", subjectId);
        return LIBRARY.guard("erase a person", () -> {
            Optional<KeyRing.PersonKey> key = integratedFirst(() -> keys.existingPersonKey(id));
            if (key.isEmpty()) {
                return new SubjectAuditRecords(0, 0);
            }
            String tag = key.get().tag();
            SubjectAuditRecords counts = new SubjectAuditRecords(reader.countByActorTag(tag), reader.countBySubjectTag(tag));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("tag", tag);
            details.put("eventsAsActor", Long.toString(counts.asActor()));
            details.put("eventsAsSubject", Long.toString(counts.asSubject()));
            // The integrator destroys the key in the transaction that integrates this entry.
            OutboxRow row = prepare(AuditEvent.of(Actor.system(), AuditAction.ERASE, Resource.of("person")).withDetails(details), id);
            if (transactions.joined()) {
                transactions.writeStatement(tx -> insert(tx, row));
                transactions.afterCommit(integrator::wake);
            } else {
                awaitIntegrated(appendOwn(row), INTEGRATION_WAIT);
            }
            return counts;
        });
    }

    /**
     * Integrates what is durable first, so exports, counts, erasures and purges cover every event
     * committed before. Safe inside a caller's transaction too: the wait reads the outbox on a
     * connection of its own, so it never waits for the caller's own uncommitted appends.
     */
    private <T> T integratedFirst(java.util.function.Supplier<T> work) {
        integrator.flush(INTEGRATION_WAIT);
        return work.get();
    }

    @Override
    public String publicKeyPem() {
        return config.keys().publicKeyPem();
    }

    @Override
    public String verifierKey() {
        return config.keys().noteSigner(config.origin()).verifierKey();
    }

    @Override
    public String origin() {
        return config.origin();
    }

    @Override
    public void close() {
        closed = true;
        batches.close();
        integrator.close();
        witnessing.close();
    }

    // ---- Helpers ---------------------------------------------------------------------------

    /**
     * The log's own events (purges, anonymisation) are written in a transaction of the log's own,
     * whatever the binding, and integrated before the call that records them returns.
     */
    private AuditReceipt appendSystem(AuditAction action, Resource resource, Map<String, String> details) {
        OutboxRow row = prepare(AuditEvent.of(Actor.system(), action, resource).withDetails(details), null);
        Appended appended = LIBRARY.guard("append an audit event", () -> transactions.writeOwn(tx -> insert(tx, row)));
        integrator.wake();
        return awaitIntegrated(appended, INTEGRATION_WAIT);
    }
}
