package dev.hoheit.mentoring.planning;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SMOFF_SESSION;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.mentoring.internal.jooq.tables.records.AppSmoffSessionRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Smoff-Time: a person's planning sessions (day 4-10 min, week 15-30 min, quarter and year 1-2 h). */
public final class SmoffTimeService {

    /** The kinds of planning session. */
    public enum Kind { DAY, WEEK, QUARTER, YEAR }

    /** A recorded planning session. */
    public record Entry(String id, Kind kind, LocalDate date, int minutes, Optional<String> note) {
    }

    private final DSLContext db;
    private final PersonKeys keys;
    private final Clock clock;

    public SmoffTimeService(DSLContext db, PersonKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    public Entry record(String accountId, String kind, String date, Integer minutes, String note) {
        // Every field is checked; all problems are answered at once.
        List<AppException> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        Kind parsedKind = null;
        try {
            parsedKind = Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(AppException.unprocessable(ErrorCode.SMOFF_TIME_KIND_INVALID, "kind is one of day, week, quarter, year"));
            fields.add("kind");
        }
        LocalDate parsedDate = null;
        try {
            parsedDate = LocalDate.parse(date == null ? "" : date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(AppException.badRequest(ErrorCode.DATE_INVALID, "date is a real day as an ISO date, such as 2026-03-02"));
            fields.add("date");
        }
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (parsedDate != null && (parsedDate.isAfter(today.plusDays(1)) || parsedDate.isBefore(today.minusYears(5)))) {
            problems.add(AppException.unprocessable(ErrorCode.SMOFF_TIME_DATE_OUT_OF_RANGE,
                    "the date must lie within the last five years and not in the future"));
            fields.add("date");
        }
        if (minutes == null || minutes < 1 || minutes > 600) {
            problems.add(AppException.unprocessable(ErrorCode.SMOFF_TIME_MINUTES_OUT_OF_RANGE.with("min", 1).with("max", 600),
                    "minutes are between 1 and 600"));
            fields.add("minutes");
        }
        if (note != null && note.length() > 2000) {
            problems.add(AppException.unprocessable(ErrorCode.NOTE_TOO_LONG.with("max", 2000), "a note has at most 2000 characters"));
            fields.add("note");
        }
        if (!problems.isEmpty()) {
            throw AppException.ofFields(problems, fields);
        }
        String id = UUID.randomUUID().toString();
        String text = note == null || note.isBlank() ? null : note.strip();
        db.insertInto(APP_SMOFF_SESSION)
                .set(APP_SMOFF_SESSION.SESSION_ID, id)
                .set(APP_SMOFF_SESSION.ACCOUNT_ID, accountId)
                .set(APP_SMOFF_SESSION.KIND, parsedKind.name())
                .set(APP_SMOFF_SESSION.SESSION_DATE, parsedDate)
                .set(APP_SMOFF_SESSION.MINUTES, minutes)
                .set(APP_SMOFF_SESSION.NOTE_ENC, text == null ? null : keys.sealText(accountId, "smoff-note", text))
                .set(APP_SMOFF_SESSION.CREATED_AT, clock.instant())
                .execute();
        return new Entry(id, parsedKind, parsedDate, minutes, Optional.ofNullable(text));
    }

    /** A person's sessions, newest first. */
    public List<Entry> list(String accountId) {
        return db.selectFrom(APP_SMOFF_SESSION).where(APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_SMOFF_SESSION.SESSION_DATE.desc(), APP_SMOFF_SESSION.CREATED_AT.desc())
                .fetch(row -> toEntry(accountId, row));
    }

    /** An entry with its place in the newest-first order: date, then recording time, then id. */
    public record Keyed(Entry entry, Instant createdAt) {

        /** The keyset of this entry, for the next page. */
        public String key() {
            return entry.date() + "|" + createdAt + "|" + entry.id();
        }
    }

    /**
     * One page of a person's sessions, newest first: at most {@code count} after the entry whose
     * {@link Keyed#key()} is {@code after} (from the start when empty). Keyset paging in the database:
     * a page neither skips nor repeats entries while new ones are recorded.
     */
    public List<Keyed> page(String accountId, Optional<String> after, int count) {
        org.jooq.Condition where = APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId);
        if (after.isPresent()) {
            String[] parts = after.get().split("\\|", 3);
            try {
                where = where.and(DSL.row(APP_SMOFF_SESSION.SESSION_DATE, APP_SMOFF_SESSION.CREATED_AT, APP_SMOFF_SESSION.SESSION_ID)
                        .lt(LocalDate.parse(parts[0]), Instant.parse(parts[1]), parts[2]));
            } catch (RuntimeException e) {
                throw AppException.badRequest(ErrorCode.CURSOR_INVALID, "cursor is the next value of the previous page");
            }
        }
        return db.selectFrom(APP_SMOFF_SESSION).where(where)
                .orderBy(APP_SMOFF_SESSION.SESSION_DATE.desc(), APP_SMOFF_SESSION.CREATED_AT.desc(), APP_SMOFF_SESSION.SESSION_ID.desc())
                .limit(count).fetch(row -> new Keyed(toEntry(accountId, row), row.getCreatedAt()));
    }

    /** Deletes one of the person's own sessions (to correct a wrong entry, R13); false when there is none. */
    public boolean delete(String accountId, String sessionId) {
        return db.deleteFrom(APP_SMOFF_SESSION).where(APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId))
                .and(APP_SMOFF_SESSION.SESSION_ID.eq(sessionId)).execute() > 0;
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_SMOFF_SESSION).where(APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId)).execute();
    }

    long count(String accountId) {
        return db.fetchCount(APP_SMOFF_SESSION, APP_SMOFF_SESSION.ACCOUNT_ID.eq(accountId));
    }

    private Entry toEntry(String accountId, AppSmoffSessionRecord row) {
        Optional<String> note = row.getNoteEnc() == null ? Optional.empty() : keys.openText(accountId, "smoff-note", row.getNoteEnc());
        return new Entry(row.getSessionId(), Kind.valueOf(row.getKind()), row.getSessionDate(), row.getMinutes(), note);
    }
}
