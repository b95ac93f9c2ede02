package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.RetentionLibrary.CHECKS;
import static dev.hoheit.retention.internal.RetentionLibrary.LIBRARY;

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
import dev.hoheit.retention.spi.StoreDescriptor.ErasureOrder;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The jOOQ-backed {@link RetentionService}. */
public final class DefaultRetentionService implements RetentionService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRetentionService.class);

    private final RetentionConfig config;
    private final AuditLog audit;
    private final List<PersonalDataStore> stores;
    private final TransactionRunner db;
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
        this.db = LIBRARY.transactions(dataSource, config.transactions(), config.schema());
        this.runs = new JooqRunRepository();
        this.erasures = new JooqErasureRepository();
        this.holds = new JooqHoldRepository();
        List<PersonalDataStore> all = new ArrayList<>(config.stores());
        all.add(new OwnStore(db, holds));
        this.stores = List.copyOf(all);
        this.runner = new RetentionRunner(db, runs, holds, stores, config.policies(), config.clock(), config.batchSize());
        this.eraser = new ErasureCoordinator(db, erasures, erasureOrder(stores), config.clock(), this::recordErasure);
        this.verification = new AuditorVerification(audit, stores, config.policies(), db, runs, erasures, holds, config.clock());
    }

    /** Use {@link RetentionService#create}. */
    public static RetentionService create(DataSource dataSource, RetentionConfig config) {
        if (dataSource == null || config == null) {
            throw CHECKS.invalid("dataSource and config must not be null");
        }
        if (config.migrate()) {
            RetentionLibrary.migrate(dataSource, config.schema());
        } else {
            RetentionLibrary.requireCurrent(dataSource, config.schema());
        }
        return new DefaultRetentionService(dataSource, config);
    }


    /** The stores in registration order, those marked {@link ErasureOrder#LAST} (the audit log) after the others. */
    private static List<PersonalDataStore> erasureOrder(List<PersonalDataStore> stores) {
        List<PersonalDataStore> ordered = new ArrayList<>();
        stores.stream().filter(s -> s.descriptor().erasureOrder() != ErasureOrder.LAST).forEach(ordered::add);
        stores.stream().filter(s -> s.descriptor().erasureOrder() == ErasureOrder.LAST).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    @Override
    public List<PersonalDataStore> stores() {
        return stores;
    }

    // ---- Retention -------------------------------------------------------------------------

    @Override
    public RunReport runDuePolicies() {
        return run(RunReport.Trigger.MANUAL);
    }

    private RunReport run(RunReport.Trigger trigger) {
        RunReport report = runner.run(trigger, done -> eraser.retryIncomplete());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("trigger", report.trigger().name());
        details.put("outcome", report.outcome().name());
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
            throw CHECKS.invalid("scheduler interval must be positive");
        }
        if (scheduler != null) {
            throw CHECKS.invalid("the scheduler is already started");
        }
        scheduleId = UUID.randomUUID();
        LIBRARY.guard("start the scheduler", () -> {
            runs.startSchedule(db.context(), scheduleId, interval, config.clock().instant());
            return null;
        });
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hoheit-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(() -> {
            try {
                run(RunReport.Trigger.SCHEDULED);
            } catch (RuntimeException e) {
                LOG.error("Scheduled retention run failed: {}", e.getClass().getName());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public List<RunReport> runs(int limit) {
        return LIBRARY.guard("list retention runs", () -> runs.latest(db.context(), limit(limit)));
    }

    @Override
    public LegalHold placeHold(String reason, Set<String> subjects) {
        String why = CHECKS.text("reason", reason, 500);
        if (subjects == null) {
            throw CHECKS.invalid("subjects must not be null (pass an empty set to hold everyone)");
        }
        UUID id = UUID.randomUUID();
        Set<String> named = Set.copyOf(subjects);
        // Under the hold lock, so an erasure's hold check either sees this hold or is done before it.
        return LIBRARY.guard("place a legal hold", () -> db.write(ctx -> {
            holds.lockHolds(ctx);
            holds.place(ctx, id, why, named, config.clock().instant());
            return holds.hold(ctx, id).orElseThrow();
        }));
    }

    @Override
    public LegalHold liftHold(UUID holdId) {
        if (holdId == null) {
            throw CHECKS.invalid("hold id must not be null");
        }
        return LIBRARY.guard("lift a legal hold", () -> {
            holds.lift(db.context(), holdId, config.clock().instant());
            return holds.hold(db.context(), holdId).orElseThrow(() -> CHECKS.invalid("no legal hold " + holdId));
        });
    }

    @Override
    public List<LegalHold> activeHolds() {
        return LIBRARY.guard("list legal holds", () -> holds.active(db.context()));
    }

    // ---- Subject rights --------------------------------------------------------------------

    @Override
    public ExportSummary exportSubject(String subjectId, OutputStream out, ExportOptions options) {
        String id = CHECKS.text("subject id", subjectId, 200);
        if (out == null || options == null) {
            throw CHECKS.invalid("output stream and options must not be null");
        }
        ExportSummary summary = LIBRARY.guard("export a subject", () -> new ZipExporter(options).export(id, stores, config.clock().instant(), out));
        Map<String, String> details = new LinkedHashMap<>();
        summary.recordsPerStore().forEach((store, count) -> details.put("records." + store, Long.toString(count)));
        details.put("files", Integer.toString(summary.files()));
        audit.append(AuditEvent.of(Actor.system(), AuditAction.EXPORT, Resource.of("export")).about(id).withDetails(details));
        return summary;
    }

    @Override
    public ErasureReceipt eraseSubject(String subjectId, String requestedBy) {
        String id = CHECKS.text("subject id", subjectId, 200);
        String by = CHECKS.text("requested by", requestedBy, 64);
        if (!by.matches("[a-z-]+")) {
            throw CHECKS.invalid("requestedBy is a role such as 'subject' or 'operator', not an id");
        }
        UUID erasureId = UUID.randomUUID();
        // The hold check and the erasure request in one transaction, under the hold lock: a hold being
        // placed for this person meanwhile is either seen here (and the erasure refused) or placed after
        // the request was recorded.
        LIBRARY.guard("erase a subject", () -> db.write(ctx -> {
            holds.lockHolds(ctx);
            if (holds.holds(ctx, id)) {
                throw new RetentionException(Problem.LEGAL_HOLD, "a legal hold forbids erasing this person now");
            }
            erasures.create(ctx, erasureId, id, by, config.clock().instant());
            return null;
        }));
        return LIBRARY.guard("erase a subject", () -> eraser.erase(erasureId, id));
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
        return LIBRARY.guard("retry erasures", eraser::retryIncomplete);
    }

    @Override
    public List<ErasureReceipt> erasures(int limit) {
        return LIBRARY.guard("list erasures", () -> erasures.latest(db.context(), limit(limit)));
    }

    @Override
    public void restrict(String subjectId, String reason) {
        String id = CHECKS.text("subject id", subjectId, 200);
        String why = CHECKS.text("reason", reason, 500);
        LIBRARY.guard("restrict processing", () -> db.write(ctx -> {
            holds.restrict(ctx, id, why, config.clock().instant());
            return null;
        }));
        audit.append(AuditEvent.of(Actor.system(), AuditAction.RESTRICT, Resource.of("processing")).about(id));
    }

    @Override
    public void liftRestriction(String subjectId) {
        String id = CHECKS.text("subject id", subjectId, 200);
        LIBRARY.guard("lift a restriction", () -> holds.liftRestriction(db.context(), id));
    }

    @Override
    public Optional<String> restriction(String subjectId) {
        String id = CHECKS.text("subject id", subjectId, 200);
        return LIBRARY.guard("read a restriction", () -> holds.restriction(db.context(), id));
    }

    // ---- Auditor ---------------------------------------------------------------------------

    @Override
    public AuditorReport verify() {
        return LIBRARY.guard("verify retention", verification::verify);
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
            LIBRARY.guard("stop the scheduler", () -> {
                runs.stopSchedule(db.context(), scheduleId, config.clock().instant());
                return null;
            });
            scheduler = null;
        }
    }

    private static int limit(int limit) {
        return CHECKS.between("limit", limit, 1, 1000);
    }
}
