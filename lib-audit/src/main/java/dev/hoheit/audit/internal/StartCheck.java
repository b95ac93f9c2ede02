package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_ENTRY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditException.Problem;
import java.io.IOException;
import java.util.OptionalLong;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a purge checks before it removes anything: the log starts exactly where its recorded purges
 * end it, and no entry is missing from the range about to be purged. Otherwise the purge is refused
 * ({@link Problem#TAMPERED}), because removing that range would hide the gap for good.
 */
final class StartCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartCheck.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The retained range as stored. */
    record Start(long firstSeq, long lastSeq) {
    }

    private final DSLContext db;

    StartCheck(DSLContext db) {
        this.db = db;
    }

    /** Checks the start of the log against {@code head} and the newest recorded purge. */
    Start check(EntryWriter.Head head) {
        Record2<Long, Long> range = db.select(DSL.min(AUDIT_ENTRY.SEQ), DSL.max(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY).fetchOne();
        long first = range == null || range.value1() == null ? 0 : range.value1();
        long last = range == null || range.value2() == null ? 0 : range.value2();
        long minIndex = head.minIndex();
        if (minIndex > 0) {
            OptionalLong recorded = newestPurgeBoundary(db);
            if (recorded.isEmpty() || recorded.getAsLong() != minIndex) {
                throw refuse("the head's minimum index is " + minIndex + ", but the newest recorded purge ends at "
                        + (recorded.isPresent() ? Long.toString(recorded.getAsLong()) : "none"));
            }
        }
        if (head.size() > minIndex && first == 0) {
            throw refuse("all " + (head.size() - minIndex) + " retained entries are missing (positions "
                    + (minIndex + 1) + ".." + head.size() + "), and no purge removed them");
        }
        if (first - 1 > minIndex) {
            throw refuse("entries " + (minIndex + 1) + ".." + (first - 1) + " are missing, and no purge removed them");
        }
        if (last < head.size()) {
            throw refuse("entries " + (last + 1) + ".." + head.size() + " are missing at the end of the log");
        }
        return new Start(first, last);
    }

    /** Every position in {@code (fromIndex, toIndex]} about to be purged holds an entry. */
    void requireIntact(long fromIndex, long toIndex, Start start) {
        long from = Math.max(fromIndex + 1, start.firstSeq());
        int present = db.fetchCount(AUDIT_ENTRY, AUDIT_ENTRY.SEQ.between(from, toIndex));
        long expected = toIndex - from + 1;
        if (present != expected) {
            throw refuse((expected - present) + " of the entries " + from + ".." + toIndex
                    + " due for purging are missing, and no purge removed them");
        }
    }

    /** The minimum index the newest retained PURGE entry set, if there is one. */
    static OptionalLong newestPurgeBoundary(DSLContext db) {
        byte[] details = db.select(AUDIT_ENTRY.DETAILS).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ACTION.eq(AuditAction.PURGE.name()).and(AUDIT_ENTRY.ACTOR_TAG.isNull()))
                .orderBy(AUDIT_ENTRY.SEQ.desc()).limit(1).fetchOne(AUDIT_ENTRY.DETAILS);
        if (details == null) {
            return OptionalLong.empty();
        }
        try {
            JsonNode node = JSON.readTree(details);
            return node != null && node.has("toIndex") ? OptionalLong.of(Long.parseLong(node.get("toIndex").asText()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static AuditException refuse(String reason) {
        LOG.error("Refusing to purge the audit log: {}", reason);
        return new AuditException(Problem.TAMPERED, "refusing to purge: " + reason
                + "; verify the log and restore the missing entries or report the loss");
    }
}
