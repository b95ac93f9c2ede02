package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The console on a 390 px phone (issue 14): the menu is one button until opened and closes after a
 * choice, the chart's tallest label is inside the chart, and no table heading breaks inside a word at
 * desktop width.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class PhoneConsoleTest {

    private static final String PASSWORD = "phone-secret-123";

    @DatabaseTest
    void on_a_phone_the_menu_folds_and_the_chart_is_whole(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            TestApp.Client mentee = app.client();
            mentee.register("phoebe", PASSWORD);
            mentee.signIn("phoebe", PASSWORD);
            LocalDate today = LocalDate.now();
            for (int back = 0; back < 5; back++) {
                assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", today.minusDays(back).toString(),
                        "minutes", 4 + back * 2)).statusCode());
            }
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-phone")) {
                var driver = browser.driver;
                browser.signIn("phoebe", PASSWORD);
                driver.manage().window().setSize(new Dimension(390, 844));
                browser.open("#/smoff-time");
                browser.visible(By.id("chart"));
                WebElement toggle = browser.visible(By.id("menu-toggle"));
                assertEquals("false", toggle.getAttribute("aria-expanded"));
                assertFalse(driver.findElement(By.id("nav")).isDisplayed(), "the menu is folded on a phone");
                browser.screenshot("folded-menu");
                long header = ((Number) js(browser, "return document.querySelector('header.top').getBoundingClientRect().height")).longValue();
                assertTrue(header < 844 / 8, "the folded header takes " + header + " of 844 px");
                assertChartLabelsInside(browser);

                toggle.click();
                assertEquals("true", toggle.getAttribute("aria-expanded"));
                List<WebElement> links = driver.findElements(By.cssSelector("nav a"));
                assertTrue(links.size() >= 5 && links.stream().allMatch(WebElement::isDisplayed), "the opened menu shows every page");
                browser.screenshot("opened-menu");
                driver.findElement(By.cssSelector("nav a[href='#/plans']")).click();
                browser.visible(By.id("plan-form"));
                assertEquals("false", toggle.getAttribute("aria-expanded"), "a choice closes the menu");
                assertFalse(driver.findElement(By.id("nav")).isDisplayed());

                driver.manage().window().setSize(new Dimension(1280, 900));
                for (String page : List.of("#/smoff-time", "#/access-log", "#/my-data", "#/security")) {
                    browser.open(page);
                    browser.settled();
                    assertEquals(List.of(), js(browser, BROKEN_WORDS), page + ": table headings broken inside a word");
                }
            }
        }
    }

    /** Every text label of the chart lies within the drawn area (the tallest bar's label used to be cut off). */
    private static void assertChartLabelsInside(ConsoleBrowser browser) {
        Object outside = js(browser, "const svg = document.querySelector('#chart svg'); const box = svg.getBoundingClientRect();"
                + "return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();"
                + " return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5; }).map(t => t.textContent);");
        assertEquals(List.of(), outside, "chart labels outside the chart");
    }

    /** The words of table headings that the browser laid out on more than one line. */
    private static final String BROKEN_WORDS = "const broken = [];"
            + "for (const th of document.querySelectorAll('th')) {"
            + "  const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);"
            + "  for (let node = walker.nextNode(); node; node = walker.nextNode()) {"
            + "    for (const match of node.textContent.matchAll(/\\S+/g)) {"
            + "      const range = document.createRange(); range.setStart(node, match.index); range.setEnd(node, match.index + match[0].length);"
            + "      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));"
            + "      if (lines.size > 1) { broken.push(match[0]); }"
            + "    }"
            + "  }"
            + "}"
            + "return broken;";

    private static Object js(ConsoleBrowser browser, String script) {
        return ((JavascriptExecutor) browser.driver).executeScript(script);
    }
}
