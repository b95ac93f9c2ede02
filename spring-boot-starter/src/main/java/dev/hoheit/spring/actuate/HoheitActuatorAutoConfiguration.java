package dev.hoheit.spring.actuate;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.spring.HoheitProperties;
import dev.hoheit.spring.HoheitRetentionAutoConfiguration;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Hoheit health indicator when Spring Boot Actuator is present, and the Hoheit meters when
 * Micrometer is; each for an application with an {@link AuditLog}.
 *
 * @since 0.2
 */
@AutoConfiguration(after = HoheitRetentionAutoConfiguration.class)
@ConditionalOnBean(AuditLog.class)
@EnableConfigurationProperties(HoheitProperties.class)
public class HoheitActuatorAutoConfiguration {

    /** The health indicator, named {@code hoheit}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "hoheitHealthIndicator")
        HoheitHealthIndicator hoheitHealthIndicator(AuditLog audit, ObjectProvider<RetentionService> retention,
                                                    HoheitProperties properties, ObjectProvider<Clock> clock) {
            return new HoheitHealthIndicator(audit, retention.getIfUnique(), properties.getHealth().getVerifyEvery(),
                    properties.getHealth().getMaxIntegrationLag(), clock.getIfUnique(Clock::systemUTC));
        }
    }

    /** The meters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class Metrics {

        @Bean
        @ConditionalOnMissingBean
        HoheitMetrics hoheitMetrics(AuditLog audit, ObjectProvider<RetentionService> retention) {
            return new HoheitMetrics(audit, retention.getIfUnique());
        }
    }
}
