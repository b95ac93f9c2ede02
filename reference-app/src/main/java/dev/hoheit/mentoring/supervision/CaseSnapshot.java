package dev.hoheit.mentoring.supervision;

import dev.hoheit.mentoring.organisation.Assessment;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a supervision case shows of a mentee's planning, pseudonymised (R26): no name, no id, no date.
 * Time is counted in weeks relative to the week the case was opened (week 0; week -1 the one before),
 * Smoff-Time as durations and regularity per kind, plans as structure only (which periods were planned
 * and how long each plan is, in characters and lines), never their text; no notes, pictures or messages.
 * Only what the mentor's grant allows is in it.
 */
public final class CaseSnapshot {

    /** The weeks a case covers by default, and the bounds a mentor may choose. */
    public static final int DEFAULT_WEEKS = 12;
    public static final int MIN_WEEKS = 4;
    public static final int MAX_WEEKS = 26;

    private CaseSnapshot() {
    }

    /**
     * The snapshot of the {@code weeks} weeks up to the week of {@code today}. Sessions a mentee entered
     * for days before her account existed (from paper) count like any other.
     *
     * @param sessions the mentee's Smoff-Time, empty when the grant does not allow it
     * @param plans the mentee's plans, empty when the grant does not allow them
     */
    public static Map<String, Object> of(Optional<List<SmoffTimeService.Entry>> sessions, Optional<List<PlanService.Plan>> plans,
                                         LocalDate today, int weeks) {
        LocalDate weekZero = monday(today);
        int from = -(weeks - 1);
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("fromWeek", from);
        snapshot.put("toWeek", 0);
        snapshot.put("weeks", weeks);
        sessions.ifPresent(list -> snapshot.put("smoffTime", smoffTime(list, weekZero, from)));
        plans.ifPresent(list -> snapshot.put("plans", plans(list, weekZero, today, from)));
        return snapshot;
    }

    private static Map<String, Object> smoffTime(List<SmoffTimeService.Entry> entries, LocalDate weekZero, int from) {
        List<SmoffTimeService.Entry> inSpan = entries.stream().filter(e -> inSpan(week(weekZero, e.date()), from)).toList();
        int weeks = 1 - from;
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (SmoffTimeService.Kind kind : SmoffTimeService.Kind.values()) {
            List<SmoffTimeService.Entry> ofKind = inSpan.stream().filter(e -> e.kind() == kind).toList();
            Assessment.Recommendation recommended = Assessment.recommended(kind);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sessions", ofKind.size());
            summary.put("totalMinutes", ofKind.stream().mapToInt(SmoffTimeService.Entry::minutes).sum());
            summary.put("averageMinutes", round(ofKind.stream().mapToInt(SmoffTimeService.Entry::minutes).average().orElse(0)));
            summary.put("withinRecommended", ofKind.isEmpty() ? 0 : round((double) ofKind.stream()
                    .filter(e -> e.minutes() >= recommended.minMinutes() && e.minutes() <= recommended.maxMinutes()).count() / ofKind.size()));
            summary.put("recommendedMinutes", recommended.minMinutes() + "-" + recommended.maxMinutes());
            // Regularity: the share of the periods of this kind in the span that have a session.
            long covered;
            int periods;
            switch (kind) {
                case DAY -> {
                    covered = ofKind.stream().map(SmoffTimeService.Entry::date).distinct().count();
                    periods = weeks * 7;
                }
                case WEEK -> {
                    covered = ofKind.stream().map(e -> week(weekZero, e.date())).distinct().count();
                    periods = weeks;
                }
                default -> {
                    covered = ofKind.stream().map(e -> e.date().getYear() * 10 + e.date().get(IsoFields.QUARTER_OF_YEAR)).distinct().count();
                    periods = Math.max(1, weeks / 13);
                }
            }
            summary.put("regularity", Math.min(1.0, round((double) covered / periods)));
            kinds.put(kind.name().toLowerCase(Locale.ROOT), summary);
        }
        TreeMap<Integer, Map<String, Object>> byWeek = new TreeMap<>();
        for (int w = from; w <= 0; w++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("week", w);
            Map<String, Object> cells = new LinkedHashMap<>();
            for (SmoffTimeService.Kind kind : SmoffTimeService.Kind.values()) {
                cells.put(kind.name().toLowerCase(Locale.ROOT), new LinkedHashMap<>(Map.of("sessions", 0, "minutes", 0)));
            }
            row.put("kinds", cells);
            byWeek.put(w, row);
        }
        for (SmoffTimeService.Entry entry : inSpan) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> cells = (Map<String, Map<String, Object>>) byWeek.get(week(weekZero, entry.date())).get("kinds");
            Map<String, Object> cell = cells.get(entry.kind().name().toLowerCase(Locale.ROOT));
            cell.put("sessions", (int) cell.get("sessions") + 1);
            cell.put("minutes", (int) cell.get("minutes") + entry.minutes());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kinds", kinds);
        json.put("byWeek", new ArrayList<>(byWeek.values()));
        return json;
    }

