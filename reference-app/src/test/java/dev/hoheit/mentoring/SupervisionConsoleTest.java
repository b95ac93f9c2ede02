package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Supervision (R26), the whole story in the console of a real Chromium, four people at four
 * browsers: the operator gives supervisor rights; the supervisor accepts her terms; the mentor opens a
 * case, is refused when her question names the mentee, and opens it pseudonymised; the supervisor
 * reads it (no name, no date on her page) and answers; the mentor reads the answer; the mentee sees
 * the case in "who viewed my data" and under "Supervision about me", and objects, which closes it.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class SupervisionConsoleTest {

    @DatabaseTest
    void a_mentor_discusses_a_mentee_pseudonymised_and_the_mentee_objects(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) { // the console computes the weeks from the real today
            TestApp.Client operatorApi = app.client();
            operatorApi.signIn("operator", "operator-secret-1");
            assertEquals(201, operatorApi.post("/api/operator/accounts", Map.of("nickname", "mona", "password", "mentor-secret-1", "role", "mentor"))
                    .statusCode());
            TestApp.Client menteeApi = app.client();
            menteeApi.register("mia", "mentee-secret-1");
            menteeApi.signIn("mia", "mentee-secret-1");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int day = 0; day < 10; day += 2) {
                menteeApi.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", today.minusDays(day).toString(), "minutes", 6,
                        "note", "Streit mit Chef Bertram"));
            }
            menteeApi.put("/api/me/plans/day/" + today, Map.of("text", "Angebot Krause fertig"));
            assertEquals(201, menteeApi.post("/api/me/mentors", Map.of("mentor", "mona", "scope", "mentor")).statusCode());
            app.client().register("sven", "supervisor-secret-1");

            try (ConsoleBrowser operator = new ConsoleBrowser(app, db.kind() + "-supervision-operator");
                 ConsoleBrowser supervisor = new ConsoleBrowser(app, db.kind() + "-supervision-supervisor");
                 ConsoleBrowser mentor = new ConsoleBrowser(app, db.kind() + "-supervision-mentor");
                 ConsoleBrowser mentee = new ConsoleBrowser(app, db.kind() + "-supervision-mentee")) {
                // The operator gives sven supervisor rights.
                operator.signIn("operator", "operator-secret-1");
                operator.open("#/accounts");
                operator.visible(By.cssSelector("li[data-nickname=sven] button[data-action=grant-supervisor]")).click();
                operator.visible(By.cssSelector("li[data-nickname=sven] button[data-action=withdraw-supervisor]"));
                assertTrue(operator.visible(By.cssSelector("li[data-nickname=sven]")).getText().contains("Supervisor"));
                operator.screenshot("supervisor-rights-given");

                // Sven decides the supervisor terms first, then lands on his cases.
                supervisor.signInAndWait("sven", "supervisor-secret-1");
                assertTrue(supervisor.visible(By.id("terms-form")).getText().contains("pseudonymisierte"), supervisor.text());
                supervisor.screenshot("supervisor-terms");
                for (var box : supervisor.driver.findElements(By.cssSelector("#terms-form input[data-required=true]"))) {
                    box.click();
                }
                supervisor.driver.findElement(By.cssSelector("#terms-form button[type=submit]")).click();
                supervisor.gone(By.id("terms-form"));
                supervisor.open("#/");
                supervisor.visible(By.id("no-cases"));
                supervisor.screenshot("no-case-yet");

                // The mentor names the mentee: refused, with the reason; then she describes her instead.
                mentor.signIn("mona", "mentor-secret-1");
                mentor.menu("#/cases");
                mentor.visible(By.id("case-form"));
                mentor.screenshot("new-case");
                mentor.type(By.id("case-supervisor"), "sven");
                mentor.type(By.id("case-question-text"), "Mia plant täglich, aber nie die Woche. Wie spreche ich das an?");
                mentor.driver.findElement(By.cssSelector("#case-form button[type=submit]")).click();
                mentor.visible(By.cssSelector("#message .error"));
                assertTrue(mentor.text().contains("pseudonymised") || mentor.text().contains("pseudonymisiert"), mentor.text());
                mentor.screenshot("refused-names-the-mentee");
                mentor.type(By.id("case-question-text"), "Sie plant täglich, aber nie die Woche. Wie spreche ich das an?");
                new Select(mentor.driver.findElement(By.id("case-weeks"))).selectByValue("4");
                mentor.driver.findElement(By.cssSelector("#case-form button[type=submit]")).click();
                mentor.visible(By.id("case-summary"));
                String label = mentor.visible(By.cssSelector("h1")).getText().replaceAll(".*(F-[A-Z2-9]{6}).*", "$1");
                assertTrue(label.matches("F-[A-Z2-9]{6}"), label);
                mentor.visible(By.id("case-smoff-kinds"));
                mentor.screenshot("case-opened");

                // The supervisor reads it: the label, relative weeks and durations, nothing that names or dates her.
                supervisor.open("#/supervision");
                supervisor.driver.navigate().refresh(); // the same address: load it again, as a person would
                supervisor.visible(By.cssSelector("#supervisor-cases li[data-label='" + label + "'] a")).click();
                supervisor.visible(By.id("case-smoff-weeks"));
                String page = supervisor.text();
                for (String secret : new String[] {"mia", "Bertram", "Krause", today.toString(), today.getYear() + "-"}) {
                    assertFalse(page.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)), secret + " on the supervisor's page: " + page);
                }
                assertTrue(page.contains("Woche −3") && page.contains("Woche 0"), page);
                supervisor.screenshot("case-read");
                supervisor.type(By.id("case-answer-text"), "Vereinbaren Sie einen festen Termin für die Wochenplanung.");
                supervisor.driver.findElement(By.cssSelector("#case-answer button[type=submit]")).click();
                supervisor.waitForText(By.id("case-messages"), "festen Termin");
                supervisor.screenshot("answered");

                // The mentor reads the answer.
                mentor.open("#/cases");
                mentor.visible(By.cssSelector("#mentor-cases li[data-label='" + label + "'] a")).click();
                mentor.waitForText(By.id("case-messages"), "festen Termin");
                mentor.screenshot("answer-read");

                // The mentee sees it in her log and on her page, and objects.
                mentee.signIn("mia", "mentee-secret-1");
                app.app.flushAudit();
                mentee.menu("#/access-log");
                mentee.waitForText(By.id("access-log"), label);
                assertTrue(mentee.text().contains("sven"), mentee.text());
                mentee.screenshot("case-in-her-log");
                mentee.menu("#/my-supervision");
                mentee.visible(By.cssSelector("#cases-about-me li[data-label='" + label + "']"));
                mentee.screenshot("cases-about-her");
                mentee.visible(By.cssSelector("#cases-about-me li[data-status=open] .actions button")).click();
                mentee.visible(By.cssSelector("#cases-about-me button.danger")).click();
                mentee.visible(By.cssSelector("#cases-about-me li[data-status=closed]"));
                mentee.screenshot("objected");

                supervisor.open("#/supervision");
                supervisor.visible(By.id("no-cases"));
                mentor.open("#/cases");
                mentor.visible(By.cssSelector("#mentor-cases li[data-status=closed]"));
                mentor.screenshot("closed-after-objection");

                // In English too.
                mentee.open("#/my-supervision");
                new Select(mentee.driver.findElement(By.id("lang"))).selectByValue("en");
                mentee.waitForText(By.cssSelector("h1"), "Supervision about me");
                mentee.screenshot("cases-about-her-en");
            }
        }
    }
}
