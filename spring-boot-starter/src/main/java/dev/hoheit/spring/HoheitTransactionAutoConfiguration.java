package dev.hoheit.spring;

import dev.hoheit.transaction.CallerTransaction;
import dev.hoheit.transaction.Transactions;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The libraries' way into Spring's transactions: a {@link SpringCallerTransaction} on the application's
 * {@code DataSource}, unless the application defines its own {@link CallerTransaction}.
 *
 * @since 0.2
 */
@AutoConfiguration(afterName = {HoheitTransactionAutoConfiguration.BOOT3_DATA_SOURCE, HoheitTransactionAutoConfiguration.BOOT4_DATA_SOURCE})
@ConditionalOnClass({CallerTransaction.class, DataSourceUtils.class})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(HoheitProperties.class)
public class HoheitTransactionAutoConfiguration {

    // By name: Spring Boot 4 moved the data source auto-configuration into another package (and module).
    static final String BOOT3_DATA_SOURCE = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";
    static final String BOOT4_DATA_SOURCE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

    /**
     * Finds the connection Spring's transaction on the current thread holds for the data source.
     *
     * @param dataSource the application's data source
     * @return the caller transaction every auto-configured service joins
     */
    @Bean
    @ConditionalOnMissingBean
    public CallerTransaction hoheitCallerTransaction(DataSource dataSource) {
        return new SpringCallerTransaction(dataSource);
    }

    /** The binding {@code hoheit.transactions} asks for, on the application's caller transaction. */
    static Transactions transactions(HoheitProperties properties, ObjectProvider<CallerTransaction> callers) {
        Transactions.Mode mode = properties.getTransactions();
        if (mode == Transactions.Mode.OWN) {
            return Transactions.own();
        }
        CallerTransaction caller = callers.getIfUnique();
        if (caller == null) {
            throw new IllegalStateException("hoheit.transactions=" + mode + " needs one CallerTransaction bean (the starter"
                    + " defines one when spring-jdbc is present); add spring-jdbc, define one, or set hoheit.transactions=own");
        }
        return mode == Transactions.Mode.MANDATORY ? Transactions.mandatory(caller) : Transactions.joining(caller);
    }
}
