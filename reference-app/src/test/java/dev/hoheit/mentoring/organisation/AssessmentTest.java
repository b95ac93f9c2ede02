package dev.hoheit.mentoring.organisation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The assessment's arithmetic, without a database (issue 14: honest numbers). */
class AssessmentTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

    @Test
    void a_new_employee_is_measured_from_her_first_day_not_ninety_days_back() {
        LocalDate created = TODAY.minusDays(9); // ten days with the account
        List<SmoffTimeService.Entry> entries = new ArrayList<>();
        for (int back = 0; back < 10; back++) {
            entries.add(day(TODAY.minusDays(back), 6));
        }

        Map<String, Object> result = Assessment.of(entries, List.of(), created, TODAY, 90);

        assertEquals(1.0, indicator(result, "daily").get("regularity"), "every one of her ten days planned: 100 %, not 11 %");
        assertEquals(10, period(result).get("days"));
        assertEquals(created.toString(), period(result).get("from"));
        assertEquals(true, period(result).get("startsAtAccountCreation"));
        assertEquals(90, period(result).get("requestedDays"));
    }

    @Test
    void saved_plans_count_as_planning_for_their_kind() {
        LocalDate created = TODAY.minusDays(200);
        List<PlanService.Plan> plans = List.of(
                plan("year", "2026", Instant.parse("2026-03-10T09:00:00Z")),
                plan("week", "2026-W13", Instant.parse("2026-03-23T09:00:00Z")),
                plan("day", "2026-03-30", Instant.parse("2026-03-30T07:00:00Z")));

        Map<String, Object> result = Assessment.of(List.of(), plans, created, TODAY, 90);

        assertEquals(1.0, indicator(result, "quarterlyAndYearly").get("regularity"), "the year plan saved this quarter counts");
        assertEquals(1, indicator(result, "weekly").get("plannedPeriods"));
        assertEquals(1, indicator(result, "daily").get("plannedPeriods"));
        assertEquals(0.0, indicator(result, "daily").get("averageMinutes"), "a plan has no duration");
    }

    @Test
    void a_day_with_a_session_and_a_plan_counts_once_and_other_kinds_do_not_count_for_days() {
        LocalDate created = TODAY.minusDays(200);
        List<SmoffTimeService.Entry> entries = List.of(day(TODAY, 5),
                new SmoffTimeService.Entry("w", SmoffTimeService.Kind.WEEK, TODAY.minusDays(1), 25, Optional.empty()));
        List<PlanService.Plan> plans = List.of(plan("day", TODAY.toString(), Instant.parse("2026-03-31T06:00:00Z")));

        Map<String, Object> result = Assessment.of(entries, plans, created, TODAY, 30);

        assertEquals(1, indicator(result, "daily").get("plannedPeriods"));
        assertEquals(30, indicator(result, "daily").get("periods"));
        assertEquals(5.0, indicator(result, "daily").get("averageMinutes"), "the weekly review is not a day's planning");
        assertEquals(1.0, indicator(result, "weekly").get("withinRecommendedDuration"));
    }

    private static SmoffTimeService.Entry day(LocalDate date, int minutes) {
        return new SmoffTimeService.Entry("d" + date, SmoffTimeService.Kind.DAY, date, minutes, Optional.empty());
    }

    private static PlanService.Plan plan(String kind, String period, Instant saved) {
        return new PlanService.Plan(kind, period, Optional.of("secret text"), saved);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> indicator(Map<String, Object> result, String name) {
        return (Map<String, Object>) result.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> period(Map<String, Object> result) {
        return (Map<String, Object>) result.get("period");
    }
}
