package dev.hoheit.samples.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.RetentionService;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.SystemHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/** With Actuator and Micrometer present, the starter reports the libraries' health and meters. */
class HealthAndMetricsTest {

    @TempDir
    Path keyDir;

    @Test
    void the_health_shows_verification_lag_and_the_last_retention_run_and_the_meters_count() {
        try (FreshDatabase database = FreshDatabase.create(FreshDatabase.Kind.H2);
             ConfigurableApplicationContext app = database.start(keyDir)) {
            app.getBean(RegistrationService.class).register("user-3", "three@sample.example");
            app.getBean(AuditLog.class).flush();
            RetentionService retention = app.getBean(RetentionService.class);
            retention.runDuePolicies();

            HealthComponent all = app.getBean(HealthEndpoint.class).health();
            Health hoheit = (Health) ((SystemHealth) all).getComponents().get("hoheit");
            assertEquals(Status.UP, hoheit.getStatus(), hoheit.toString());
            assertEquals(true, ((Map<?, ?>) hoheit.getDetails().get("verification")).get("ok"));
            assertEquals("SUCCEEDED", ((Map<?, ?>) hoheit.getDetails().get("retention.lastRun")).get("outcome"));
            // The run and the verification append audit entries of their own, so a little lag is normal.
            assertTrue(Duration.parse((String) hoheit.getDetails().get("audit.integrationLag")).compareTo(Duration.ofMinutes(1)) < 0);

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            AuditLog audit = app.getBean(AuditLog.class);
            audit.flush();
            assertEquals(audit.treeSize(), meters.get("hoheit.audit.entries").functionCounter().count());
            assertTrue(audit.treeSize() >= 1);
            assertEquals(audit.integrationLag().toMillis(), meters.get("hoheit.audit.integration.lag").timeGauge()
                    .value(TimeUnit.MILLISECONDS), 1000);
            assertEquals(0, meters.get("hoheit.retention.last.run.failed").gauge().value());
            assertEquals(retention.runs(1).get(0).affected(), meters.get("hoheit.retention.last.run.records").gauge().value());
            assertEquals(0, meters.get("hoheit.retention.erasures.recent").gauge().value());

            retention.eraseSubject("user-3", "subject");
            assertEquals(1, meters.get("hoheit.retention.erasures.recent").gauge().value());
            assertEquals(0, meters.get("hoheit.retention.erasures.incomplete").gauge().value());
        }
    }
}
