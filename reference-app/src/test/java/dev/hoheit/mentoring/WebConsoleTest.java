package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The web console's files: served by the app itself, under the strict CSP, with nothing inline or third-party (R9). */
class WebConsoleTest {

    @DatabaseTest
    void the_console_is_served_under_the_csp_without_inline_or_third_party_code(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client browser = app.client();
            HttpResponse<String> page = browser.get("/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
            assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
            String html = page.body();
            assertTrue(html.contains("<html lang=\"de\">"), "German by default");
            assertTrue(html.contains("<script src=\"/app.js\" defer></script>"));
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script");
            assertFalse(html.contains("style=") || html.contains("<style"), "no inline style");

            HttpResponse<String> script = browser.get("/app.js");
            assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
            HttpResponse<String> style = browser.get("/app.css");
            assertTrue(style.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
            for (String body : new String[] {html, script.body(), style.body()}) {
                Matcher url = Pattern.compile("https?://[^\"'\\s)]+").matcher(body);
                while (url.find()) {
                    assertEquals("http://www.w3.org/2000/svg", url.group(), "no third-party origin (R9)");
                }
            }
            assertFalse(script.body().contains("innerHTML"), "data is never inserted as HTML");
            assertFalse(script.body().contains("localStorage"), "no persistent identifiers in the browser (R30)");
            assertEquals(keys(script.body(), "de"), keys(script.body(), "en"), "German and English are complete");
        }
    }

    private static Set<String> keys(String script, String language) {
        Matcher block = Pattern.compile("\\n  " + language + ": \\{(.*?)\\n  }", Pattern.DOTALL).matcher(script);
        assertTrue(block.find(), "no " + language + " dictionary");
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("\"?([\\w-]+)\"?:\\s*\"").matcher(block.group(1));
        while (key.find()) {
            keys.add(key.group(1));
        }
        assertTrue(keys.size() > 20, language + " has " + keys.size() + " texts");
        return keys;
    }
}
