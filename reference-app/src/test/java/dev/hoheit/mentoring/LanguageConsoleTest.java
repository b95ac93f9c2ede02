package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * One language at a time: every page of every demo role, in German and in English, may not show a word of
 * the other language; and errors (a wrong password, a registration with several bad fields) are shown in
 * the page's language, each field's problem next to the field.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class LanguageConsoleTest {

    /** Common English words that are not German words (nor, by chance, parts of German sentences). */
    private static final Set<String> ENGLISH = Set.of("the", "and", "your", "you", "with", "this", "that", "of", "to", "is", "are",
            "has", "have", "been", "from", "which", "what", "who", "when", "nothing", "none", "yet", "sign", "signed", "password",
            "nickname", "save", "saved", "delete", "deleted", "settings", "messages", "message", "picture", "pictures", "please",
            "choose", "could", "not", "only", "here", "there", "each", "every", "new", "older", "show", "shown", "viewed", "refused",
            "withdrawn", "granted", "required", "optional", "day", "days", "week", "weeks", "year", "years", "hour", "hours",
            "minutes", "today", "how", "why", "run", "runs", "checked", "download", "my", "data", "our", "their", "can", "cannot",
            "will", "may", "must", "should", "by", "or", "be", "as", "at", "on", "it", "its", "for", "if", "no", "yes", "all", "more");
    /** Common German words that are not English words. */
    private static final Set<String> GERMAN = Set.of("und", "der", "das", "ist", "sind", "nicht", "mit", "von", "für", "sie",
            "ihr", "ihre", "ihren", "ihrem", "ihrer", "noch", "keine", "kein", "wurde", "wurden", "werden", "auf", "eine", "einen",
            "einer", "dem", "den", "zu", "bei", "nach", "oder", "auch", "hier", "alle", "daten", "konto", "passwort", "spitzname",
            "anmelden", "abmelden", "seite", "speichern", "löschen", "gelöscht", "bild", "bilder", "nachricht", "nachrichten",
            "woche", "wochen", "tage", "jahr", "heute", "einwilligung", "einwilligungen", "abgelehnt", "erteilt", "widerrufen",
            "erforderlich", "freiwillig", "angesehen", "gespeichert", "zeigen", "ältere", "wer", "wann", "warum", "wie",
            "meine", "mein", "lauf", "läufe", "geprüft", "herunterladen", "stunde", "stunden", "minuten", "tag", "über", "ohne",
            "können", "kann", "muss", "dürfen", "jetzt", "bitte", "neu", "neue", "neues", "sehen", "gibt", "es", "ein", "im", "zum");
    /**
     * Words that may appear in either language: brand and product names, nicknames of the demo, and what the
     * demo's people wrote themselves (in German: their plans, notes and messages are theirs, not the console's).
     */
    private static final Set<String> ALLOWED = Set.of("smoffen", "smoff-time", "hoheit", "demo-mentee", "demo-mentor",
            "demo-employer", "demo-auditor", "demo-supervisor", "operator", "deutsch", "english", "json", "html", "pem", "jsonl", "csv", "zip");
    private static final List<String> DEMO_CONTENT = List.of("Tagesplan: drei wichtigste Aufgaben", "Wochenrückblick",
            "1. Bericht fertigstellen", "2. Anruf bei der Bank", "3. 30 Minuten Sport", "Mo: Bericht abgeben", "Di: Sport",
            "Mi: Mentoring-Gespräch", "Ein eigenes Projekt abschließen.",
            "Hallo! Ich plane seit zwei Wochen jeden Tag. Magst du mal draufschauen?",
            "Gern. Deine Tagespläne sind kurz und klar, weiter so. Den Wochenrückblick könntest du am Freitag machen.",
            "Demo-Kurs: Planen lernen", DemoData.CASE_QUESTION, DemoData.CASE_NOTES, DemoData.CASE_ANSWER);

    @DatabaseTest
    void every_page_of_every_role_is_in_one_language(TestDatabase db) {
        try (TestApp app = new TestApp(db, java.time.Instant.now(), "--demo")) {
            List<String> problems = new ArrayList<>();
            Set<String> checked = new LinkedHashSet<>();
            for (String language : List.of("de", "en")) {
                try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-language-" + language)) {
                    browser.open("#/signin");
                    browser.visible(By.cssSelector("main h1"));
                    choose(browser, language);
                    for (String hash : List.of("#/signin", "#/register", "#/forgot-password")) {
                        browser.open(hash);
                        browser.visible(By.cssSelector("main h1"));
                        check(browser, language, "visitor " + hash, problems);
                        checked.add(language + " visitor " + hash);
                    }
                    for (String[] account : new String[][] {{"demo-mentee", DemoData.PASSWORD}, {"demo-mentor", DemoData.PASSWORD},
                            {"demo-employer", DemoData.PASSWORD}, {"demo-auditor", DemoData.PASSWORD}, {"demo-supervisor", DemoData.PASSWORD}, {"operator", "operator-secret-1"}}) {
                        browser.signIn(account[0], account[1]);
                        List<String> menu = hrefs(browser, "nav a[href^='#/']");
                        Set<String> pages = new LinkedHashSet<>(menu);
                        for (String hash : menu) {
                            browser.menu(hash);
                            browser.visible(By.cssSelector("main h1"));
                            check(browser, language, account[0] + " " + hash, problems);
                            checked.add(language + " " + account[0] + " " + hash);
                            for (String inner : hrefs(browser, "main a[href^='#/']")) {
                                if (pages.add(inner)) {
                                    browser.open(inner);
                                    browser.visible(By.cssSelector("main h1"));
                                    check(browser, language, account[0] + " " + inner, problems);
                                    checked.add(language + " " + account[0] + " " + inner);
                                }
                            }
                        }
                        browser.screenshot(account[0]);
                        browser.signOut();
                    }
                }
            }
            assertEquals(List.of(), problems, "words of the other language on the pages " + checked);
            assertTrue(checked.size() >= 30, "the pages checked: " + checked);
        }
    }

    @DatabaseTest
    void errors_are_shown_in_the_pages_language_field_by_field(TestDatabase db) {
        try (TestApp app = new TestApp(db, java.time.Instant.now(), "--demo")) {
            for (String language : List.of("de", "en")) {
                boolean german = "de".equals(language);
                try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-language-errors-" + language)) {
                    browser.open("#/signin");
                    browser.visible(By.id("password"));
                    choose(browser, language);
                    browser.type(By.id("nickname"), "demo-mentee");
                    browser.type(By.id("password"), "not the password at all");
                    browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                    WebElement error = browser.visible(By.cssSelector("#message .error"));
                    assertEquals(german ? "Spitzname oder Passwort ist falsch." : "The nickname or the password is wrong.", error.getText(),
                            "the heading matches the error, in the page's language");
                    browser.screenshot("wrong-password");

                    browser.open("#/register");
                    browser.visible(By.id("consent-terms-mentee"));
                    browser.type(By.id("nickname"), "x!");
                    browser.type(By.id("password"), "short");
                    browser.type(By.id("email"), "not-an-address");
                    browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                    browser.visible(By.id("nickname-error"));
                    List<String> problems = new ArrayList<>();
                    for (String id : List.of("nickname", "password", "email", "consent-privacy-policy", "consent-terms-mentee")) {
                        WebElement input = browser.driver.findElement(By.id(id));
                        WebElement note = browser.driver.findElement(By.id(id + "-error"));
                        assertEquals("true", input.getDomAttribute("aria-invalid"), id);
                        assertTrue(input.getDomAttribute("aria-describedby").contains(id + "-error"), id);
                        assertTrue(note.isDisplayed(), id);
                        problems.addAll(otherLanguage(note.getText(), language).stream().map(word -> id + ": " + word).toList());
                    }
                    assertEquals(List.of(), problems, "the field errors are in the page's language");
                    assertTrue(browser.driver.findElement(By.id("nickname-error")).getText()
                            .contains(german ? "Ein Spitzname hat 3 bis 40" : "A nickname has 3 to 40"));
                    assertTrue(browser.driver.findElement(By.id("consent-terms-mentee-error")).getText()
                            .contains(german ? "Ohne diese Zustimmung" : "without this consent"));
                    String summary = browser.visible(By.cssSelector("#message .error")).getText();
                    assertTrue(summary.startsWith(german ? "Bitte prüfen Sie die markierten Angaben" : "Please check the marked entries"), summary);
                    browser.screenshot("registration-fields");
                    // Fixing the nickname and sending again: its error is gone, the others stay.
                    browser.type(By.id("nickname"), "fine-nickname-" + language);
                    browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                    browser.gone(By.id("nickname-error"));
                    browser.visible(By.id("password-error"));
                    assertFalse("true".equals(browser.driver.findElement(By.id("nickname")).getDomAttribute("aria-invalid")));
                }
            }
        }
    }

    private static void choose(ConsoleBrowser browser, String language) {
        new Select(browser.driver.findElement(By.id("lang"))).selectByValue(language);
        browser.settled();
        assertEquals(language, browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    }

    /**
     * The visible words of the page that belong to the other language. Skipped: code and hashes, form values,
     * the language menu, and anything marked with another language (a notice that has no translation yet).
     */
    private static void check(ConsoleBrowser browser, String language, String page, List<String> problems) {
        browser.settled();
        String text = (String) ((JavascriptExecutor) browser.driver).executeScript("""
                const lang = document.documentElement.lang;
                const skip = (node) => node.closest("code, pre, script, style, textarea, select, .hash")
                  || (node.closest("[lang]") && node.closest("[lang]").getAttribute("lang") !== lang);
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const parts = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const parent = node.parentElement;
                  if (!parent || skip(parent) || parent.getClientRects().length === 0) { continue; }
                  parts.push(node.textContent);
                }
                // Labels a screen reader reads are text too.
                for (const labelled of document.querySelectorAll("[aria-label]")) {
                  if (!skip(labelled)) { parts.push(labelled.getAttribute("aria-label")); }
                }
                return parts.join(" \\n ");
                """);
        // The longest first: a short text of the demo ("Wochenrückblick") is also part of a longer one.
        for (String content : DEMO_CONTENT.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            text = text.replace(content, " ");
        }
        Set<String> words = new TreeSet<>(otherLanguage(text, language));
        if (!words.isEmpty()) {
            problems.add(language + " " + page + ": " + words);
        }
    }

    private static List<String> otherLanguage(String text, String language) {
        Set<String> other = "de".equals(language) ? ENGLISH : GERMAN;
        List<String> found = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\-]+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && !ALLOWED.contains(lower) && other.contains(lower) && !found.contains(lower)) {
                found.add(lower);
            }
        }
        return found;
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
}
