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
import org.jooq.DSLContext;

/** Retention runs, their steps and the scheduler's record. */
final class JooqRunRepository {

    /** A schedule as recorded. */
    record Schedule(UUID id, Duration interval, Instant startedAt, Optional<Instant> stoppedAt) {
    }

    void startRun(DSLContext ctx, UUID runId, RunReport.Trigger trigger, Instant at) {
        ctx.insertInto(RETENTION_RUN)
                .set(RETENTION_RUN.RUN_ID, runId.toString())
                .set(RETENTION_RUN.TRIGGER_KIND, trigger.name())
                .set(RETENTION_RUN.STARTED_AT, at)
                .set(RETENTION_RUN.OUTCOME, RunReport.Outcome.RUNNING.name())
                .execute();
    }

    void finishRun(DSLContext ctx, UUID runId, RunReport.Outcome outcome, Instant at) {
        ctx.update(RETENTION_RUN).set(RETENTION_RUN.OUTCOME, outcome.name()).set(RETENTION_RUN.FINISHED_AT, at)
                .where(RETENTION_RUN.RUN_ID.eq(runId.toString())).execute();
    }

    void startStep(DSLContext ctx, UUID runId, String category, String store, RetentionAction action, Instant cutoff, StepReport.Status status) {
        ctx.insertInto(RETENTION_STEP)
                .set(RETENTION_STEP.RUN_ID, runId.toString())
                .set(RETENTION_STEP.CATEGORY, category)
                .set(RETENTION_STEP.STORE_NAME, store)
                .set(RETENTION_STEP.ACTION, action.name())
                .set(RETENTION_STEP.CUTOFF, cutoff)
                .set(RETENTION_STEP.AFFECTED, 0L)
                .set(RETENTION_STEP.STATUS, status.name())
                .execute();
    }

    /** Adds a batch's count to a step, committed at once, so an interruption keeps what was done. */
    void addAffected(DSLContext ctx, UUID runId, String category, String store, long affected) {
        ctx.update(RETENTION_STEP).set(RETENTION_STEP.AFFECTED, RETENTION_STEP.AFFECTED.plus(affected))
                .where(RETENTION_STEP.RUN_ID.eq(runId.toString()))
                .and(RETENTION_STEP.CATEGORY.eq(category)).and(RETENTION_STEP.STORE_NAME.eq(store)).execute();
    }

    void finishStep(DSLContext ctx, UUID runId, String category, String store, StepReport.Status status, String error, Instant at) {
        ctx.update(RETENTION_STEP).set(RETENTION_STEP.STATUS, status.name()).set(RETENTION_STEP.ERROR, error)
                .set(RETENTION_STEP.FINISHED_AT, at)
                .where(RETENTION_STEP.RUN_ID.eq(runId.toString()))
                .and(RETENTION_STEP.CATEGORY.eq(category)).and(RETENTION_STEP.STORE_NAME.eq(store)).execute();
    }

    /** Runs left RUNNING by a runner that stopped (its process died), oldest first. */
    List<RunReport> interrupted(DSLContext ctx) {
        return ctx.selectFrom(RETENTION_RUN).where(RETENTION_RUN.OUTCOME.eq(RunReport.Outcome.RUNNING.name()))
                .orderBy(RETENTION_RUN.STARTED_AT).fetch(r -> report(ctx, r));
    }

    Optional<RunReport> run(DSLContext ctx, UUID runId) {
        return ctx.selectFrom(RETENTION_RUN).where(RETENTION_RUN.RUN_ID.eq(runId.toString())).fetchOptional(r -> report(ctx, r));
    }

    List<RunReport> latest(DSLContext ctx, int limit) {
        return ctx.selectFrom(RETENTION_RUN).orderBy(RETENTION_RUN.STARTED_AT.desc(), RETENTION_RUN.RUN_ID)
                .limit(limit).fetch(r -> report(ctx, r));
    }

    /** Start times of scheduled runs between two instants, oldest first. */
    List<Instant> scheduledRunStarts(DSLContext ctx, Instant from, Instant to) {
        return ctx.select(RETENTION_RUN.STARTED_AT).from(RETENTION_RUN)
                .where(RETENTION_RUN.TRIGGER_KIND.eq(RunReport.Trigger.SCHEDULED.name()))
                .and(RETENTION_RUN.STARTED_AT.between(from, to))
                .orderBy(RETENTION_RUN.STARTED_AT).fetch(RETENTION_RUN.STARTED_AT);
    }

    void startSchedule(DSLContext ctx, UUID id, Duration interval, Instant at) {
        ctx.insertInto(RETENTION_SCHEDULE)
                .set(RETENTION_SCHEDULE.SCHEDULE_ID, id.toString())
                .set(RETENTION_SCHEDULE.INTERVAL_SECS, interval.toSeconds())
                .set(RETENTION_SCHEDULE.STARTED_AT, at)
                .execute();
    }

    void stopSchedule(DSLContext ctx, UUID id, Instant at) {
        ctx.update(RETENTION_SCHEDULE).set(RETENTION_SCHEDULE.STOPPED_AT, at)
                .where(RETENTION_SCHEDULE.SCHEDULE_ID.eq(id.toString())).execute();
    }

    List<Schedule> schedules(DSLContext ctx) {
        return ctx.selectFrom(RETENTION_SCHEDULE).orderBy(RETENTION_SCHEDULE.STARTED_AT).fetch(JooqRunRepository::schedule);
    }

    private static Schedule schedule(RetentionScheduleRecord r) {
        return new Schedule(UUID.fromString(r.getScheduleId()), Duration.ofSeconds(r.getIntervalSecs()), r.getStartedAt(),
                Optional.ofNullable(r.getStoppedAt()));
    }

    private static RunReport report(DSLContext ctx, RetentionRunRecord run) {
        List<StepReport> steps = ctx.selectFrom(RETENTION_STEP).where(RETENTION_STEP.RUN_ID.eq(run.getRunId()))
                .orderBy(RETENTION_STEP.CATEGORY, RETENTION_STEP.STORE_NAME)
                .fetch(s -> new StepReport(s.getCategory(), s.getStoreName(), RetentionAction.valueOf(s.getAction()),
                        s.getCutoff(), s.getAffected(), StepReport.Status.valueOf(s.getStatus()), Optional.ofNullable(s.getError())));
        return new RunReport(UUID.fromString(run.getRunId()), RunReport.Trigger.valueOf(run.getTriggerKind()), run.getStartedAt(),
                Optional.ofNullable(run.getFinishedAt()), RunReport.Outcome.valueOf(run.getOutcome()), steps);
    }
}
