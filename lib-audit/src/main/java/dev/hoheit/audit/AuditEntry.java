package dev.hoheit.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A stored event as read back. Personal fields are empty when their key is gone: the person was
 * erased ({@link AuditLog#eraseSubject}) or the client data was anonymised.
 *
 * @param seq position in the log (leaf {@code seq - 1} of the Merkle tree)
 * @param recordedAt when it was written
 * @param actorId the actor's id, unless erased
 * @param actorRole the actor's role
 * @param subjectId whose data was touched, unless none or erased
 * @param action what was done
 * @param resourceType the kind of resource
 * @param resourceId the resource id, unless none or erased
 * @param purpose the purpose or grant that allowed it, if any
 * @param outcome how it ended
 * @param details extra facts (empty when erased)
 * @param client address and user agent, unless none or anonymised
 * @param leafHash the RFC 6962 leaf hash of the stored entry, lower-case hex
 * @since 0.1
 */
public record AuditEntry(long seq, Instant recordedAt, Optional<String> actorId, String actorRole,
                         Optional<String> subjectId, AuditAction action, String resourceType,
                         Optional<String> resourceId, Optional<String> purpose, Outcome outcome,
                         Map<String, String> details, Optional<ClientInfo> client, String leafHash) {
}
