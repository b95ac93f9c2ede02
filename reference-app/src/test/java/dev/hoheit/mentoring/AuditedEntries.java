package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEntry;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The fault tests' check of one mentee: her Smoff-Time entries against her audit events. */
final class AuditedEntries {

    private AuditedEntries() {
    }

    /**
     * Asserts that every acknowledged entry is stored, every stored entry has exactly one CREATE
     * event and every such event its entry; returns how many reads of her Smoff-Time the log holds.
     */
    static long check(TestDatabase db, AuditLog audit, String menteeId, Set<String> acknowledged) {
        Set<String> stored = new HashSet<>(db.rows("SELECT session_id FROM app_smoff_session WHERE account_id = ?", menteeId)
                .stream().map(row -> row.values().iterator().next().toString()).toList());
        List<AuditEntry> events = byActor(audit, menteeId);
        List<String> created = events.stream()
                .filter(e -> e.action() == AuditAction.CREATE && e.resourceType().equals("smoff-session"))
                .map(e -> e.resourceId().orElseThrow()).toList();
        assertTrue(stored.containsAll(acknowledged), "every acknowledged entry is stored");
        assertEquals(stored, new HashSet<>(created), "every stored entry has its event and every event its entry");
        assertEquals(created.size(), new HashSet<>(created).size(), "no event integrated twice");
        return events.stream().filter(e -> e.action() == AuditAction.VIEW
                && e.resourceId().orElse("").equals("/api/me/smoff-sessions")).count();
    }

    /** Every event by {@code actorId}, newest first, page by page. */
    static List<AuditEntry> byActor(AuditLog audit, String actorId) {
        List<AuditEntry> entries = new ArrayList<>();
        AuditQuery query = AuditQuery.newest(500);
        while (true) {
            var page = audit.byActor(actorId, query);
            entries.addAll(page.entries());
            if (page.next().isEmpty()) {
                return entries;
            }
            query = query.before(page.next().getAsLong());
        }
    }
}
