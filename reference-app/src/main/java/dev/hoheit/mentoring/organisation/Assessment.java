package dev.hoheit.mentoring.organisation;

import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The professionalism assessment an employer may see (R8): how regularly and how long a person plans
 * per kind of session over a period, against the Smoffen recommendations. Computed on request, never
 * stored, never showing an entry or a plan's text. Informative only: no decision follows from it (R33).
 *
 * <p>A period counts as planned when it has a Smoff-Time session of its kind or a saved plan for it (a
 * day plan for the day, a week plan for the week, a year plan in the quarter it was last saved). The
 * period starts at the later of its nominal start and the day the account was created, so a new
 * employee is not measured against days before she was there. Durations come from Smoff-Time only
 * (a plan has no duration).
 */
public final class Assessment {

    /** The default period, and the bounds a caller may choose. */
    public static final int DEFAULT_DAYS = 90;
    public static final int MIN_DAYS = 7;
    public static final int MAX_DAYS = 365;

    /** The Smoffen recommendation for a session of one kind, in minutes. */
    public record Recommendation(int minMinutes, int maxMinutes) {
    }

    private static final Map<SmoffTimeService.Kind, Recommendation> RECOMMENDED = Map.of(
            SmoffTimeService.Kind.DAY, new Recommendation(4, 10),
            SmoffTimeService.Kind.WEEK, new Recommendation(15, 30),
            SmoffTimeService.Kind.QUARTER, new Recommendation(60, 120),
            SmoffTimeService.Kind.YEAR, new Recommendation(60, 120));

    private Assessment() {
    }

    /** The recommended duration of a session of {@code kind}. */
    public static Recommendation recommended(SmoffTimeService.Kind kind) {
        return RECOMMENDED.get(kind);
    }

    /**
     * The indicators for the {@code days} days up to and including {@code until}, starting no earlier
     * than {@code accountCreated}.
     */
    public static Map<String, Object> of(List<SmoffTimeService.Entry> entries, List<PlanService.Plan> plans, LocalDate accountCreated,
                                         LocalDate until, int days) {
        LocalDate nominal = until.minusDays(days - 1L);
        LocalDate from = accountCreated.isAfter(nominal) ? accountCreated : nominal;
        if (from.isAfter(until)) {
            from = until;
        }
        int effectiveDays = (int) (until.toEpochDay() - from.toEpochDay() + 1);
        LocalDate start = from;
        List<SmoffTimeService.Entry> inPeriod = entries.stream()
                .filter(e -> !e.date().isBefore(start) && !e.date().isAfter(until)).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", from.toString());
        period.put("until", until.toString());
        period.put("days", effectiveDays);
        period.put("requestedDays", days);
        period.put("startsAtAccountCreation", from.isAfter(nominal));
        result.put("period", period);

        Set<String> plannedDays = plannedPeriods(plans, "day", start, until, p -> LocalDate.parse(p.period()), LocalDate::toString);
        result.put("daily", indicator(inPeriod, SmoffTimeService.Kind.DAY, effectiveDays, LocalDate::toString, plannedDays));

        Set<String> plannedWeeks = plannedPeriods(plans, "week", start, until, p -> weekMonday(p.period()), Assessment::isoWeek);
        int weeks = (int) ((until.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toEpochDay()
                - from.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toEpochDay()) / 7 + 1);
        result.put("weekly", indicator(inPeriod, SmoffTimeService.Kind.WEEK, weeks, Assessment::isoWeek, plannedWeeks));

        Set<String> plannedQuarters = new HashSet<>();
        for (PlanService.Plan plan : plans) {
            LocalDate saved = plan.updatedAt().atZone(ZoneOffset.UTC).toLocalDate();
            if (plan.kind().equals("year") && !saved.isBefore(start) && !saved.isAfter(until)) {
                plannedQuarters.add(quarter(saved));
            }
        }
        List<SmoffTimeService.Entry> longTerm = inPeriod.stream().filter(e -> e.kind() == SmoffTimeService.Kind.QUARTER
                || e.kind() == SmoffTimeService.Kind.YEAR).map(e -> new SmoffTimeService.Entry(e.id(), SmoffTimeService.Kind.QUARTER,
                e.date(), e.minutes(), e.note())).toList();
        result.put("quarterlyAndYearly", indicator(longTerm, SmoffTimeService.Kind.QUARTER, Math.max(1, effectiveDays / 91),
                Assessment::quarter, plannedQuarters));
        result.put("notice", "Informative only: no automated decision is made from this assessment (GDPR Art. 22).");
        return result;
    }

    private static Set<String> plannedPeriods(List<PlanService.Plan> plans, String kind, LocalDate from, LocalDate until,
                                              Function<PlanService.Plan, LocalDate> startOf, Function<LocalDate, String> bucket) {
        Set<String> planned = new HashSet<>();
        for (PlanService.Plan plan : plans) {
            if (!plan.kind().equals(kind)) {
                continue;
            }
            LocalDate first = startOf.apply(plan);
            LocalDate last = kind.equals("week") ? first.plusDays(6) : first;
            if (!last.isBefore(from) && !first.isAfter(until)) {
                planned.add(bucket.apply(first));
            }
        }
        return planned;
    }

    private static Map<String, Object> indicator(List<SmoffTimeService.Entry> entries, SmoffTimeService.Kind kind, int expected,
                                                 Function<LocalDate, String> bucket, Set<String> plannedPeriods) {
        List<SmoffTimeService.Entry> ofKind = entries.stream().filter(e -> e.kind() == kind).toList();
        Set<String> covered = new HashSet<>(plannedPeriods);
        ofKind.forEach(e -> covered.add(bucket.apply(e.date())));
        Recommendation recommended = RECOMMENDED.get(kind);
        long withinRecommendation = ofKind.stream()
                .filter(e -> e.minutes() >= recommended.minMinutes() && e.minutes() <= recommended.maxMinutes()).count();
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("regularity", Math.min(1.0, round((double) covered.size() / expected)));
        indicator.put("plannedPeriods", Math.min(covered.size(), expected));
        indicator.put("periods", expected);
        indicator.put("averageMinutes", ofKind.isEmpty() ? 0 : round(ofKind.stream().mapToInt(SmoffTimeService.Entry::minutes).average().orElse(0)));
        indicator.put("withinRecommendedDuration", ofKind.isEmpty() ? 0 : round((double) withinRecommendation / ofKind.size()));
        indicator.put("recommendedMinutes", recommended.minMinutes() + "-" + recommended.maxMinutes());
        return indicator;
    }

    private static String isoWeek(LocalDate date) {
        return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static LocalDate weekMonday(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        int week = Integer.parseInt(period.substring(6));
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(java.time.DayOfWeek.MONDAY);
    }

    private static String quarter(LocalDate date) {
        return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
