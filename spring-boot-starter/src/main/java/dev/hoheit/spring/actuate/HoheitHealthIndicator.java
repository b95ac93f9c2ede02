package dev.hoheit.spring.actuate;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the Hoheit libraries ({@code /actuator/health/hoheit}): the audit log's integration lag,
 * the newest checkpoint, the last verification and the last retention run.
 *
 * <p>DOWN when the integration lag exceeds {@code hoheit.health.max-integration-lag}, when the last
 * verification found problems, or when the last retention run failed. Verification reads the whole log
 * ({@code RetentionService.verify()}, or {@code AuditLog.verify()} without a retention service), so its
 * result is reused for {@code hoheit.health.verify-every}; the first health check after that verifies
 * again, on the caller's thread.
 *
 * @since 0.2
 */
public final class HoheitHealthIndicator extends AbstractHealthIndicator {

    private final AuditLog audit;
    private final RetentionService retention;
    private final Duration verifyEvery;
    private final Duration maxIntegrationLag;
    private final Clock clock;
    private Verification verification;

    /**
     * @param audit the audit log
     * @param retention the retention service, or {@code null} when there is none
     * @param verifyEvery how long a verification result is reused
     * @param maxIntegrationLag the integration lag above which the health is DOWN
     * @param clock where "now" comes from
     */
    public HoheitHealthIndicator(AuditLog audit, RetentionService retention, Duration verifyEvery, Duration maxIntegrationLag,
                                 Clock clock) {
        super("Hoheit health check failed");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.retention = retention;
        this.verifyEvery = Objects.requireNonNull(verifyEvery, "verifyEvery");
        this.maxIntegrationLag = Objects.requireNonNull(maxIntegrationLag, "maxIntegrationLag");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        Duration lag = audit.integrationLag();
        up &= lag.compareTo(maxIntegrationLag) <= 0;
        builder.withDetail("audit.integrationLag", lag.toString())
                .withDetail("audit.integrating", audit.integrating())
                .withDetail("audit.treeSize", audit.treeSize());
        audit.latestCheckpoint().map(Checkpoint::sealedAt)
                .ifPresent(sealed -> builder.withDetail("audit.latestCheckpoint", sealed.toString()));

        Verification current = verification();
        up &= current.ok();
        builder.withDetail("verification", Map.of("ok", current.ok(), "findings", current.findings(),
                "checkedAt", current.checkedAt().toString()));

        if (retention != null) {
            List<RunReport> runs = retention.runs(1);
            if (runs.isEmpty()) {
                builder.withDetail("retention.lastRun", "none yet");
            } else {
                RunReport last = runs.get(0);
                up &= !last.failed();
                builder.withDetail("retention.lastRun", Map.of("outcome", last.outcome().name(),
                        "startedAt", last.startedAt().toString(),
                        "finishedAt", last.finishedAt().map(Instant::toString).orElse("-"),
                        "records", last.affected()));
            }
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private synchronized Verification verification() {
        Instant now = clock.instant();
        if (verification == null || verification.checkedAt().plus(verifyEvery).isBefore(now)) {
            verification = retention != null
                    ? new Verification(now, retention.verify().findings().size())
                    : new Verification(now, audit.verify().findings().size());
        }
        return verification;
    }

    private record Verification(Instant checkedAt, int findings) {
        boolean ok() {
            return findings == 0;
        }
    }
}
