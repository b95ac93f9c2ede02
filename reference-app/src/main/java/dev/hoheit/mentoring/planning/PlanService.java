package dev.hoheit.mentoring.planning;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PLAN;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/** Day, week and year plans: one text per period ({@code 2026-03-02}, {@code 2026-W10}, {@code 2026}). */
public final class PlanService {

    /** A plan. */
    public record Plan(String kind, String period, Optional<String> text, Instant updatedAt) {
    }

    private static final Map<String, Pattern> PERIODS = Map.of(
            "DAY", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"),
            "WEEK", Pattern.compile("\\d{4}-W\\d{2}"),
            "YEAR", Pattern.compile("\\d{4}"));

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    private final DSLContext db;
    private final PersonKeys keys;
    private final Clock clock;

    public PlanService(DSLContext db, PersonKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    public Plan save(String accountId, String kind, String period, String text) {
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        Pattern pattern = PERIODS.get(k);
        // Every field is checked; all problems are answered at once.
        List<AppException> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (pattern == null) {
            problems.add(AppException.unprocessable(ErrorCode.PLAN_KIND_INVALID, "a plan is a day, week or year plan"));
            fields.add("kind");
        } else if (period == null || !pattern.matcher(period).matches() || !exists(k, period)) {
            problems.add(AppException.badRequest(ErrorCode.PLAN_PERIOD_INVALID.with("kind", k.toLowerCase(Locale.ROOT)), "the period of a "
                    + k.toLowerCase(Locale.ROOT) + " plan is a real "
                    + Map.of("DAY", "day such as 2026-03-02", "WEEK", "ISO week such as 2026-W10", "YEAR", "year such as 2026").get(k)
                    + ", from " + FIRST_YEAR + " to " + LAST_YEAR));
            fields.add("period");
        }
        if (text == null || text.isBlank() || text.length() > 10_000) {
            problems.add(AppException.unprocessable(ErrorCode.PLAN_TEXT_LENGTH.with("max", 10000), "a plan has 1 to 10,000 characters"));
            fields.add("text");
        }
        if (!problems.isEmpty()) {
            throw AppException.ofFields(problems, fields);
        }
        Instant now = clock.instant();
        byte[] sealed = keys.sealText(accountId, "plan:" + k + ":" + period, text);
        int updated = db.update(APP_PLAN).set(APP_PLAN.TEXT_ENC, sealed).set(APP_PLAN.UPDATED_AT, now)
                .where(APP_PLAN.ACCOUNT_ID.eq(accountId)).and(APP_PLAN.KIND.eq(k)).and(APP_PLAN.PERIOD.eq(period)).execute();
        if (updated == 0) {
            db.insertInto(APP_PLAN).set(APP_PLAN.ACCOUNT_ID, accountId).set(APP_PLAN.KIND, k).set(APP_PLAN.PERIOD, period)
                    .set(APP_PLAN.TEXT_ENC, sealed).set(APP_PLAN.UPDATED_AT, now).execute();
        }
        return new Plan(k.toLowerCase(Locale.ROOT), period, Optional.of(text), now);
    }

    /** Whether a period of the right shape names a day, ISO week or year that exists (no 2026-02-30, no 2026-W99). */
    private static boolean exists(String kind, String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return false;
        }
        try {
            return switch (kind) {
                case "DAY" -> java.time.LocalDate.parse(period) != null;
                case "WEEK" -> {
                    int week = Integer.parseInt(period.substring(6));
                    long weeks = java.time.LocalDate.of(year, 6, 1).range(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
                    yield week >= 1 && week <= weeks;
                }
                default -> true;
            };
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    public List<Plan> list(String accountId) {
        return db.selectFrom(APP_PLAN).where(APP_PLAN.ACCOUNT_ID.eq(accountId)).orderBy(APP_PLAN.KIND, APP_PLAN.PERIOD.desc())
                .fetch(r -> new Plan(r.getKind().toLowerCase(Locale.ROOT), r.getPeriod(),
                        keys.openText(accountId, "plan:" + r.getKind() + ":" + r.getPeriod(), r.getTextEnc()), r.getUpdatedAt()));
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_PLAN).where(APP_PLAN.ACCOUNT_ID.eq(accountId)).execute();
    }

    long count(String accountId) {
        return db.fetchCount(APP_PLAN, APP_PLAN.ACCOUNT_ID.eq(accountId));
    }
}
