package dev.hoheit.retention.internal;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Finding;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.retention.AuditorFinding;
import dev.hoheit.retention.AuditorReport;
import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.LegalHold;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.spi.PersonalDataStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.hoheit.transaction.internal.TransactionRunner;

/** The auditor's checks, each with the evidence behind it. */
final class AuditorVerification {

    /** Retention acts at run times and client data is shredded a whole day at a time: allow a day. */
    static final Duration GRACE = Duration.ofDays(1);

    private final AuditLog audit;
    private final List<PersonalDataStore> stores;
    private final List<RetentionPolicy> policies;
    private final TransactionRunner db;
    private final JooqRunRepository runs;
    private final JooqErasureRepository erasures;
    private final JooqHoldRepository holds;
    private final Clock clock;

    AuditorVerification(AuditLog audit, List<PersonalDataStore> stores, List<RetentionPolicy> policies,
                        TransactionRunner db, JooqRunRepository runs, JooqErasureRepository erasures, JooqHoldRepository holds,
                        Clock clock) {
        this.db = db;
        this.audit = audit;
        this.stores = stores;
        this.policies = policies;
        this.runs = runs;
        this.erasures = erasures;
        this.holds = holds;
        this.clock = clock;
    }

    AuditorReport verify() {
        Instant now = clock.instant();
        List<String> checks = new ArrayList<>();
        List<AuditorFinding> findings = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        if (policies.isEmpty()) {
            notChecked.add("retention periods: no retention policy is configured, so nothing can be overdue and nothing was compared");
        }
        checkRetention(now, checks, findings);
        checkAuditLog(checks, findings, notChecked);
        checkErasures(checks, findings);
        checkSchedules(now, checks, findings);
        List<RunReport> recent = runs.latest(db.context(), 20);
        recent.stream().findFirst().filter(RunReport::failed).ifPresent(run ->
                findings.add(new AuditorFinding(AuditorFinding.Kind.RUN_FAILED, "run " + run.runId(),
                        "the latest retention run failed", Map.of("startedAt", run.startedAt().toString(),
                        "failedSteps", run.steps().stream().filter(s -> s.status() == StepReport.Status.FAILED)
                                .map(s -> s.category() + "@" + s.store()).collect(Collectors.joining(", "))))));
        checks.add("latest retention run: " + recent.stream().findFirst().map(r -> r.outcome() + " at " + r.startedAt()).orElse("none yet"));
        if (recent.isEmpty()) {
            notChecked.add("retention runs: no run has happened yet, so whether the policies are applied on schedule is not shown by any run");
        }
        return new AuditorReport(now, checks, findings, recent, notChecked);
    }

    private void checkRetention(Instant now, List<String> checks, List<AuditorFinding> findings) {
        List<LegalHold> active = holds.active(db.context());
        boolean everyoneHeld = active.stream().anyMatch(LegalHold::holdsEveryone);
        Set<String> held = new HashSet<>();
        active.forEach(hold -> held.addAll(hold.subjects()));
        for (RetentionPolicy policy : policies) {
            Instant limit = now.minus(policy.maxAge()).minus(GRACE);
            for (PersonalDataStore store : stores) {
                boolean holds = store.descriptor().category(policy.category()).map(c -> c.purgeable()).orElse(false);
                if (!holds) {
                    continue;
                }
                String where = policy.category() + " in " + store.descriptor().name();
                if (everyoneHeld) {
                    checks.add(where + ": suspended by a legal hold on everyone");
                    continue;
                }
                Optional<Instant> oldest = store.oldest(policy.category(), held);
                checks.add(where + ": oldest record " + oldest.map(Instant::toString).orElse("none")
                        + ", allowed back to " + limit + " (" + policy.action() + " after " + policy.maxAge() + ")");
                if (oldest.isPresent() && oldest.get().isBefore(limit)) {
                    Map<String, String> evidence = new LinkedHashMap<>();
                    evidence.put("store", store.descriptor().name());
                    evidence.put("category", policy.category());
                    evidence.put("oldestRecord", oldest.get().toString());
                    evidence.put("retentionPeriod", policy.maxAge().toString());
                    evidence.put("allowedBackTo", limit.toString());
                    findings.add(new AuditorFinding(AuditorFinding.Kind.RETENTION_OVERDUE, where,
                            "records are kept longer than the policy allows", evidence));
                }
            }
        }
    }

