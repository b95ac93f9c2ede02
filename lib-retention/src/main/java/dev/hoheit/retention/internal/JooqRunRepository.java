package dev.hoheit.retention.internal;

import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_RUN;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_SCHEDULE;
import static dev.hoheit.retention.internal.jooq.Tables.RETENTION_STEP;

import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import dev.hoheit.retention.internal.jooq.tables.records.RetentionRunRecord;
import dev.hoheit.retention.internal.jooq.tables.records.RetentionScheduleRecord;
import dev.hoheit.retention.spi.RetentionAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.hoheit.transaction.internal.TransactionRunner;

/** Retention runs, their steps and the scheduler's record. */
final class JooqRunRepository {

    /** A schedule as recorded. */
    record Schedule(UUID id, Duration interval, Instant startedAt, Optional<Instant> stoppedAt) {
    }

    private final TransactionRunner tx;

    JooqRunRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    void startRun(UUID runId, String trigger, Instant at) {
        tx.context().insertInto(RETENTION_RUN)
                .set(RETENTION_RUN.RUN_ID, runId.toString())
                .set(RETENTION_RUN.TRIGGER_KIND, trigger)
                .set(RETENTION_RUN.STARTED_AT, at)
                .set(RETENTION_RUN.OUTCOME, "RUNNING")
                .execute();
    }

    void finishRun(UUID runId, String outcome, Instant at) {
        tx.context().update(RETENTION_RUN).set(RETENTION_RUN.OUTCOME, outcome).set(RETENTION_RUN.FINISHED_AT, at)
                .where(RETENTION_RUN.RUN_ID.eq(runId.toString())).execute();
    }

    void startStep(UUID runId, String category, String store, RetentionAction action, Instant cutoff, String status) {
        tx.context().insertInto(RETENTION_STEP)
                .set(RETENTION_STEP.RUN_ID, runId.toString())
                .set(RETENTION_STEP.CATEGORY, category)
                .set(RETENTION_STEP.STORE_NAME, store)
                .set(RETENTION_STEP.ACTION, action.name())
                .set(RETENTION_STEP.CUTOFF, cutoff)
                .set(RETENTION_STEP.AFFECTED, 0L)
                .set(RETENTION_STEP.STATUS, status)
                .execute();
    }

    /** Adds a batch's count to a step, committed at once, so an interruption keeps what was done. */
    void addAffected(UUID runId, String category, String store, long affected) {
        tx.context().update(RETENTION_STEP).set(RETENTION_STEP.AFFECTED, RETENTION_STEP.AFFECTED.plus(affected))
                .where(RETENTION_STEP.RUN_ID.eq(runId.toString()))
                .and(RETENTION_STEP.CATEGORY.eq(category)).and(RETENTION_STEP.STORE_NAME.eq(store)).execute();
    }

    void finishStep(UUID runId, String category, String store, String status, String error, Instant at) {
        tx.context().update(RETENTION_STEP).set(RETENTION_STEP.STATUS, status).set(RETENTION_STEP.ERROR, error)
                .set(RETENTION_STEP.FINISHED_AT, at)
                .where(RETENTION_STEP.RUN_ID.eq(runId.toString()))
                .and(RETENTION_STEP.CATEGORY.eq(category)).and(RETENTION_STEP.STORE_NAME.eq(store)).execute();
    }

    /** Runs left RUNNING by a runner that stopped (its process died), oldest first. */
    List<RunReport> interrupted() {
        return tx.context().selectFrom(RETENTION_RUN).where(RETENTION_RUN.OUTCOME.eq("RUNNING"))
                .orderBy(RETENTION_RUN.STARTED_AT).fetch(this::report);
    }

    Optional<RunReport> run(UUID runId) {
        return tx.context().selectFrom(RETENTION_RUN).where(RETENTION_RUN.RUN_ID.eq(runId.toString())).fetchOptional(this::report);
    }

    List<RunReport> latest(int limit) {
        return tx.context().selectFrom(RETENTION_RUN).orderBy(RETENTION_RUN.STARTED_AT.desc(), RETENTION_RUN.RUN_ID)
                .limit(limit).fetch(this::report);
    }

    /** Start times of scheduled runs between two instants, oldest first. */
    List<Instant> scheduledRunStarts(Instant from, Instant to) {
        return tx.context().select(RETENTION_RUN.STARTED_AT).from(RETENTION_RUN)
                .where(RETENTION_RUN.TRIGGER_KIND.eq("SCHEDULED"))
                .and(RETENTION_RUN.STARTED_AT.between(from, to))
                .orderBy(RETENTION_RUN.STARTED_AT).fetch(RETENTION_RUN.STARTED_AT);
    }

    void startSchedule(UUID id, Duration interval, Instant at) {
        tx.context().insertInto(RETENTION_SCHEDULE)
                .set(RETENTION_SCHEDULE.SCHEDULE_ID, id.toString())
                .set(RETENTION_SCHEDULE.INTERVAL_SECS, interval.toSeconds())
                .set(RETENTION_SCHEDULE.STARTED_AT, at)
                .execute();
    }

    void stopSchedule(UUID id, Instant at) {
        tx.context().update(RETENTION_SCHEDULE).set(RETENTION_SCHEDULE.STOPPED_AT, at)
                .where(RETENTION_SCHEDULE.SCHEDULE_ID.eq(id.toString())).execute();
    }

    List<Schedule> schedules() {
        return tx.context().selectFrom(RETENTION_SCHEDULE).orderBy(RETENTION_SCHEDULE.STARTED_AT).fetch(JooqRunRepository::schedule);
    }

    private static Schedule schedule(RetentionScheduleRecord r) {
        return new Schedule(UUID.fromString(r.getScheduleId()), Duration.ofSeconds(r.getIntervalSecs()), r.getStartedAt(),
                Optional.ofNullable(r.getStoppedAt()));
    }

    private RunReport report(RetentionRunRecord run) {
        List<StepReport> steps = tx.context().selectFrom(RETENTION_STEP).where(RETENTION_STEP.RUN_ID.eq(run.getRunId()))
                .orderBy(RETENTION_STEP.CATEGORY, RETENTION_STEP.STORE_NAME)
                .fetch(s -> new StepReport(s.getCategory(), s.getStoreName(), RetentionAction.valueOf(s.getAction()),
                        s.getCutoff(), s.getAffected(), s.getStatus(), Optional.ofNullable(s.getError())));
        return new RunReport(UUID.fromString(run.getRunId()), run.getTriggerKind(), run.getStartedAt(),
                Optional.ofNullable(run.getFinishedAt()), run.getOutcome(), steps);
    }
}
