package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            assertTrue(html.contains("<script src=\"/app.js\" defer></script>"), "the core comes first");
            assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "no inline script");
            assertFalse(html.contains("style=") || html.contains("<style"), "no inline style");

            List<String> files = new ArrayList<>(List.of("/app.css"));
            Matcher tag = Pattern.compile("<script src=\"(/[\\w-]+\\.js)\" defer></script>").matcher(html);
            while (tag.find()) {
                files.add(tag.group(1));
            }
            assertTrue(files.size() >= 7, "the core and a script per part of the console: " + files);
            Map<String, Set<String>> defined = new LinkedHashMap<>();
            Set<String> used = new TreeSet<>();
            for (String file : files) {
                HttpResponse<String> response = browser.get(file);
                assertEquals(200, response.statusCode(), file);
                String type = response.headers().firstValue("Content-Type").orElseThrow();
                assertTrue(type.startsWith(file.endsWith(".css") ? "text/css" : "text/javascript"), file + " is served as " + type);
                String body = response.body();
                Matcher url = Pattern.compile("https?://[^\"'\\s)]+").matcher(body);
                while (url.find()) {
                    assertEquals("http://www.w3.org/2000/svg", url.group(), "no third-party origin (R9) in " + file);
                }
                if (file.endsWith(".js")) {
                    assertFalse(body.contains("innerHTML") || body.contains("outerHTML") || body.contains("insertAdjacentHTML"),
                            "data is never inserted as HTML: " + file);
                    assertFalse(body.contains("localStorage"), "no persistent identifiers in the browser (R30): " + file);
                    assertFalse(body.contains("eval(") || body.contains("new Function"), "nothing the CSP would refuse: " + file);
                    Set<String> german = keys(body, "de");
                    assertEquals(german, keys(body, "en"), "German and English are complete in " + file);
                    defined.put(file, german);
                    Matcher call = Pattern.compile("\\bt\\(\"([\\w-]+)\"\\)").matcher(body);
                    while (call.find()) {
                        used.add(call.group(1));
                    }
                }
            }
            Set<String> all = new TreeSet<>();
            for (Map.Entry<String, Set<String>> part : defined.entrySet()) {
                for (String key : part.getValue()) {
                    assertTrue(all.add(key), "the text '" + key + "' is defined twice; the second time in " + part.getKey());
                }
            }
            used.removeAll(all);
            assertEquals(Set.of(), used, "texts used but not defined");
        }
    }

    private static Set<String> keys(String script, String language) {
        Matcher block = Pattern.compile("\\n  " + language + ": \\{(.*?)\\n  }", Pattern.DOTALL).matcher(script);
        if (!block.find()) {
            throw new AssertionError("no " + language + " dictionary");
        }
        Set<String> keys = new TreeSet<>();
        Matcher key = Pattern.compile("\"?([\\w-]+)\"?:\\s*\"").matcher(block.group(1));
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
