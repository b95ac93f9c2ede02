package dev.hoheit.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The report of one retention run; kept in the database and recorded in the audit log.
 *
 * @param runId the run's id
 * @param trigger what started it
 * @param startedAt when it started
 * @param finishedAt when it ended, if it did
 * @param outcome how it ended, or {@link Outcome#RUNNING}
 * @param steps what each store did
 * @since 0.1
 */
public record RunReport(UUID runId, Trigger trigger, Instant startedAt, Optional<Instant> finishedAt, Outcome outcome,
                        List<StepReport> steps) {

    /**
     * What started a run.
     *
     * @since 0.2
     */
    public enum Trigger {
        /** A call of {@link RetentionService#runDuePolicies()}. */
        MANUAL,
        /** The scheduler ({@link RetentionService#startScheduler}). */
        SCHEDULED
    }

    /**
     * How a run ended.
     *
     * @since 0.2
     */
    public enum Outcome {
        /** Not ended yet (or its process died; the next run finishes it). */
        RUNNING,
        /** Every step was done. */
        SUCCEEDED,
        /** At least one step failed (see {@link StepReport#error()}). */
        FAILED,
        /** It was interrupted, and a later run finished its pending steps. */
        RESUMED
    }

    /** Validates and copies the list. */
    public RunReport {
        steps = List.copyOf(steps);
    }

    /** Records affected in all stores. */
    public long affected() {
        return steps.stream().mapToLong(StepReport::affected).sum();
    }

    /** Whether the run ended with a failed step. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }
}
