package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;

/**
 * The research export (R20) over real HTTP: only people who grant research use right now, only
 * aggregates per ISO week, every cell under k people suppressed — so a small group cannot be singled
 * out and a withdrawn grant leaves the next export.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class ResearchExportTest {

    private static final String PASSWORD = "correct horse 61";

    /** A mentee who does (or does not) grant research use; returns her client, signed in. */
    private static TestApp.Client mentee(TestApp app, String nickname, boolean research) {
        TestApp.Client client = app.client();
        assertEquals(201, client.post("/api/accounts", Map.of("nickname", nickname, "password", PASSWORD, "consents",
                Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", research, "product-news", false))).statusCode());
        client.signIn(nickname, PASSWORD);
        return client;
    }

    private static void record(TestApp.Client client, String date, int minutes, String note) {
        HttpResponse<String> response = client.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", date, "minutes", minutes, "note", note));
        assertEquals(201, response.statusCode(), response.body());
    }

    private static JsonNode cell(JsonNode report, String week, String kind) {
        for (JsonNode cell : report.get("cells")) {
            if (cell.get("week").asText().equals(week) && cell.get("kind").asText().equals(kind)) {
                return cell;
            }
        }
        return null;
    }

    @DatabaseTest
    void only_granting_people_in_week_aggregates_with_small_groups_suppressed(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            List<TestApp.Client> cohort = new ArrayList<>();
            for (int i = 0; i < 11; i++) { // 11 people in ISO week 2026-W09 (23 February to 1 March)
                TestApp.Client person = mentee(app, "forscherin" + i, true);
                record(person, "2026-02-2" + (3 + i % 5), 10 + i, "geheime Notiz " + i);
                cohort.add(person);
            }
            for (int i = 0; i < 3; i++) { // three of them also in W10: too few to show
                record(cohort.get(i), "2026-03-02", 30, "kleine Gruppe");
            }
            TestApp.Client refuser = mentee(app, "ohneforschung", false); // no research grant: never counted
            record(refuser, "2026-03-03", 500, "nicht freigegeben");

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            HttpResponse<String> response = operator.get("/api/operator/research-export?from=2026-W09&to=2026-W12");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode report = TestApp.json(response);
            assertEquals(10, report.get("k").asInt());
            assertEquals(11, report.get("cohort").asInt());
            JsonNode w09 = cell(report, "2026-W09", "day");
            assertEquals(11, w09.get("people").asInt());
            assertEquals(11, w09.get("entries").asInt());
            assertEquals(10 * 11 + 55, w09.get("minutes").asInt(), "the refuser's 500 minutes are not in it");
            assertEquals(15, w09.get("meanMinutesPerPerson").asInt());
            JsonNode w10 = cell(report, "2026-W10", "day");
            assertTrue(w10.get("suppressed").asBoolean(), "3 people < k: " + w10);
            assertTrue(w10.get("people").isNull() && w10.get("minutes").isNull() && w10.get("entries").isNull());

            String body = response.body();
            for (String personal : List.of("forscherin", "ohneforschung", "geheime", "2026-02-2", "2026-03-02")) {
                assertFalse(body.contains(personal), "no nickname, note or date finer than the week: " + personal);
            }
            for (Map<String, Object> row : db.rows("SELECT account_id FROM app_account")) {
                assertFalse(body.contains(row.get("account_id").toString().strip()), "no account id");
            }

            // She withdraws: the next export no longer counts her.
            cohort.get(0).post("/api/me/consents", Map.of("purpose", "research-anonymised", "granted", false));
            JsonNode after = TestApp.json(operator.get("/api/operator/research-export?from=2026-W09&to=2026-W12"));
            assertEquals(10, cell(after, "2026-W09", "day").get("people").asInt(), "one fewer person");
            assertEquals(10, after.get("cohort").asInt());
            cohort.get(1).post("/api/me/restriction", Map.of("reason", "please check"));
            JsonNode restricted = TestApp.json(operator.get("/api/operator/research-export?from=2026-W09&to=2026-W12"));
            assertTrue(cell(restricted, "2026-W09", "day").get("suppressed").asBoolean(),
                    "a restricted person is left out too, and 9 people are fewer than k: " + restricted);
            assertNull(restricted.get("cohort").numberValue(), "a cohort below k is not told either");

            HttpResponse<String> csv = operator.get("/api/operator/research-export?from=2026-W09&to=2026-W12&format=csv");
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
            assertTrue(csv.body().startsWith("week,kind,suppressed,people,entries,minutes,mean_minutes_per_person\n"), csv.body());
            assertTrue(csv.body().contains("2026-W09,day,true,,,,\n"), csv.body());

            app.app.flushAudit();
            List<String> exports = db.rows("SELECT action FROM audit_entry WHERE resource_type = 'research-export'").stream()
                    .map(row -> row.get("action").toString()).toList();
            assertEquals(List.of("EXPORT", "EXPORT", "EXPORT", "EXPORT"), exports, "every export is audited");
        }
    }

    @DatabaseTest
    void only_the_operator_exports_and_bad_periods_are_a_clear_400(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client person = mentee(app, "forscherin", true);
            assertEquals(403, person.get("/api/operator/research-export").statusCode());
            assertEquals(401, app.client().get("/api/operator/research-export").statusCode());
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(200, operator.get("/api/operator/research-export").statusCode(), "the last 12 weeks unless asked");
            for (String query : List.of("from=2026-W99", "from=2026-W00", "from=2026-02-30", "from=9999-W01", "from=2027-W53&to=2028-W01",
                    "from=2026-W10&to=2026-W09", "from=2020-W01&to=2026-W01", "format=xml")) {
                HttpResponse<String> response = operator.get("/api/operator/research-export?" + query);
                assertEquals(400, response.statusCode(), query + ": " + response.body());
            }
            assertEquals(200, operator.get("/api/operator/research-export?from=2020-W53&to=2021-W02").statusCode(), "2020 has 53 ISO weeks");
        }
    }

    @DatabaseTest
    void k_below_ten_is_refused_at_start(TestDatabase db) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> AppSettings.from(Map.of("HOHEIT_RESEARCH_MIN_GROUP", "3"), new String[0]));
        assertTrue(refused.getMessage().contains("at least 10"), refused.getMessage());
        assertEquals(25, AppSettings.from(Map.of("HOHEIT_RESEARCH_MIN_GROUP", "25"), new String[0]).researchMinGroup());
    }

    @DatabaseTest
    void the_operator_sees_the_table_and_downloads_the_csv(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db, Instant.now())) {
            for (int i = 0; i < 10; i++) {
                record(mentee(app, "forscherin" + i, true), java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), 20, "x");
            }
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-research-export")) {
                browser.signIn("operator", "operator-secret-1");
                browser.menu("#/research-export");
                browser.visible(By.cssSelector("#rs-table tr[data-kind=day][data-suppressed=false]"));
                browser.waitForText(By.id("rs-cohort"), "10");
                assertTrue(browser.driver.findElement(By.id("rs-intro")).getText().contains("weniger als 10 Personen"));
                browser.screenshot("table");
                browser.driver.findElement(By.id("rs-csv")).click();
                String csv = Files.readString(browser.downloaded(".csv"));
                assertTrue(csv.contains(",day,false,10,10,200,20"), csv);
            }
        }
    }
}
