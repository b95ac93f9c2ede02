/**
 * Hoheit retention: retention policies with legal holds, a resumable runner, auditor verification,
 * and export and erasure that provably cover every registered store of personal data.
 *
 * <p>The front door is {@link dev.hoheit.retention.RetentionService#create}. Host applications
 * plug their stores in through {@link dev.hoheit.retention.spi.PersonalDataStore}; lib-consent and
 * lib-audit come with adapters ({@link dev.hoheit.retention.Stores}).
 */
module dev.hoheit.retention {
    requires transitive java.sql;
    // ConsentService and AuditLog appear in the API (Stores, RetentionConfig).
    requires transitive dev.hoheit.consent;
    requires transitive dev.hoheit.audit;
    // Transactions (where the service's writes run) appears in the API (RetentionConfig.withTransactions).
    requires transitive dev.hoheit.transaction;
    requires org.jooq;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.hoheit.retention;
    exports dev.hoheit.retention.spi;
    // jOOQ instantiates the generated record classes reflectively; open them to jOOQ alone.
    opens dev.hoheit.retention.internal.jooq.tables.records to org.jooq;
}
