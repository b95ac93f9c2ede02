package dev.hoheit.audit;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of entries, newest first. Pass {@link #next()} to {@link AuditQuery#before(long)} for the next page.
 *
 * @param entries the entries on this page
 * @param next the cursor for the next page, empty on the last page
 * @since 0.1
 */
public record AuditPage(List<AuditEntry> entries, OptionalLong next) {

    /** Copies the list. */
    public AuditPage {
        entries = List.copyOf(entries);
    }
}