    private static Map<String, Object> plans(List<PlanService.Plan> plans, LocalDate weekZero, LocalDate today, int from) {
        TreeMap<Integer, Map<String, Object>> byWeek = new TreeMap<>();
        List<Map<String, Object>> yearPlans = new ArrayList<>();
        int dayPlans = 0;
        int weekPlans = 0;
        for (PlanService.Plan plan : plans) {
            String text = plan.text().orElse("");
            switch (plan.kind()) {
                case "day" -> {
                    int w = week(weekZero, LocalDate.parse(plan.period()));
                    if (inSpan(w, from)) {
                        Map<String, Object> row = weekRow(byWeek, w);
                        row.put("dayPlans", (int) row.get("dayPlans") + 1);
                        row.put("dayPlanCharacters", (int) row.get("dayPlanCharacters") + text.length());
                        dayPlans++;
                    }
                }
                case "week" -> {
                    int w = week(weekZero, isoWeekMonday(plan.period()));
                    if (inSpan(w, from)) {
                        Map<String, Object> row = weekRow(byWeek, w);
                        row.put("weekPlan", true);
                        row.put("weekPlanCharacters", text.length());
                        row.put("weekPlanLines", lines(text));
                        weekPlans++;
                    }
                }
                case "year" -> {
                    int relativeYear = Integer.parseInt(plan.period()) - today.getYear();
                    if (relativeYear >= -1 && relativeYear <= 1) {
                        Map<String, Object> year = new LinkedHashMap<>();
                        year.put("year", relativeYear);
                        year.put("characters", text.length());
                        year.put("lines", lines(text));
                        yearPlans.add(year);
                    }
                }
                default -> {
                    // no other kind is stored
                }
            }
        }
        yearPlans.sort((a, b) -> Integer.compare((int) a.get("year"), (int) b.get("year")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dayPlans", dayPlans);
        json.put("weekPlans", weekPlans);
        json.put("byWeek", new ArrayList<>(byWeek.values()));
        json.put("yearPlans", yearPlans);
        return json;
    }

    private static Map<String, Object> weekRow(TreeMap<Integer, Map<String, Object>> byWeek, int week) {
        return byWeek.computeIfAbsent(week, w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("week", w);
            row.put("dayPlans", 0);
            row.put("dayPlanCharacters", 0);
            row.put("weekPlan", false);
            row.put("weekPlanCharacters", 0);
            row.put("weekPlanLines", 0);
            return row;
        });
    }

    private static boolean inSpan(int week, int from) {
        return week >= from && week <= 0;
    }

    /** The week of {@code date} relative to the week of {@code opened} (0 in the same week, 1 in the next). */
    static int weeksBetween(LocalDate opened, LocalDate date) {
        return week(monday(opened), date);
    }

    /** The week of {@code date} relative to the week starting on the Monday {@code weekZero}. */
    private static int week(LocalDate weekZero, LocalDate date) {
        return (int) Math.floorDiv(monday(date).toEpochDay() - weekZero.toEpochDay(), 7);
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate isoWeekMonday(String period) {
        int year = Integer.parseInt(period.substring(0, 4));
        int week = Integer.parseInt(period.substring(6));
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    }

    private static int lines(String text) {
        return text.isBlank() ? 0 : (int) text.lines().filter(line -> !line.isBlank()).count();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
