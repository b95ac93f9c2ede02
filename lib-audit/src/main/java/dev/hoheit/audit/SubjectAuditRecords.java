package dev.hoheit.audit;

/**
 * How many events concern one person: as the actor and as the subject.
 *
 * @param asActor events the person did
 * @param asSubject events about the person's data
 * @since 0.1
 */
public record SubjectAuditRecords(long asActor, long asSubject) {
}
