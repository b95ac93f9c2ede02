package dev.hoheit.mentoring;

import dev.hoheit.consent.Evidence;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.ConsentCatalog;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentoring.MentorService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Set;

/**
 * {@code --demo}: a mentee with two weeks of planning, a mentor she invited, an employer linked to
 * her and an auditor, all with one known password, so every role can be tried at once.
 */
final class DemoData {

    /** The password of every demo account (demo installations only). */
    static final String PASSWORD = "smoffen-demo-1";

    private DemoData() {
    }

    /** Seeds the demo accounts unless they exist; returns whether it seeded. */
    static boolean seed(AccountService accounts, SmoffTimeService smoffTime, PlanService plans, MentorService mentors,
                        EmploymentService employments, Clock clock) {
        if (accounts.findByNickname("demo-mentee").isPresent()) {
            return false;
        }
        Account mentee = accounts.register(new AccountService.Registration("demo-mentee", PASSWORD.toCharArray(), null, "de",
                Map.of(ConsentCatalog.PRIVACY, true, ConsentCatalog.TERMS_MENTEE, true, ConsentCatalog.RESEARCH, false,
                        ConsentCatalog.NEWS, false), Role.MENTEE, Evidence.of("demo", null)));
        accounts.createByOperator("demo-mentor", PASSWORD.toCharArray(), Set.of(Role.MENTOR, Role.MENTEE), false);
        accounts.createByOperator("demo-employer", PASSWORD.toCharArray(), Set.of(Role.EMPLOYER), false);
        accounts.createByOperator("demo-auditor", PASSWORD.toCharArray(), Set.of(Role.AUDITOR), false);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        for (int back = 13; back >= 0; back--) {
            if (back % 5 != 3) {
                smoffTime.record(mentee.id(), "day", today.minusDays(back).toString(), 5 + back % 4, back == 0 ? "Tagesplan: drei wichtigste Aufgaben" : null);
            }
        }
        smoffTime.record(mentee.id(), "week", today.minusDays(today.getDayOfWeek().getValue() - 1L).toString(), 25, "Wochenrückblick");
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        plans.save(mentee.id(), "week", week, "Mo: Bericht abgeben\nDi: Sport\nMi: Mentoring-Gespräch");
        plans.save(mentee.id(), "year", Integer.toString(today.getYear()), "Ein eigenes Projekt abschließen.");
        mentors.invite(mentee, "demo-mentor", MentorService.Scope.MENTOR);
        employments.link("demo-mentee", "demo-employer");
        return true;
    }
}
