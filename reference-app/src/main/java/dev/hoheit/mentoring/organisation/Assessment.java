package dev.hoheit.mentoring.organisation;

import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The professionalism assessment an employer may see (R8): how regularly and how long a person plans
 * per kind of session over a period, against the Smoffen recommendations. Computed on request from
 * Smoff-Time, never stored, never showing an entry. Informative only: no decision follows from it (R33).
 */
public final class Assessment {

    private record Recommendation(int minMinutes, int maxMinutes) {
    }

    private static final Map<SmoffTimeService.Kind, Recommendation> RECOMMENDED = Map.of(
            SmoffTimeService.Kind.DAY, new Recommendation(4, 10),
            SmoffTimeService.Kind.WEEK, new Recommendation(15, 30),
            SmoffTimeService.Kind.QUARTER, new Recommendation(60, 120),
            SmoffTimeService.Kind.YEAR, new Recommendation(60, 120));

    private Assessment() {
    }

    /** The indicators for the {@code days} days up to and including {@code until}. */
    public static Map<String, Object> of(List<SmoffTimeService.Entry> entries, LocalDate until, int days) {
        LocalDate from = until.minusDays(days - 1L);
        List<SmoffTimeService.Entry> inPeriod = entries.stream()
                .filter(e -> !e.date().isBefore(from) && !e.date().isAfter(until)).toList();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("period", Map.of("from", from.toString(), "until", until.toString(), "days", days));
        result.put("daily", indicator(inPeriod, SmoffTimeService.Kind.DAY, days, d -> d.toString()));
        result.put("weekly", indicator(inPeriod, SmoffTimeService.Kind.WEEK, Math.max(1, days / 7),
                d -> d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        result.put("quarterlyAndYearly", indicator(inPeriod.stream().filter(e -> e.kind() == SmoffTimeService.Kind.QUARTER
                || e.kind() == SmoffTimeService.Kind.YEAR).map(e -> new SmoffTimeService.Entry(e.id(), SmoffTimeService.Kind.QUARTER,
                e.date(), e.minutes(), e.note())).toList(), SmoffTimeService.Kind.QUARTER, Math.max(1, days / 91),
                d -> d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR)));
        result.put("notice", "Informative only: no automated decision is made from this assessment (GDPR Art. 22).");
        return result;
    }

    private static Map<String, Object> indicator(List<SmoffTimeService.Entry> entries, SmoffTimeService.Kind kind, int expected,
                                                 java.util.function.Function<LocalDate, String> bucket) {
        List<SmoffTimeService.Entry> ofKind = entries.stream().filter(e -> e.kind() == kind).toList();
        Set<String> covered = new HashSet<>();
        ofKind.forEach(e -> covered.add(bucket.apply(e.date())));
        Recommendation recommended = RECOMMENDED.get(kind);
        long withinRecommendation = ofKind.stream()
                .filter(e -> e.minutes() >= recommended.minMinutes() && e.minutes() <= recommended.maxMinutes()).count();
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("regularity", Math.min(1.0, round((double) covered.size() / expected)));
        indicator.put("averageMinutes", ofKind.isEmpty() ? 0 : round(ofKind.stream().mapToInt(SmoffTimeService.Entry::minutes).average().orElse(0)));
        indicator.put("withinRecommendedDuration", ofKind.isEmpty() ? 0 : round((double) withinRecommendation / ofKind.size()));
        indicator.put("recommendedMinutes", recommended.minMinutes() + "-" + recommended.maxMinutes());
        return indicator;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
