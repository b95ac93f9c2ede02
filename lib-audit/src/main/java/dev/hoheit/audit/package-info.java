/**
 * The audit API: an access and usage log that is a transparency log. Events are appended
 * ({@link dev.hoheit.audit.AuditLog#append}), read back by subject or actor, proven included and
 * consistent, checkpointed, witnessed, purged after their retention and erased by subject, and
 * verified by someone who does not trust the operator ({@link dev.hoheit.audit.VerificationReport}).
 *
 * <p>Start at {@link dev.hoheit.audit.AuditLog#create} with an {@link dev.hoheit.audit.AuditConfig};
 * the standard formats the log publishes are in {@link dev.hoheit.audit.tlog}.
 */
package dev.hoheit.audit;
