package dev.hoheit.consent;

/**
 * How many records about one subject an export wrote or an erasure removed.
 *
 * @param decisions consent decisions made by the subject
 * @param grantsAsSubject access grants over the subject's own data
 * @param grantsAsGrantee access grants others gave the subject
 * @param grantEvents steps in the history of those grants
 * @since 0.1
 */
public record SubjectRecords(long decisions, long grantsAsSubject, long grantsAsGrantee, long grantEvents) {

    /** All records together. */
    public long total() {
        return decisions + grantsAsSubject + grantsAsGrantee + grantEvents;
    }
}
