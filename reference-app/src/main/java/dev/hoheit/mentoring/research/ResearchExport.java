package dev.hoheit.mentoring.research;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_SMOFF_SESSION;

import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.SubjectPage;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.ConsentCatalog;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Research use of fully anonymised data only (R20): planning statistics over the people who grant
 * the research purpose right now, aggregated per ISO week and kind of Smoff-Time entry. The output has
 * no ids, nicknames, notes, pictures or plans, no date finer than the week, and every cell with fewer
 * than {@code k} people is suppressed (k ≥ 10). People who restricted processing (Art. 18) are left out.
 */
public final class ResearchExport {

    /** The smallest group size the app accepts for a published cell. */
    public static final int MIN_K = 10;
    /** The longest period one export covers. */
    public static final int MAX_WEEKS = 104;

    /** How the export is made, stated in every export (the README says the same). */
    public static final String METHOD = "Aggregates of Smoff-Time entries of the accounts that grant the purpose"
            + " 'research-anonymised' at the time of the export, excluding accounts that restricted processing (GDPR Art. 18)."
            + " Per ISO week and kind of entry: the number of people, the number of entries, the total and the mean minutes"
            + " per person. No identifiers, nicknames, notes, pictures or plans; no date finer than the ISO week."
            + " A cell with fewer than k people is suppressed entirely, and so is the cohort size.";

    /** One week and kind; the figures are null when the cell is suppressed. */
    public record Cell(String week, String kind, boolean suppressed, Integer people, Long entries, Long minutes, Long meanMinutesPerPerson) {
    }

    /** An export: the method, k, the period, the cohort size (null when below k) and the cells. */
    public record Report(String method, int k, String from, String to, Integer cohort, List<Cell> cells) {

        /** How many cells were suppressed. */
        public long suppressedCells() {
            return cells.stream().filter(Cell::suppressed).count();
        }
    }

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final DSLContext db;
    private final ConsentService consent;
    private final Predicate<String> restricted;
    private final int k;

    public ResearchExport(DSLContext db, ConsentService consent, Predicate<String> restricted, int k) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("the research export's smallest group must be at least " + MIN_K + ", was " + k);
        }
        this.db = db;
        this.consent = consent;
        this.restricted = restricted;
        this.k = k;
    }

    /** The export for the ISO weeks {@code from} to {@code to} (inclusive, as {@code 2026-W10}). */
    public Report export(String from, String to) {
        LocalDate start = monday(from, "from");
        LocalDate end = monday(to, "to").plusDays(6);
        if (end.isBefore(start)) {
            throw AppException.badRequest(ErrorCode.WEEK_RANGE_REVERSED, "from must not be after to");
        }
        if (start.plusWeeks(MAX_WEEKS).isBefore(end)) {
            throw AppException.badRequest(ErrorCode.WEEK_RANGE_TOO_LONG.with("max", MAX_WEEKS), "one export covers at most " + MAX_WEEKS + " weeks");
        }
        Set<String> cohort = cohort();
        // (week, kind) -> the people in it, their entries and minutes
        Map<String, Map<String, long[]>> perCell = new TreeMap<>();
        List<String> ids = new ArrayList<>(cohort);
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> batch = ids.subList(i, Math.min(ids.size(), i + 500));
            db.select(APP_SMOFF_SESSION.ACCOUNT_ID, APP_SMOFF_SESSION.KIND, APP_SMOFF_SESSION.SESSION_DATE, APP_SMOFF_SESSION.MINUTES)
                    .from(APP_SMOFF_SESSION)
                    .where(APP_SMOFF_SESSION.ACCOUNT_ID.in(batch)).and(APP_SMOFF_SESSION.SESSION_DATE.between(start, end))
                    .forEach(row -> {
                        String cell = week(row.value3()) + " " + row.value2().toLowerCase(Locale.ROOT);
                        long[] person = perCell.computeIfAbsent(cell, c -> new TreeMap<>()).computeIfAbsent(row.value1(), p -> new long[2]);
                        person[0]++;
                        person[1] += row.value4();
                    });
        }
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> cell : perCell.entrySet()) {
            String[] key = cell.getKey().split(" ");
            int people = cell.getValue().size();
            if (people < k) {
                cells.add(new Cell(key[0], key[1], true, null, null, null, null));
                continue;
            }
            long entries = cell.getValue().values().stream().mapToLong(p -> p[0]).sum();
            long minutes = cell.getValue().values().stream().mapToLong(p -> p[1]).sum();
            cells.add(new Cell(key[0], key[1], false, people, entries, minutes, Math.round((double) minutes / people)));
        }
        return new Report(METHOD, k, week(start), week(end), cohort.size() < k ? null : cohort.size(), List.copyOf(cells));
    }

    /** The export as CSV: one line per cell, suppressed figures empty. */
    public static String csv(Report report) {
        StringBuilder csv = new StringBuilder("week,kind,suppressed,people,entries,minutes,mean_minutes_per_person\n");
        for (Cell cell : report.cells()) {
            csv.append(cell.week()).append(',').append(cell.kind()).append(',').append(cell.suppressed()).append(',')
                    .append(blank(cell.people())).append(',').append(blank(cell.entries())).append(',')
                    .append(blank(cell.minutes())).append(',').append(blank(cell.meanMinutesPerPerson())).append('\n');
        }
        return csv.toString();
    }

    private static String blank(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Who grants the research purpose now and has not restricted processing. */
    private Set<String> cohort() {
        Set<String> cohort = new HashSet<>();
        String after = null;
        while (true) {
            SubjectPage page = consent.subjectsGranting(ConsentCatalog.RESEARCH, after, 1000);
            for (String id : page.subjectIds()) {
                if (!restricted.test(id)) {
                    cohort.add(id);
                }
            }
            if (page.next().isEmpty()) {
                return cohort;
            }
            after = page.next().get();
        }
    }

    private static String week(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of ISO week {@code value}; 400 for anything that is not a week that exists. */
    private static LocalDate monday(String value, String name) {
        Matcher m = value == null ? null : ISO_WEEK.matcher(value.strip());
        if (m == null || !m.matches()) {
            throw AppException.badRequest(ErrorCode.WEEK_INVALID.with("name", name), name + " is an ISO week such as 2026-W10");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 6, 1);
        if (year < 2000 || year > 2100 || week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw AppException.badRequest(ErrorCode.WEEK_NOT_EXISTING.with("name", name), name + " is an ISO week that exists, such as 2026-W10 (weeks 1 to 52 or 53)");
        }
        return mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
