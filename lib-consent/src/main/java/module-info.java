/**
 * Hoheit consent: consent that stands up as proof (GDPR Art. 7(1)) and is withdrawn as easily as it
 * was given (Art. 7(3)), plus access grants between people (a mentee granting a mentor a scope).
 *
 * <p>The front door is {@link dev.hoheit.consent.ConsentService#create}. Everything under
 * {@code dev.hoheit.consent.internal} (jOOQ repositories, generated code) is not exported.
 *
 * <p>Migrations live in {@code META-INF/hoheit/consent/migration} (not a package, so they stay
 * readable on the module path) with their own history table, {@code hoheit_consent_history}.
 */
module dev.hoheit.consent {
    // DataSource appears in the API (ConsentService.create and ConsentSchema.migrate).
    requires transitive java.sql;
    // Transactions (where the service's writes run) appears in the API (ConsentConfig.withTransactions).
    requires transitive dev.hoheit.transaction;
    requires org.jooq;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dev.hoheit.consent;
    // jOOQ instantiates the generated record classes reflectively; open them to jOOQ alone.
    opens dev.hoheit.consent.internal.jooq.tables.records to org.jooq;
}
