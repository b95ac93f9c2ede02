package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_LOCK;

import dev.hoheit.retention.LegalHold;
import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the policies, store by store, in batches. One runner at a time holds the lock row (across
 * instances); a run that was interrupted (its process died) is finished by the next run with its own
 * cutoffs before anything new starts, so nothing is forgotten, and since every step only removes
 * what is older than its cutoff and counts as it goes, nothing is counted or deleted twice.
 */
final class RetentionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionRunner.class);

    private final TransactionRunner tx;
    private final JooqRunRepository runs;
    private final JooqHoldRepository holds;
    private final List<PersonalDataStore> stores;
    private final List<RetentionPolicy> policies;
    private final Clock clock;
    private final int batchSize;

    RetentionRunner(TransactionRunner tx, JooqRunRepository runs, JooqHoldRepository holds, List<PersonalDataStore> stores,
                    List<RetentionPolicy> policies, Clock clock, int batchSize) {
        this.tx = tx;
        this.runs = runs;
        this.holds = holds;
        this.stores = stores;
        this.policies = policies;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Runs under the lock: finishes interrupted runs, then a new one, then {@code afterwards} (erasure
     * retries), all while no other runner can start.
     */
    RunReport run(RunReport.Trigger trigger, Consumer<RunReport> afterwards) {
        try {
            // The lock's transaction: the runner's own, or the caller's when the service joins one (then
            // the run's bookkeeping commits or rolls back with it; otherwise each step commits at once).
            return tx.write(lock -> {
                // NOWAIT: a second runner fails at once instead of queueing behind the first.
                lock.select(RETENTION_LOCK.ID).from(RETENTION_LOCK).where(RETENTION_LOCK.ID.eq(1)).forUpdate().noWait().fetch();
                for (RunReport interrupted : runs.interrupted(tx.context())) {
                    resume(interrupted);
                }
                RunReport report = runNew(trigger);
                afterwards.accept(report);
                return report;
            });
        } catch (DataAccessException e) {
            // Lock not available: 55P03 on PostgreSQL, HYT00 on H2, error 1205 (SQLSTATE HY000) on MariaDB.
            if (e.sqlState() != null && (e.sqlState().equals("55P03") || e.sqlState().startsWith("HYT"))
                    || e.getCause() instanceof java.sql.SQLException sql && sql.getErrorCode() == 1205) {
                throw new RetentionException(RetentionException.Problem.ALREADY_RUNNING, "another retention run is in progress", e);
            }
            throw new RetentionException(RetentionException.Problem.STORAGE, "retention run failed (SQLSTATE " + e.sqlState() + ")", e);
        }
    }

    private void resume(RunReport interrupted) {
        LOG.warn("Finishing retention run {} that was interrupted", interrupted.runId());
        boolean failed = false;
        for (StepReport step : interrupted.steps()) {
            if (step.status() == StepReport.Status.PENDING) {
                failed |= !apply(interrupted.runId(), step.category(), storeNamed(step.store()), step, holdsNow());
            }
        }
        runs.finishRun(tx.context(), interrupted.runId(), failed ? RunReport.Outcome.FAILED : RunReport.Outcome.RESUMED, clock.instant());
    }

    private RunReport runNew(RunReport.Trigger trigger) {
        UUID runId = UUID.randomUUID();
        Instant now = clock.instant();
        runs.startRun(tx.context(), runId, trigger, now);
        List<LegalHold> active = holds.active(tx.context());
        boolean everyoneHeld = active.stream().anyMatch(LegalHold::holdsEveryone);
        Set<String> held = new HashSet<>();
        active.forEach(hold -> held.addAll(hold.subjects()));
        boolean failed = false;
        for (RetentionPolicy policy : policies) {
            Instant cutoff = now.minus(policy.maxAge());
            for (PersonalDataStore store : stores) {
                boolean purgeable = store.descriptor().category(policy.category()).map(c -> c.purgeable()).orElse(false);
                if (!purgeable) {
                    continue;
                }
                String name = store.descriptor().name();
                if (everyoneHeld) {
                    runs.startStep(tx.context(), runId, policy.category(), name, policy.action(), cutoff, StepReport.Status.HELD);
                    continue;
                }
                runs.startStep(tx.context(), runId, policy.category(), name, policy.action(), cutoff, StepReport.Status.PENDING);
                StepReport step = new StepReport(policy.category(), name, policy.action(), cutoff, 0, StepReport.Status.PENDING, java.util.Optional.empty());
                failed |= !apply(runId, policy.category(), store, step, held);
            }
        }
        runs.finishRun(tx.context(), runId, failed ? RunReport.Outcome.FAILED : RunReport.Outcome.SUCCEEDED, clock.instant());
        return runs.run(tx.context(), runId).orElseThrow();
    }

    /** Purges one category in one store, batch by batch; returns whether it succeeded. */
    private boolean apply(UUID runId, String category, PersonalDataStore store, StepReport step, Set<String> held) {
        String name = store.descriptor().name();
        try {
            PurgeBatch batch;
            do {
                batch = store.purge(category, step.cutoff(), step.action(), held, batchSize);
                if (batch.affected() > 0) {
                    // After every batch, not once at the end: a run that dies midway still says what it did.
                    runs.addAffected(tx.context(), runId, category, name, batch.affected());
                }
            } while (batch.more());
            runs.finishStep(tx.context(), runId, category, name, StepReport.Status.DONE, null, clock.instant());
            return true;
        } catch (RuntimeException e) {
            // Hoheit's own exceptions carry no personal data; a host store's message might.
            boolean ours = e.getClass().getName().startsWith("dev.hoheit.");
            LOG.error("Retention of {} in store {} failed: {}{}", category, name, e.getClass().getName(),
                    ours ? " (" + e.getMessage() + ")" : "");
            runs.finishStep(tx.context(), runId, category, name, StepReport.Status.FAILED, e.getClass().getSimpleName(), clock.instant());
            return false;
        }
    }

    private Set<String> holdsNow() {
        Set<String> held = new HashSet<>();
        holds.active(tx.context()).forEach(hold -> held.addAll(hold.subjects()));
        return held;
    }

    private PersonalDataStore storeNamed(String name) {
        return stores.stream().filter(s -> s.descriptor().name().equals(name)).findFirst()
                .orElseThrow(() -> new RetentionException(RetentionException.Problem.INVALID_CONFIGURATION,
                        "an interrupted run used store " + name + ", which is no longer registered"));
    }
}
