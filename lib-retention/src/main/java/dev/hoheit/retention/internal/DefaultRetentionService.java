package dev.hoheit.retention.internal;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.retention.AuditorReport;
import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.ExportOptions;
import dev.hoheit.retention.ExportSummary;
import dev.hoheit.retention.LegalHold;
import dev.hoheit.retention.RetentionConfig;
import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.RetentionException.Problem;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.spi.PersonalDataStore;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jOOQ-backed {@link RetentionService}. */
public final class DefaultRetentionService implements RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRetentionService.class);

    private final RetentionConfig config;
    private final AuditLog audit;
    private final List<PersonalDataStore> stores;
    private final JooqRunRepository runs;
    private final JooqErasureRepository erasures;
    private final JooqHoldRepository holds;
    private final RetentionRunner runner;
    private final ErasureCoordinator eraser;
    private final AuditorVerification verification;
    private ScheduledExecutorService scheduler;
    private UUID scheduleId;

    private DefaultRetentionService(DataSource dataSource, RetentionConfig config) {
        this.config = config;
        this.audit = config.audit();
        TransactionRunner db = transactions(dataSource, config.transactions(), config.schema());
        this.runs = new JooqRunRepository(db);
        this.erasures = new JooqErasureRepository(db);
        this.holds = new JooqHoldRepository(db);
        List<PersonalDataStore> all = new ArrayList<>(config.stores());
        all.add(new OwnStore(holds));
        this.stores = List.copyOf(all);
        this.runner = new RetentionRunner(db, runs, holds, stores, config.policies(), config.clock(), config.batchSize());
        this.eraser = new ErasureCoordinator(erasures, erasureOrder(stores), config.clock(), this::recordErasure);
        this.verification = new AuditorVerification(audit, stores, config.policies(), runs, erasures, holds, config.clock());
    }

    /** Use {@link RetentionService#create}. */
    public static RetentionService create(DataSource dataSource, RetentionConfig config) {
        if (dataSource == null || config == null) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "dataSource and config must not be null");
        }
        if (config.migrate()) {
            RetentionMigrator.migrate(dataSource, config.schema());
        } else {
            RetentionMigrator.requireCurrent(dataSource, config.schema());
        }
        return new DefaultRetentionService(dataSource, config);
    }

    private static TransactionRunner transactions(DataSource dataSource, Transactions transactions, String schema) {
        SQLDialect dialect = RetentionMigrator.supported(dataSource).dialect();
        Settings settings = LibrarySchema.settings(schema);
        return new TransactionRunner(dataSource, transactions, c -> DSL.using(c, dialect, settings),
                DSL.using(dataSource, dialect, settings));
    }

    /** The audit log last: erasing it destroys the person's key, and other stores may still log. */
    private static List<PersonalDataStore> erasureOrder(List<PersonalDataStore> stores) {
        List<PersonalDataStore> ordered = new ArrayList<>();
        stores.stream().filter(s -> !(s instanceof AuditStoreAdapter)).forEach(ordered::add);
        stores.stream().filter(s -> s instanceof AuditStoreAdapter).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    @Override
    public List<PersonalDataStore> stores() {
        return stores;
    }

    // ---- Retention -------------------------------------------------------------------------

    @Override
    public RunReport runDuePolicies() {
        return run("MANUAL");
    }

    private RunReport run(String trigger) {
        RunReport report = runner.run(trigger, done -> eraser.retryIncomplete());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trigger", report.trigger());
        details.put("outcome", report.outcome());
        details.put("affected", Long.toString(report.affected()));
        details.put("steps", report.steps().stream().map(s -> s.category() + "@" + s.store() + "=" + s.affected() + ":" + s.status())
                .collect(Collectors.joining(", ")));
        audit.append(AuditEvent.of(Actor.system(), AuditAction.DELETE, Resource.of("retention-run", report.runId().toString()))
                .withDetails(details));
        LOG.info("Retention run {} {}: {} record(s) affected", report.runId(), report.outcome(), report.affected());
        return report;
    }

    @Override
    public synchronized void startScheduler(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "scheduler interval must be positive");
        }
        if (scheduler != null) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "the scheduler is already started");
        }
        scheduleId = UUID.randomUUID();
        guard(() -> {
            runs.startSchedule(scheduleId, interval, config.clock().instant());
            return null;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hoheit-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(() -> {
            try {
                run("SCHEDULED");
            } catch (RuntimeException e) {
                LOG.error("Scheduled retention run failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<RunReport> runs(int limit) {
        return guard(() -> runs.latest(limit(limit)));
    }

    @Override
    public LegalHold placeHold(String reason, Set<String> subjects) {
        String why = text("reason", reason, 500);
        if (subjects == null) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "subjects must not be null (pass an empty set to hold everyone)");
        }
        UUID id = UUID.randomUUID();
        return guard(() -> {
            holds.place(id, why, Set.copyOf(subjects), config.clock().instant());
            return holds.hold(id).orElseThrow();
        });
    }

    @Override
    public LegalHold liftHold(UUID holdId) {
        if (holdId == null) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "hold id must not be null");
        }
        return guard(() -> {
            holds.lift(holdId, config.clock().instant());
            return holds.hold(holdId).orElseThrow(() -> new RetentionException(Problem.INVALID_ARGUMENT, "no legal hold " + holdId));
        });
    }

    @Override
    public List<LegalHold> activeHolds() {
        return guard(holds::active);
    }

    // ---- Subject rights --------------------------------------------------------------------

    @Override
    public ExportSummary exportSubject(String subjectId, OutputStream out, ExportOptions options) {
        String id = text("subject id", subjectId, 200);
        if (out == null || options == null) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "output stream and options must not be null");
        }
        ExportSummary summary = guard(() -> new ZipExporter(options).export(id, stores, config.clock().instant(), out));
        Map<String, String> details = new LinkedHashMap<>();
        summary.recordsPerStore().forEach((store, count) -> details.put("records." + store, Long.toString(count)));
        details.put("files", Integer.toString(summary.files()));
        audit.append(AuditEvent.of(Actor.system(), AuditAction.EXPORT, Resource.of("export")).about(id).withDetails(details));
        return summary;
    }

    @Override
    public ErasureReceipt eraseSubject(String subjectId, String requestedBy) {
        String id = text("subject id", subjectId, 200);
        String by = text("requested by", requestedBy, 64);
        if (!by.matches("[a-z-]+")) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "requestedBy is a role such as 'subject' or 'operator', not an id");
        }
        return guard(() -> {
            boolean held = holds.active().stream().anyMatch(hold -> hold.holdsEveryone() || hold.subjects().contains(id));
            if (held) {
                throw new RetentionException(Problem.LEGAL_HOLD, "a legal hold forbids erasing this person now");
            }
            return eraser.erase(id, by);
        });
    }

    private void recordErasure(ErasureReceipt receipt) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("complete", Boolean.toString(receipt.complete()));
        details.put("attempts", Integer.toString(receipt.attempts()));
        details.put("requestedBy", receipt.requestedBy());
        for (StoreErasure store : receipt.stores()) {
            details.put("store." + store.store(), store.erased() + store.error().map(e -> " failed: " + e).orElse(""));
        }
        audit.append(AuditEvent.of(Actor.system(), AuditAction.ERASE, Resource.of("erasure", receipt.erasureId().toString()))
                .withDetails(details));
    }

    @Override
    public List<ErasureReceipt> retryIncompleteErasures() {
        return guard(eraser::retryIncomplete);
    }

    @Override
    public List<ErasureReceipt> erasures(int limit) {
        return guard(() -> erasures.latest(limit(limit)));
    }

    @Override
    public void restrict(String subjectId, String reason) {
        String id = text("subject id", subjectId, 200);
        String why = text("reason", reason, 500);
        guard(() -> {
            holds.restrict(id, why, config.clock().instant());
            return null;
        });
        audit.append(AuditEvent.of(Actor.system(), AuditAction.RESTRICT, Resource.of("processing")).about(id));
    }

    @Override
    public void lift(String subjectId) {
        String id = text("subject id", subjectId, 200);
        guard(() -> holds.lift(id));
    }

    @Override
    public Optional<String> restriction(String subjectId) {
        String id = text("subject id", subjectId, 200);
        return guard(() -> holds.restriction(id));
    }

    // ---- Auditor ---------------------------------------------------------------------------

    @Override
    public AuditorReport verify() {
        return guard(verification::verify);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            // Let a run in progress finish: interrupting it would fail it half-way for no reason.
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                    scheduler.shutdownNow(); // the next run resumes whatever this one leaves unfinished
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            guard(() -> {
                runs.stopSchedule(scheduleId, config.clock().instant());
                return null;
            });
            scheduler = null;
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, "limit must be between 1 and 1000, was " + limit);
        }
        return limit;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, field + " must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new RetentionException(Problem.INVALID_ARGUMENT, field + " is longer than " + max + " characters");
        }
        return stripped;
    }

    private static <T> T guard(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new RetentionException(Problem.STORAGE, "database failure (SQLSTATE " + e.sqlState() + ")", e);
        }
    }
}
