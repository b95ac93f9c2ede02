package dev.hoheit.mentoring;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.Evidence;
import dev.hoheit.consent.Purpose;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.ConsentCatalog;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.mentorship.MessageService;
import dev.hoheit.mentoring.organisation.CourseService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import dev.hoheit.mentoring.planning.PictureService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import dev.hoheit.mentoring.supervision.SupervisionService;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * {@code --demo}: every role's pages filled, all with one known password, so each role can be tried
 * at once. A mentee with two weeks of planning, plans and two pictures of paper plans; a mentor she
 * invited, who has looked at her Smoff-Time and plans (her "who viewed my data" shows it) and written
 * with her; an employer linked to her; an auditor; a course; a sealed checkpoint of the audit log.
 * Every demo account has decided its terms (the required ones agreed, the optional ones refused),
 * recorded with the evidence {@code demo}, so no demo account meets the terms page first.
 */
final class DemoData {

    /** The password of every demo account (demo installations only). */
    static final String PASSWORD = "smoffen-demo-1";

    /** What the demo is seeded through: the app's own services, so it is recorded like real use. */
    record Services(AccountService accounts, ConsentService consent, SmoffTimeService smoffTime, PlanService plans,
                    PictureService pictures, MessageService messages, MentorService mentors, EmploymentService employments,
                    CourseService courses, SupervisionService supervision, AccessGuard guard, AuditLog audit, Clock clock) {
    }

    private static final ClientInfo DEMO_CLIENT = ClientInfo.of("127.0.0.1", "Smoffen demo data");

    /** The demo's supervision case: what the mentor asks, notes and is answered (texts of people, in German). */
    static final String CASE_QUESTION = "Sie plant jeden Tag kurz, aber der Wochenrückblick fehlt oft. Wie bringe ich sie dazu, ihn fest einzuplanen?";
    static final String CASE_NOTES = "Seit einem Jobwechsel hat sie weniger Zeit am Freitag.";
    static final String CASE_ANSWER = "Schlagen Sie einen festen Termin vor, etwa Freitag nach dem Mittag, und fragen Sie in der Woche danach nach.";

    private DemoData() {
    }

