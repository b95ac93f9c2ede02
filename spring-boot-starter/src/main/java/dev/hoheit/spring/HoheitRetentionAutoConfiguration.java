package dev.hoheit.spring;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.retention.RetentionConfig;
import dev.hoheit.retention.RetentionPolicy;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.Stores;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.transaction.CallerTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

/**
 * A {@link RetentionService} on the application's {@code DataSource} and {@link AuditLog}
 * ({@code hoheit.retention.*}), covering the consent service and the audit log, and every
 * {@link PersonalDataStore} bean of the application; its policies are {@code hoheit.retention.policies}
 * and every {@link RetentionPolicy} bean. With {@code hoheit.retention.schedule} set, the runner starts
 * once the context has started.
 *
 * @since 0.2
 */
@AutoConfiguration(after = {HoheitAuditAutoConfiguration.class, HoheitConsentAutoConfiguration.class})
@ConditionalOnClass(RetentionService.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(AuditLog.class)
@ConditionalOnProperty(prefix = "hoheit.retention", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HoheitProperties.class)
public class HoheitRetentionAutoConfiguration {

    /**
     * The retention service.
     *
     * @param dataSource the application's data source
     * @param audit the audit log runs, erasures and exports are recorded in (also registered as a store)
     * @param consent the consent service, registered as a store when there is one
     * @param stores the application's stores, in their bean order
     * @param policies the application's policy beans, added to {@code hoheit.retention.policies}
     * @param properties {@code hoheit.*}
     * @param callers the caller transaction to join
     * @param clock the application's {@link Clock} bean, if it has exactly one (else the system UTC clock)
     * @return the service
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RetentionService hoheitRetentionService(DataSource dataSource, AuditLog audit, ObjectProvider<ConsentService> consent,
                                                   ObjectProvider<PersonalDataStore> stores,
                                                   ObjectProvider<RetentionPolicy> policies, HoheitProperties properties,
                                                   ObjectProvider<CallerTransaction> callers, ObjectProvider<Clock> clock) {
        HoheitProperties.Retention retention = properties.getRetention();
        RetentionConfig config = RetentionConfig.of(audit)
                .withClock(clock.getIfUnique(Clock::systemUTC))
                .withBatchSize(retention.getBatchSize())
                .withTransactions(HoheitTransactionAutoConfiguration.transactions(properties, callers))
                .withSchema(properties.schemaOf(retention.getSchema()));
        ConsentService consentService = consent.getIfUnique();
        if (consentService != null) {
            config = config.withStore(Stores.consent(consentService));
        }
        config = config.withStore(Stores.audit(audit));
        for (PersonalDataStore store : stores.orderedStream().toList()) {
            config = config.withStore(store);
        }
        for (RetentionPolicy policy : policies(retention, policies)) {
            config = config.withPolicy(policy);
        }
        return RetentionService.create(dataSource, config);
    }

    /**
     * Starts the retention runner ({@link RetentionService#startScheduler}) once the context has started,
     * so no run competes with the application's start.
     *
     * @param retention the service
     * @param properties {@code hoheit.retention.schedule}
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnProperty(prefix = "hoheit.retention", name = "schedule")
    public SmartLifecycle hoheitRetentionScheduler(RetentionService retention, HoheitProperties properties) {
        return new RetentionScheduler(retention, properties.getRetention().getSchedule());
    }

    private static List<RetentionPolicy> policies(HoheitProperties.Retention retention, ObjectProvider<RetentionPolicy> beans) {
        List<RetentionPolicy> policies = new ArrayList<>();
        for (HoheitProperties.Policy policy : retention.getPolicies()) {
            if (policy.getCategory() == null || policy.getMaxAge() == null) {
                throw new IllegalStateException("every hoheit.retention.policies entry needs a category and a max-age");
            }
            policies.add(new RetentionPolicy(policy.getCategory(), policy.getMaxAge(), policy.getAction(), policy.getReason()));
        }
        beans.orderedStream().forEach(policies::add);
        return policies;
    }
}
