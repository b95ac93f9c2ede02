package dev.hoheit.spring.actuate;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.RunReport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer meters of the Hoheit libraries, read from what their APIs expose when the registry is scraped:
 *
 * <ul>
 *   <li>{@code hoheit.audit.entries} (counter): entries integrated into the audit log's tree, by every
 *       instance sharing the database (the tree size; the libraries count no appends per instance);</li>
 *   <li>{@code hoheit.audit.integration.lag} (time gauge): how long the oldest event waiting in the outbox has waited;</li>
 *   <li>{@code hoheit.retention.last.run.records} (gauge): records the newest retention run purged or anonymised;</li>
 *   <li>{@code hoheit.retention.last.run.failed} (gauge): 1 when the newest run failed, else 0;</li>
 *   <li>{@code hoheit.retention.erasures.recent} and {@code hoheit.retention.erasures.incomplete} (gauges):
 *       erasure receipts among the newest {@value #RECENT} (the service exposes no total), and those incomplete.</li>
 * </ul>
 *
 * A meter whose read fails (database down) reports NaN; the failure is logged at debug level.
 *
 * @since 0.2
 */
public final class HoheitMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(HoheitMetrics.class);
    static final int RECENT = 1000;

    private final AuditLog audit;
    private final RetentionService retention;

    /**
     * @param audit the audit log
     * @param retention the retention service, or {@code null} when there is none
     */
    public HoheitMetrics(AuditLog audit, RetentionService retention) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.retention = retention;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("hoheit.audit.entries", audit, safely(log -> log.treeSize()))
                .description("Entries integrated into the audit log's tree (all instances)")
                .register(registry);
        TimeGauge.builder("hoheit.audit.integration.lag", audit, TimeUnit.MILLISECONDS,
                        safely(log -> log.integrationLag().toMillis()))
                .description("Age of the oldest event waiting in the audit outbox")
                .strongReference(true)
                .register(registry);
        if (retention == null) {
            return;
        }
        Gauge.builder("hoheit.retention.last.run.records", retention, safely(service -> lastRun(service, RunReport::affected)))
                .description("Records the newest retention run purged or anonymised")
                .strongReference(true)
                .register(registry);
        Gauge.builder("hoheit.retention.last.run.failed", retention,
                        safely(service -> lastRun(service, run -> run.failed() ? 1 : 0)))
                .description("1 when the newest retention run failed")
                .strongReference(true)
                .register(registry);
        Gauge.builder("hoheit.retention.erasures.recent", retention, safely(service -> service.erasures(RECENT).size()))
                .description("Erasure receipts among the newest " + RECENT)
                .strongReference(true)
                .register(registry);
        Gauge.builder("hoheit.retention.erasures.incomplete", retention,
                        safely(service -> service.erasures(RECENT).stream().filter(receipt -> !receipt.complete()).count()))
                .description("Incomplete erasures among the newest " + RECENT + " (retried by every run)")
                .strongReference(true)
                .register(registry);
    }

    private static double lastRun(RetentionService service, ToDoubleFunction<RunReport> value) {
        List<RunReport> runs = service.runs(1);
        return runs.isEmpty() ? 0 : value.applyAsDouble(runs.get(0));
    }

    private static <T> ToDoubleFunction<T> safely(ToDoubleFunction<T> read) {
        return target -> {
            try {
                return read.applyAsDouble(target);
            } catch (RuntimeException e) {
                LOG.debug("A Hoheit meter could not be read: {}", e.toString());
                return Double.NaN;
            }
        };
    }

}
