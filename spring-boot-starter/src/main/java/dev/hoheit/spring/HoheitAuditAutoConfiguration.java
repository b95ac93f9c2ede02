package dev.hoheit.spring;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.WitnessEndpoint;
import dev.hoheit.transaction.CallerTransaction;
import java.time.Clock;
import java.util.List;
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
 * An {@link AuditLog} on the application's {@code DataSource} ({@code hoheit.audit.*}), its keys in
 * {@code hoheit.audit.key-dir}; appends and erasures join Spring's transactions as
 * {@code hoheit.transactions} says. Closed with the application context.
 *
 * @since 0.2
 */
@AutoConfiguration(after = HoheitTransactionAutoConfiguration.class,
        afterName = {HoheitTransactionAutoConfiguration.BOOT3_DATA_SOURCE, HoheitTransactionAutoConfiguration.BOOT4_DATA_SOURCE})
@ConditionalOnClass(AuditLog.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "hoheit.audit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(HoheitProperties.class)
public class HoheitAuditAutoConfiguration {

    /**
     * The audit log.
     *
     * @param dataSource the application's data source
     * @param properties {@code hoheit.*}
     * @param callers the caller transaction to join
     * @param clock the application's {@link Clock} bean, if it has exactly one (else the system UTC clock)
     * @return the log, started (its integrator runs unless {@code hoheit.audit.integrate=false})
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public AuditLog hoheitAuditLog(DataSource dataSource, HoheitProperties properties,
                                   ObjectProvider<CallerTransaction> callers, ObjectProvider<Clock> clock) {
        HoheitProperties.Audit audit = properties.getAudit();
        if (audit.getKeyDir() == null) {
            throw new IllegalStateException("hoheit.audit.key-dir is not set: the audit log needs a folder for its master and"
                    + " signing keys (created on first start; keep it outside the database and back it up);"
                    + " set it or hoheit.audit.enabled=false");
        }
        List<WitnessEndpoint> witnesses = audit.getWitnesses().stream()
                .map(witness -> new WitnessEndpoint(witness.getUrl(), witness.getVerifierKey()))
                .toList();
        AuditConfig config = AuditConfig.of(AuditKeys.loadOrCreate(audit.getKeyDir()))
                .withClock(clock.getIfUnique(Clock::systemUTC))
                .withOrigin(audit.getOrigin())
                .withRetention(audit.getRetention())
                .withSealEvery(audit.getSealEvery())
                .withBatching(audit.getBatchSize(), audit.getBufferCapacity())
                .withKeyCacheTtl(audit.getKeyCacheTtl())
                .withStateDirectory(audit.getStateDir() != null ? audit.getStateDir() : audit.getKeyDir())
                .withWitnesses(witnesses, audit.getWitnessQuorum())
                .withTransactions(HoheitTransactionAutoConfiguration.transactions(properties, callers))
                .withSchema(properties.schemaOf(audit.getSchema()));
        if (!audit.isIntegrate()) {
            config = config.withoutIntegrator();
        }
        return AuditLog.create(dataSource, config);
    }
}
