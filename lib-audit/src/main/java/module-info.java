/**
 * Hoheit audit: a tamper-evident access and usage log that forgets on schedule and stays
 * verifiable after a purge or an erasure.
 *
 * <p>The front door is {@link dev.hoheit.audit.AuditLog#create}. {@code dev.hoheit.audit.tlog}
 * holds the standard transparency-log primitives (Merkle proofs, tiles, signed notes,
 * cosignatures) for anyone checking what the log publishes. Everything under
 * {@code dev.hoheit.audit.internal} is not exported, except the log checker to the auditor's
 * standalone verifier (module {@code dev.hoheit.audit.verifier}).
 *
 * <p>Migrations live in {@code META-INF/hoheit/audit/migration/<vendor>} with their own history
 * table, {@code hoheit_audit_history}.
 */
module dev.hoheit.audit {
    // DataSource appears in the API (AuditLog.create, AuditSchema.migrate).
    requires transitive java.sql;
    // Transactions (where appends run) appears in the API (AuditConfig.withTransactions).
    requires transitive dev.hoheit.transaction;
    requires org.jooq;
    requires flyway.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // Submitting checkpoints to witnesses (C2SP tlog-witness) over HTTP.
    requires java.net.http;

    exports dev.hoheit.audit;
    // Standard transparency-log primitives (Merkle proofs, tiles, signed notes, cosignatures).
    exports dev.hoheit.audit.tlog;
    // The auditor's standalone verifier runs the same log checker (LogVerifier) as AuditLog.verify.
    exports dev.hoheit.audit.internal to dev.hoheit.audit.verifier;
    // jOOQ instantiates the generated record classes reflectively; open them to jOOQ alone.
    opens dev.hoheit.audit.internal.jooq.tables.records to org.jooq;
}
