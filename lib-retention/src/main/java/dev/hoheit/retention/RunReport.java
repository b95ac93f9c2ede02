package dev.hoheit.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The report of one retention run; kept in the database and recorded in the audit log.
 *
 * @param runId the run's id
 * @param trigger {@code MANUAL} or {@code SCHEDULED}
 * @param startedAt when it started
 * @param finishedAt when it ended, if it did
 * @param outcome {@code SUCCEEDED}, {@code FAILED}, {@code RUNNING}, or {@code RESUMED} (an interrupted run finished by a later one)
 * @param steps what each store did
 * @since 0.1
 */
public record RunReport(UUID runId, String trigger, Instant startedAt, Optional<Instant> finishedAt, String outcome,
                        List<StepReport> steps) {

    /** Copies the list. */
    public RunReport {
        steps = List.copyOf(steps);
    }

    /** Records affected in all stores. */
    public long affected() {
        return steps.stream().mapToLong(StepReport::affected).sum();
    }
}
