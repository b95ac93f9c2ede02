package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which entries to read, newest first. Start with {@link #newest(int)}.
 *
 * @param limit page size, 1 to 1000
 * @param from earliest recording time (inclusive), or null
 * @param to latest recording time (exclusive), or null
 * @param actions only these actions; empty means all
 * @param beforeSeq only entries before this position (the cursor), or 0 for the newest
 * @since 0.1
 */
public record AuditQuery(int limit, Instant from, Instant to, Set<AuditAction> actions, long beforeSeq) {

    /** Validates the query. */
    public AuditQuery {
        if (limit < 1 || limit > 1000) {
            throw CHECKS.invalid("page limit must be between 1 and 1000, was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw CHECKS.invalid("time range is empty: from " + from + " is not before " + to);
        }
        actions = actions == null || actions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(actions));
        if (beforeSeq < 0) {
            throw CHECKS.invalid("cursor must not be negative");
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(limit, null, null, Set.of(), 0);
    }

    /** The same query within {@code [from, to)}. */
    public AuditQuery between(Instant newFrom, Instant newTo) {
        return new AuditQuery(limit, newFrom, newTo, actions, beforeSeq);
    }

    /** The same query, only these actions. */
    public AuditQuery actions(AuditAction first, AuditAction... more) {
        return new AuditQuery(limit, from, to, EnumSet.of(first, more), beforeSeq);
    }

    /** The same query, continuing before position {@code seq} (from {@link AuditPage#next()}). */
    public AuditQuery before(long seq) {
        return new AuditQuery(limit, from, to, actions, seq);
    }
}