    /** Seeds the demo accounts unless they exist; returns whether it seeded. */
    static boolean seed(Services s) {
        if (s.accounts().findByNickname("demo-mentee").isPresent()) {
            return false;
        }
        Account mentee = s.accounts().register(new AccountService.Registration("demo-mentee", PASSWORD.toCharArray(), null, "de",
                Map.of(ConsentCatalog.PRIVACY, true, ConsentCatalog.TERMS_MENTEE, true, ConsentCatalog.RESEARCH, false,
                        ConsentCatalog.NEWS, false), Role.MENTEE, Evidence.of("demo", null)));
        Account mentor = s.accounts().createByOperator("demo-mentor", PASSWORD.toCharArray(), Set.of(Role.MENTOR, Role.MENTEE), false);
        Account employer = s.accounts().createByOperator("demo-employer", PASSWORD.toCharArray(), Set.of(Role.EMPLOYER), false);
        Account auditor = s.accounts().createByOperator("demo-auditor", PASSWORD.toCharArray(), Set.of(Role.AUDITOR), false);
        Account supervisor = s.accounts().createByOperator("demo-supervisor", PASSWORD.toCharArray(), Set.of(Role.SUPERVISOR), false);
        for (Account account : List.of(mentor, employer, auditor, supervisor)) {
            decideTerms(s.consent(), account);
        }

        LocalDate today = s.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
        for (int back = 13; back >= 0; back--) {
            if (back % 5 != 3) {
                s.smoffTime().record(mentee.id(), "day", today.minusDays(back).toString(), 5 + back % 4,
                        back == 0 ? "Tagesplan: drei wichtigste Aufgaben" : null);
            }
        }
        s.smoffTime().record(mentee.id(), "week", today.minusDays(today.getDayOfWeek().getValue() - 1L).toString(), 25, "Wochenrückblick");
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        s.plans().save(mentee.id(), "day", today.toString(), "1. Bericht fertigstellen\n2. Anruf bei der Bank\n3. 30 Minuten Sport");
        s.plans().save(mentee.id(), "week", week, "Mo: Bericht abgeben\nDi: Sport\nMi: Mentoring-Gespräch");
        s.plans().save(mentee.id(), "year", Integer.toString(today.getYear()), "Ein eigenes Projekt abschließen.");
        s.pictures().upload(mentee.id(), paperPlan("Wochenplan KW " + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                List.of("Mo  Bericht", "Di  Sport", "Mi  Mentoring", "Do  Einkauf", "Fr  Rückblick"), new Color(0xFFF8D6)));
        s.pictures().upload(mentee.id(), paperPlan("Jahresziele " + today.getYear(),
                List.of("Projekt abschließen", "Jeden Tag planen", "Einmal im Quartal Bilanz"), new Color(0xE4F1FB)));

        s.mentors().invite(mentee, "demo-mentor", MentorService.Scope.MENTOR);
        // The mentor's first look at her planning: recorded like any view, so her access log has it.
        s.guard().view(mentor, Role.MENTOR.id(), mentee.id(), MentorService.SMOFF_TIME, Resource.of("smoff-sessions"), DEMO_CLIENT);
        s.guard().view(mentor, Role.MENTOR.id(), mentee.id(), MentorService.PLANS, Resource.of("plans"), DEMO_CLIENT);
        s.messages().send(mentee.id(), mentee.id(), mentor.id(), "Hallo! Ich plane seit zwei Wochen jeden Tag. Magst du mal draufschauen?");
        s.messages().send(mentor.id(), mentee.id(), mentor.id(), "Gern. Deine Tagespläne sind kurz und klar, weiter so. Den Wochenrückblick"
                + " könntest du am Freitag machen.");

        // The mentor asks the supervisor about her planning, pseudonymised (R26); the supervisor reads and answers.
        AccessGrant grant = s.supervision().activeGrant(mentor, mentee.id()).orElseThrow();
        SupervisionService.Content opened = s.supervision().open(mentor, grant, supervisor, CASE_QUESTION, CASE_NOTES, 4);
        SupervisionService.Case demoCase = opened.summary();
        s.audit().append(SupervisionService.opened(demoCase, grant, DEMO_CLIENT));
        s.audit().append(SupervisionService.read(demoCase, DEMO_CLIENT));
        s.supervision().write(demoCase, SupervisionService.Author.SUPERVISOR, supervisor, CASE_ANSWER);

        s.employments().link("demo-mentee", "demo-employer");
        Account operator = s.accounts().findByNickname("operator").orElseThrow();
        s.courses().create(operator, "Demo-Kurs: Planen lernen", List.of("demo-mentee", "demo-mentor"), null, null);
        s.audit().seal(); // a checkpoint the auditor can verify and download
        return true;
    }

    /** Agrees to the account's required notices and refuses the optional ones, as its first sign-in would ask. */
    private static void decideTerms(ConsentService consent, Account account) {
        for (Role role : account.roles()) {
            for (Purpose purpose : consent.purposesToAsk(account.id(), role.id())) {
                var notice = ConsentCatalog.latestNotice(consent, purpose.id(), "de");
                DecisionRequest decision = purpose.required() ? DecisionRequest.grant(account.id(), notice.ref())
                        : DecisionRequest.refuse(account.id(), notice.ref());
                consent.record(decision.as(role.id()).via("demo").withEvidence(Evidence.of("demo", null)));
            }
        }
    }

    /** A photo-like PNG of a handwritten paper plan (drawn here, so the demo needs no image files). */
    private static byte[] paperPlan(String title, List<String> lines, Color paper) {
        BufferedImage image = new BufferedImage(640, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(paper);
            g.fillRect(0, 0, 640, 420);
            g.setColor(new Color(0xB8C7D9));
            for (int y = 90; y < 420; y += 48) {
                g.drawLine(30, y, 610, y);
            }
            g.setColor(new Color(0x1B2A49));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString(title, 36, 60);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
            for (int i = 0; i < lines.size(); i++) {
                g.drawString(lines.get(i), 44, 128 + i * 48);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