    private void checkAuditLog(List<String> checks, List<AuditorFinding> findings, List<String> notChecked) {
        VerificationReport report = audit.verify();
        if (report.checkpointsChecked() == 0) {
            notChecked.add("audit log signature: there is no signed checkpoint yet, so the entries were re-hashed against the"
                    + " stored tree only; nothing signed pins the tree, and a log rewritten as a whole would not be noticed");
        }
        checks.add("audit log: positions " + report.firstSeq() + ".." + report.lastSeq() + ", " + report.eventsChecked()
                + " events re-hashed, " + report.checkpointsChecked() + " checkpoints compared: " + (report.ok() ? "verifies" : "BROKEN"));
        if (!report.ok()) {
            Map<String, String> evidence = new LinkedHashMap<>();
            int shown = 0;
            for (Finding finding : report.findings()) {
                if (shown++ == 10) {
                    break;
                }
                evidence.put(finding.kind() + "@" + finding.seq(), finding.message());
            }
            evidence.put("totalFindings", Integer.toString(report.findings().size()));
            findings.add(new AuditorFinding(AuditorFinding.Kind.AUDIT_LOG_BROKEN, "audit log",
                    "the audit log's hash chain does not verify", evidence));
        }
    }

    private void checkErasures(List<String> checks, List<AuditorFinding> findings) {
        List<ErasureReceipt> incomplete = erasures.allIncomplete(db.context());
        checks.add("erasures: " + incomplete.size() + " incomplete");
        for (ErasureReceipt receipt : incomplete) {
            Map<String, String> evidence = new LinkedHashMap<>();
            evidence.put("requestedAt", receipt.requestedAt().toString());
            evidence.put("attempts", Integer.toString(receipt.attempts()));
            evidence.put("failedStores", receipt.stores().stream().filter(s -> !s.succeeded()).map(StoreErasure::store)
                    .collect(Collectors.joining(", ")));
            findings.add(new AuditorFinding(AuditorFinding.Kind.ERASURE_INCOMPLETE, "erasure " + receipt.erasureId(),
                    "an erasure has not completed in every store", evidence));
        }
    }

    private void checkSchedules(Instant now, List<String> checks, List<AuditorFinding> findings) {
        for (JooqRunRepository.Schedule schedule : runs.schedules(db.context())) {
            Instant end = schedule.stoppedAt().orElse(now);
            Duration allowed = schedule.interval().multipliedBy(2);
            List<Instant> starts = runs.scheduledRunStarts(db.context(), schedule.startedAt(), end);
            Instant previous = schedule.startedAt();
            int missed = 0;
            Instant firstGap = null;
            for (Instant start : starts) {
                if (Duration.between(previous, start).compareTo(allowed) > 0) {
                    missed++;
                    firstGap = firstGap == null ? previous : firstGap;
                }
                previous = start;
            }
            if (Duration.between(previous, end).compareTo(allowed) > 0) {
                missed++;
                firstGap = firstGap == null ? previous : firstGap;
            }
            checks.add("schedule every " + schedule.interval() + " since " + schedule.startedAt() + ": "
                    + starts.size() + " scheduled runs, " + missed + " gap(s)");
            if (missed > 0) {
                findings.add(new AuditorFinding(AuditorFinding.Kind.RUN_MISSED, "schedule " + schedule.id(),
                        "scheduled retention runs did not happen", Map.of("interval", schedule.interval().toString(),
                        "runs", Integer.toString(starts.size()), "gaps", Integer.toString(missed),
                        "firstGapAfter", firstGap.toString())));
            }
        }
    }
}
