package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CLIENT_KEY;
import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_EVENT;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.Actor;
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
import dev.hoheit.audit.InclusionProof;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.SubjectAuditRecords;
import dev.hoheit.audit.VerificationReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jOOQ/JDBC-backed {@link AuditLog}. */
public final class DefaultAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultAuditLog.class);
    private static final int EXPORT_PAGE = 500;

    private final DataSource dataSource;
    private final AuditConfig config;
    private final DSLContext db;
    private final KeyRing keys;
    private final FieldSealer sealer;
    private final Partitions partitions;
    private final ChainWriter writer;
    private final CheckpointStore checkpoints;
    private final EventReader reader;
    private final Purger purger;
    private final BatchAppender<AuditReceipt> batches;
    private volatile boolean closed;

    /** Use {@link AuditLog#create}. */
    public DefaultAuditLog(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        String vendor = AuditMigrator.vendor(dataSource);
        SQLDialect dialect = vendor.equals("postgresql") ? SQLDialect.POSTGRES : SQLDialect.H2;
        this.db = DSL.using(dataSource, dialect, new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false) // it would print bind values: personal data
                .withRenderSchema(false));
        this.keys = new KeyRing(db, config.keys().masterKey(), config.clock(), config.keyCacheTtl());
        this.sealer = new FieldSealer(keys, config.clock());
        this.partitions = new Partitions(dataSource, vendor.equals("postgresql"));
        this.writer = new ChainWriter(dataSource, db, config.clock(), partitions);
        this.checkpoints = new CheckpointStore(db, config.keys(), config.clock());
        this.reader = new EventReader(db, sealer);
        this.purger = new Purger(dataSource, db, writer, partitions,
                details -> appendSystem(AuditAction.PURGE, Resource.of("audit-event"), details));
        this.batches = new BatchAppender<>(config.bufferCapacity(), config.batchSize(), this::write);
    }

    // ---- Writing ---------------------------------------------------------------------------

    @Override
    public AuditReceipt append(AuditEvent event) {
        return write(List.of(prepare(event))).get(0);
    }

    @Override
    public CompletableFuture<AuditReceipt> appendBatched(AuditEvent event) {
        return batches.submit(prepare(event));
    }

    @Override
    public void flush() {
        batches.flush();
    }

    private StoredEvent prepare(AuditEvent event) {
        if (closed) {
            throw new AuditException(Problem.CLOSED, "the audit log is closed");
        }
        if (event == null) {
            throw new AuditException(Problem.INVALID_ARGUMENT, "event must not be null");
        }
        return guard("prepare an audit event", () -> sealer.seal(event));
    }

    private List<AuditReceipt> write(List<StoredEvent> events) {
        List<StoredEvent> placed;
        try {
            placed = writer.append(events);
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "audit events could not be stored (SQLSTATE " + e.getSQLState() + ")", e);
        }
        StoredEvent last = placed.get(placed.size() - 1);
        long before = placed.get(0).seq() - 1;
        if (last.seq() / config.sealEvery() > before / config.sealEvery()) {
            try {
                checkpoints.seal(new ChainWriter.Head(last.seq(), last.hash(), last.recordedAt()));
            } catch (RuntimeException e) {
                // The events are durable; a missed automatic seal is made up by the next one.
                LOG.warn("Automatic checkpoint at {} failed: {}", last.seq(), e.getClass().getName());
            }
        }
        HexFormat hex = HexFormat.of();
        return placed.stream().map(e -> new AuditReceipt(e.seq(), e.recordedAt(), hex.formatHex(e.hash()))).toList();
    }

    // ---- Tamper evidence -------------------------------------------------------------------

    @Override
    public Checkpoint seal() {
        return guard("seal a checkpoint", () -> {
            try {
                return checkpoints.seal(writer.head());
            } catch (SQLException e) {
                throw new AuditException(Problem.STORAGE, "cannot read the chain's head", e);
            }
        });
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return guard("read checkpoints", checkpoints::all);
    }

    @Override
    public VerificationReport verify() {
        return verify(List.of());
    }

    @Override
    public VerificationReport verify(Collection<Checkpoint> trusted) {
        if (trusted == null) {
            throw new AuditException(Problem.INVALID_ARGUMENT, "trusted checkpoints must not be null (pass an empty list)");
        }
        try {
            return new ChainVerifier(dataSource, config.keys().verificationKeys()).verify(checkpoints(), trusted);
        } catch (SQLException e) {
            throw new AuditException(Problem.STORAGE, "verification could not read the log (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public InclusionProof prove(long seq) {
        return guard("prove an event", () -> {
            List<StoredEvent> target = reader.range(seq, seq);
            if (target.isEmpty()) {
                throw new AuditException(Problem.INVALID_ARGUMENT, "no event at position " + seq + " (never written, or purged)");
            }
            Checkpoint checkpoint = checkpoints.firstAtOrAfter(seq).orElseGet(this::seal);
            StoredEvent event = target.get(0);
            HexFormat hex = HexFormat.of();
            List<String> following = reader.range(seq + 1, checkpoint.seq()).stream()
                    .map(e -> hex.formatHex(EventCodec.leaf(EventCodec.canonical(e)))).toList();
            return new InclusionProof(sealer.open(event), Base64.getEncoder().encodeToString(EventCodec.canonical(event)),
                    hex.formatHex(event.prevHash()), following, checkpoint);
        });
    }

    // ---- Reading ---------------------------------------------------------------------------

    @Override
    public AuditPage bySubject(String subjectId, AuditQuery query) {
        String id = id("subject id", subjectId);
        required("query", query);
        return guard("read events about a person", () -> keys.existingPersonKey(id)
                .map(key -> reader.bySubjectTag(key.tag(), query))
                .orElseGet(() -> new AuditPage(List.of(), java.util.OptionalLong.empty())));
    }

    @Override
    public AuditPage byActor(String actorId, AuditQuery query) {
        String id = id("actor id", actorId);
        required("query", query);
        return guard("read events by a person", () -> keys.existingPersonKey(id)
                .map(key -> reader.byActorTag(key.tag(), query))
                .orElseGet(() -> new AuditPage(List.of(), java.util.OptionalLong.empty())));
    }

    @Override
    public AuditPage search(AuditQuery query) {
        required("query", query);
        return guard("search events", () -> reader.all(query));
    }

    // ---- Retention and subject rights ----------------------------------------------------

    @Override
    public PurgeResult purgeBefore(Instant cutoff) {
        required("cutoff", cutoff);
        if (cutoff.isAfter(config.clock().instant())) {
            throw new AuditException(Problem.INVALID_ARGUMENT, "purge cutoff " + cutoff + " lies in the future");
        }
        return guard("purge events", () -> purger.purgeBefore(cutoff));
    }

    @Override
    public int anonymiseClientDataBefore(Instant cutoff) {
        required("cutoff", cutoff);
        int day = (int) cutoff.atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        return guard("anonymise client data", () -> {
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
        return guard("read the oldest event", () -> Optional.ofNullable(db.select(DSL.min(AUDIT_EVENT.RECORDED_AT))
                .from(AUDIT_EVENT).fetchOne(0, Instant.class)));
    }

    @Override
    public Optional<java.time.LocalDate> oldestReadableClientData() {
        return guard("read the oldest client-data key", () -> Optional.ofNullable(db.select(DSL.min(AUDIT_CLIENT_KEY.EPOCH_DAY))
                .from(AUDIT_CLIENT_KEY).fetchOne(0, Integer.class)).map(java.time.LocalDate::ofEpochDay));
    }

    @Override
    public SubjectAuditRecords countSubject(String subjectId) {
        String id = id("subject id", subjectId);
        return guard("count a person's events", () -> keys.existingPersonKey(id)
                .map(key -> new SubjectAuditRecords(reader.countByActorTag(key.tag()), reader.countBySubjectTag(key.tag())))
                .orElse(new SubjectAuditRecords(0, 0)));
    }

    @Override
    public SubjectAuditRecords exportSubject(String subjectId, OutputStream out) {
        String id = id("subject id", subjectId);
        required("output stream", out);
        return guard("export a person's events", () -> {
            try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("format", "hoheit-audit-export/1");
                json.writeStringField("subjectId", id);
                json.writeStringField("exportedAt", config.clock().instant().toString());
                Optional<KeyRing.PersonKey> key = keys.existingPersonKey(id);
                long asActor = writeAll(json, "asActor", key, reader::byActorTag);
                long asSubject = writeAll(json, "asSubject", key, reader::bySubjectTag);
                json.writeEndObject();
                return new SubjectAuditRecords(asActor, asSubject);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the audit export failed", e);
            }
        });
    }

    private static long writeAll(JsonGenerator json, String field, Optional<KeyRing.PersonKey> key,
                                 java.util.function.BiFunction<String, AuditQuery, AuditPage> pages) throws IOException {
        long written = 0;
        json.writeArrayFieldStart(field);
        if (key.isPresent()) {
            AuditQuery query = AuditQuery.newest(EXPORT_PAGE);
            while (true) {
                AuditPage page = pages.apply(key.get().tag(), query);
                for (AuditEntry entry : page.entries()) {
                    AuditJson.write(json, entry);
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
        String id = id("subject id", subjectId);
        return guard("erase a person", () -> {
            Optional<KeyRing.PersonKey> key = keys.existingPersonKey(id);
            if (key.isEmpty()) {
                return new SubjectAuditRecords(0, 0);
            }
            String tag = key.get().tag();
            SubjectAuditRecords counts = new SubjectAuditRecords(reader.countByActorTag(tag), reader.countBySubjectTag(tag));
            keys.destroyPersonKey(id);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("tag", tag);
            details.put("eventsAsActor", Long.toString(counts.asActor()));
            details.put("eventsAsSubject", Long.toString(counts.asSubject()));
            appendSystem(AuditAction.ERASE, Resource.of("person"), details);
            return counts;
        });
    }

    @Override
    public String publicKeyPem() {
        return config.keys().publicKeyPem();
    }

    @Override
    public void close() {
        closed = true;
        batches.close();
    }

    // ---- Helpers ---------------------------------------------------------------------------

    private AuditReceipt appendSystem(AuditAction action, Resource resource, Map<String, String> details) {
        return append(AuditEvent.of(Actor.system(), action, resource).withDetails(details));
    }

    private static <T> T guard(String operation, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new AuditException(Problem.STORAGE, "database failure while trying to " + operation
                    + " (SQLSTATE " + e.sqlState() + ")", e);
        }
    }

    private static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new AuditException(Problem.INVALID_ARGUMENT, field + " must not be blank");
        }
        return value.strip();
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new AuditException(Problem.INVALID_ARGUMENT, field + " must not be null");
        }
        return value;
    }
}
