package dev.hoheit.spring;

import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Controller;
import dev.hoheit.transaction.CallerTransaction;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link ConsentService} on the application's {@code DataSource} ({@code hoheit.consent.*}), joined to
 * Spring's transactions as {@code hoheit.transactions} says. It migrates its tables when created, after the
 * application's own Flyway or Liquibase migrations ({@link HoheitDatabaseInitializationDetector}).
 *
 * @since 0.2
 */
@AutoConfiguration(after = HoheitTransactionAutoConfiguration.class,
        afterName = {HoheitTransactionAutoConfiguration.BOOT3_DATA_SOURCE, HoheitTransactionAutoConfiguration.BOOT4_DATA_SOURCE})
@ConditionalOnClass(ConsentService.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "hoheit.consent", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HoheitProperties.class)
public class HoheitConsentAutoConfiguration {

    /**
     * The consent service.
     *
     * @param dataSource the application's data source
     * @param properties {@code hoheit.*}
     * @param callers the caller transaction to join
     * @param clock the application's {@link Clock} bean, if it has exactly one (else the system UTC clock)
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean
    public ConsentService hoheitConsentService(DataSource dataSource, HoheitProperties properties,
                                               ObjectProvider<CallerTransaction> callers, ObjectProvider<Clock> clock) {
        HoheitProperties.Consent consent = properties.getConsent();
        ConsentConfig config = ConsentConfig.of(controller(consent.getController()))
                .withClock(clock.getIfUnique(Clock::systemUTC))
                .withTransactions(HoheitTransactionAutoConfiguration.transactions(properties, callers))
                .withSchema(properties.schemaOf(consent.getSchema()));
        if (consent.getServiceName() != null) {
            config = config.withServiceName(consent.getServiceName());
        }
        if (consent.getWithdrawalHint() != null) {
            config = config.withWithdrawalHint(consent.getWithdrawalHint());
        }
        return ConsentService.create(dataSource, config);
    }

    private static Controller controller(HoheitProperties.Controller controller) {
        if (controller.getName() == null) {
            throw new IllegalStateException("hoheit.consent.controller.* is not set: the consent service names the controller"
                    + " on every receipt (name, contact, address, email, phone, jurisdiction, policy-url);"
                    + " set them or hoheit.consent.enabled=false");
        }
        return new Controller(controller.getName(), controller.getContact(), controller.getAddress(), controller.getEmail(),
                controller.getPhone(), controller.getJurisdiction(), controller.getPolicyUrl());
    }
}
