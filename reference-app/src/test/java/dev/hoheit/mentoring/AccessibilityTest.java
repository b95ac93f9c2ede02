package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the console, for every role, checked in headless Chromium with Deque's axe-core
 * rules for WCAG 2.1 A and AA (labels, names, contrast, landmarks, language…) in the light and the
 * dark colour scheme ({@code prefers-color-scheme}, emulated), and at phone width
 * (390 px: nothing may need sideways scrolling), and every visible control reachable with the Tab key; all of it in
 * German and in English. The pages are found the way a person finds them:
 * through each role's menu, and one level of links inside the pages (a mentee's detail page, say).
 * The demo data gives every page something to show.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class AccessibilityTest {

    private static final String AXE = axeSource();
    private static final Set<String> SHOTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @DatabaseTest
    void every_page_of_every_role_passes_axe_and_fits_a_phone(TestDatabase db) {
        SHOTS.clear();
        try (TestApp app = new TestApp(db, java.time.Instant.now(), "--demo")) {
            List<String> problems = new ArrayList<>();
            Set<String> checked = new LinkedHashSet<>();
            for (String language : List.of("de", "en")) {
                try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-a11y-" + language)) {
                    browser.open("#/signin");
                    browser.visible(By.cssSelector("main h1"));
                    // The page's language is kept for the tab (sessionStorage), across sign-ins.
                    new Select(browser.driver.findElement(By.id("lang"))).selectByValue(language);
                    browser.wait.until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
                    for (String hash : List.of("#/signin", "#/register", "#/forgot-password")) {
                        browser.open(hash);
                        browser.visible(By.cssSelector("main h1"));
                        check(browser, language + " visitor " + hash, problems);
                        checked.add(language + " visitor " + hash);
                    }
                    for (String[] account : new String[][] {{"demo-mentee", DemoData.PASSWORD}, {"demo-mentor", DemoData.PASSWORD},
                            {"demo-employer", DemoData.PASSWORD}, {"demo-auditor", DemoData.PASSWORD}, {"demo-supervisor", DemoData.PASSWORD}, {"operator", "operator-secret-1"}}) {
                        browser.signIn(account[0], account[1]);
                        List<String> menu = hrefs(browser, "nav a[href^='#/']");
                        assertTrue(menu.size() >= 2, account[0] + " has a menu: " + menu);
                        Set<String> pages = new LinkedHashSet<>(menu);
                        for (String hash : menu) {
                            browser.menu(hash);
                            browser.visible(By.cssSelector("main h1"));
                            check(browser, language + " " + account[0] + " " + hash, problems);
                            checked.add(language + " " + account[0] + " " + hash);
                            for (String inner : hrefs(browser, "main a[href^='#/']")) {
                                if (pages.add(inner)) {
                                    browser.open(inner);
                                    browser.visible(By.cssSelector("main h1"));
                                    check(browser, language + " " + account[0] + " " + inner, problems);
                                    checked.add(language + " " + account[0] + " " + inner);
                                }
                            }
                        }
                        browser.signOut();
                    }
                }
            }
            assertEquals(List.of(), problems, "accessibility problems on the pages " + checked);
            assertTrue(checked.size() >= 12, "the pages checked: " + checked);
        }
    }

    /** axe's WCAG 2.1 A/AA violations in both colour schemes, then the page at phone width. */
    private static void check(ConsoleBrowser browser, String page, List<String> problems) {
        browser.settled();
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        // DevTools evaluation is not subject to the page's CSP, so axe can be injected into the strict page.
        js.executeScript(AXE);
        for (String scheme : List.of("light", "dark")) {
            browser.emulate(scheme);
            Object result = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
                      .then(r => done(r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " at "
                          + v.nodes.slice(0, 3).map(n => n.target.join(" ") + " " + (n.any[0] ? n.any[0].message : "")).join(", "))))
                      .catch(e => done(["axe failed: " + e]));
                    """);
            for (Object violation : (List<?>) result) {
                problems.add(page + " (" + scheme + "): " + violation);
            }
        }
        Boolean dark = (Boolean) js.executeScript("return matchMedia('(prefers-color-scheme: dark)').matches"
                + " && getComputedStyle(document.body).backgroundColor !== 'rgb(251, 250, 247)';");
        if (!Boolean.TRUE.equals(dark)) {
            problems.add(page + ": the dark colour scheme did not apply");
        }
        String[] words = page.split(" ");
        if (SHOTS.add(words[0] + " " + (words.length > 1 ? words[1] : ""))) { // the first page of each role in each language
            browser.screenshot(page.replaceAll("[^A-Za-z0-9-]+", "-") + "-dark"); // the first page of each role, dark
        }
        browser.emulate("light");
        Object unreachable = js.executeScript("""
                return [...document.querySelectorAll("a[href], button, input, select, textarea, summary")]
                  .filter(e => e.getClientRects().length > 0 && !e.disabled && e.tabIndex < 0)
                  .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")).join(", ");
                """);
        if (!"".equals(unreachable)) {
            problems.add(page + ": not reachable with the keyboard: " + unreachable);
        }
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            Number overflow = (Number) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            if (overflow.intValue() > 1) {
                Object widest = js.executeScript("""
                        const width = document.documentElement.clientWidth;
                        return [...document.querySelectorAll("main *")].filter(e => e.getBoundingClientRect().right > width + 1)
                          .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className ? "." + e.className : "")).join(", ");
                        """);
                problems.add(page + ": " + overflow + " px wider than a 390 px phone (" + widest + ")");
            }
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    private static List<String> hrefs(ConsoleBrowser browser, String selector) {
        List<String> result = new ArrayList<>();
        for (WebElement link : browser.driver.findElements(By.cssSelector(selector))) {
            String href = link.getDomAttribute("href");
            if (href != null && !result.contains(href)) {
                result.add(href);
            }
        }
        return result;
    }

    private static String axeSource() {
        String name = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js"; // the axe-core.version of the root pom
        try (InputStream in = ClassLoader.getSystemClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
