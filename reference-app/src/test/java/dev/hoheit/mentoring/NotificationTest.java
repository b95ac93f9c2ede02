package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Notifications (R21) over real HTTP: what happens reaches the person in the app as she chose; service
 * messages cannot be switched off; e-mail copies go over real SMTP (GreenMail, in process) only to people
 * who gave an address and opted in, only after the request committed, and say nothing about who or what.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class NotificationTest {

    /** A mentee ("rita") with a mentor ("malte") who has accepted nothing yet; returns {menteeId, mentorId}. */
    private static String[] pair(TestApp app, TestApp.Client rita, TestApp.Client malte, String email) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("nickname", "rita", "password", "correct horse 50", "consents",
                Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false)));
        if (email != null) {
            form.put("email", email);
        }
        String ritaId = TestApp.json(rita.post("/api/accounts", form)).get("id").asText();
        rita.signIn("rita", "correct horse 50");
        String malteId = TestApp.json(malte.register("malte", "correct horse 51")).get("id").asText();
        TestApp.Client operator = app.client();
        operator.signIn("operator", "operator-secret-1");
        assertEquals(200, operator.put("/api/operator/mentors/" + malteId).statusCode());
        malte.signIn("malte", "correct horse 51");
        return new String[] {ritaId, malteId};
    }

    private static List<String> events(TestApp.Client client) {
        List<String> events = new ArrayList<>();
        TestApp.json(client.get("/api/me/notifications")).get("notifications").forEach(n -> events.add(n.get("event").asText()));
        return events;
    }

    @DatabaseTest
    void what_happens_reaches_the_person_as_she_chose_and_service_messages_always(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client rita = app.client();
            TestApp.Client malte = app.client();
            String[] ids = pair(app, rita, malte, null);
            assertEquals(List.of("mentor-rights"), events(malte));
            assertEquals(201, rita.post("/api/me/mentors", Map.of("mentor", "malte", "scope", "mentor")).statusCode());
            JsonNode malteSees = TestApp.json(malte.get("/api/me/notifications"));
            assertEquals("mentor-request", malteSees.get("notifications").get(0).get("event").asText());
            assertEquals("rita", malteSees.get("notifications").get(0).get("params").get("who").asText());
            assertEquals(2, malteSees.get("unread").asInt());

            assertEquals(201, rita.post("/api/me/messages", Map.of("to", ids[1], "text", "Hallo Malte")).statusCode());
            assertEquals("message", events(malte).get(0));
            // He switches messages off: the next message tells him nothing.
            HttpResponse<String> off = malte.put("/api/me/notification-settings", Map.of("settings", List.of(Map.of("kind", "messages", "inApp", false))));
            assertEquals(200, off.statusCode(), off.body());
            assertEquals(201, rita.post("/api/me/messages", Map.of("to", ids[1], "text", "Noch eine")).statusCode());
            assertEquals(1, events(malte).stream().filter("message"::equals).count(), "switched off: no second one");
            assertFalse(TestApp.json(malte.get("/api/me/notifications")).toString().contains("Hallo"), "no content in notifications");

            // Service messages cannot be switched off; e-mail needs an address (and SMTP, which this app has not).
            HttpResponse<String> service = rita.put("/api/me/notification-settings", Map.of("settings", List.of(Map.of("kind", "service", "inApp", false))));
            assertEquals(422, service.statusCode(), service.body());
            assertEquals(422, rita.put("/api/me/notification-settings", Map.of("settings", List.of(Map.of("kind", "messages", "email", true))))
                    .statusCode(), "no address given");
            assertEquals(400, rita.put("/api/me/notification-settings", Map.of("settings", List.of(Map.of("kind", "news")))).statusCode());
            JsonNode settings = TestApp.json(rita.get("/api/me/notification-settings"));
            assertFalse(settings.get("emailAvailable").asBoolean());
            assertTrue(settings.toString().contains("{\"kind\":\"service\",\"inApp\":true,\"email\":false,\"switchable\":false}"), settings.toString());
            assertTrue(settings.toString().contains("{\"kind\":\"messages\",\"inApp\":true,\"email\":false,\"switchable\":true}"),
                    "e-mail is off by default: " + settings);

            assertEquals(200, rita.post("/api/me/restriction", Map.of("reason", "checking")).statusCode());
            assertEquals("restricted", events(rita).get(0), "a service message about her own data");
            rita.delete("/api/me/restriction");
            assertEquals(200, rita.getBytes("/api/me/export").statusCode());
            assertEquals(List.of("export", "restriction-lifted", "restricted"), events(rita).subList(0, 3));

            JsonNode page = TestApp.json(rita.get("/api/me/notifications?limit=2"));
            assertEquals(2, page.get("notifications").size());
            JsonNode older = TestApp.json(rita.get("/api/me/notifications?limit=2&before=" + page.get("next").asLong()));
            assertEquals("restricted", older.get("notifications").get(0).get("event").asText(), "keyset pages, no repeats");
            assertEquals(400, rita.get("/api/me/notifications?before=nonsense").statusCode());

            assertTrue(TestApp.json(rita.get("/api/me/notifications")).get("unread").asInt() > 0);
            assertEquals(200, rita.post("/api/me/notifications/read", Map.of()).statusCode());
            assertEquals(0, TestApp.json(rita.get("/api/me/notifications")).get("unread").asInt());
            assertEquals(3, TestApp.json(malte.get("/api/me/notifications")).get("unread").asInt(),
                    "hers only are read: his three stay unread, and nobody learns when she read hers");
        }
    }

    @DatabaseTest
    void an_email_copy_goes_after_commit_to_an_opted_in_address_and_says_nothing_of_who_or_what(TestDatabase db) throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (TestApp app = new TestApp(db, Map.of("HOHEIT_SMTP_HOST", "127.0.0.1", "HOHEIT_SMTP_PORT", Integer.toString(port),
                "HOHEIT_SMTP_FROM", "smoffen@example.org", "HOHEIT_SMTP_STARTTLS", "false"))) {
            TestApp.Client rita = app.client();
            TestApp.Client malte = app.client();
            String[] ids = pair(app, rita, malte, "rita@example.org");
            assertEquals(201, rita.post("/api/me/mentors", Map.of("mentor", "malte", "scope", "mentor")).statusCode());
            assertEquals(true, TestApp.json(rita.get("/api/me/notification-settings")).get("emailAvailable").asBoolean());
            assertEquals(200, rita.put("/api/me/notification-settings", Map.of("settings", List.of(Map.of("kind", "messages", "email", true))))
                    .statusCode());

            // The mail server is down: the e-mail waits in the outbox and is retried.
            assertEquals(201, malte.post("/api/me/messages", Map.of("to", ids[0], "text", "Geheimer Inhalt")).statusCode());
            long deadline = System.currentTimeMillis() + 10_000;
            while (db.queryLong("SELECT email_attempts FROM app_notification WHERE email_state <> 'NONE'") < 1 && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(db.queryLong("SELECT email_attempts FROM app_notification WHERE email_state <> 'NONE'") >= 1, "a first attempt failed");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_notification WHERE email_state = 'SENT'"));

            smtp.start();
            assertTrue(smtp.waitForIncomingEmail(20_000, 1), "delivered once the server is back");
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("rita@example.org", mail.getAllRecipients()[0].toString());
            String text = mail.getSubject() + "\n" + mail.getContent();
            assertTrue(text.contains("neue Nachricht") && text.contains("new message"), text);
            for (String secret : List.of("malte", "Geheimer", ids[0], ids[1], "<img", "http")) {
                assertFalse(text.contains(secret), "no name, no content, no id, no tracking: " + secret + " in " + text);
            }
            // A refused request queues nothing; a person without e-mail opt-in gets none; mentoring news is off by e-mail.
            assertEquals(422, malte.post("/api/me/messages", Map.of("to", ids[0], "text", "")).statusCode());
            assertEquals(201, rita.post("/api/me/messages", Map.of("to", ids[1], "text", "Antwort")).statusCode());
            Thread.sleep(1_500);
            assertEquals(1, smtp.getReceivedMessages().length, "only the one she opted in to");
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_notification WHERE email_state = 'SENT'"));
        } finally {
            smtp.stop();
        }
    }

    @DatabaseTest
    void the_console_lists_notifications_and_saves_the_choice(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            TestApp.Client rita = app.client();
            TestApp.Client malte = app.client();
            String[] ids = pair(app, rita, malte, null);
            assertEquals(201, rita.post("/api/me/mentors", Map.of("mentor", "malte", "scope", "mentor")).statusCode());
            malte.acceptTerms();
            assertEquals(201, malte.post("/api/me/messages", Map.of("to", ids[0], "text", "Hallo Rita")).statusCode());
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-notifications")) {
                browser.signIn("rita", "correct horse 50");
                browser.menu("#/notifications");
                WebElement first = browser.visible(By.cssSelector("li.notification[data-event=message][data-read=false]"));
                assertTrue(first.getText().contains("malte hat Ihnen eine Nachricht geschrieben"), first.getText());
                assertFalse(browser.driver.findElement(By.id("nt-app-service")).isEnabled(), "service messages cannot be switched off");
                assertFalse(browser.driver.findElement(By.id("nt-email-messages")).isEnabled(), "no mail server in this installation");
                browser.screenshot("list");
                browser.driver.findElement(By.id("nt-app-messages")).click();
                browser.driver.findElement(By.cssSelector("#nt-settings button[type=submit]")).click();
                browser.waitForText(By.id("message"), "gespeichert");
                assertFalse(TestApp.json(rita.get("/api/me/notification-settings")).get("settings").get(0).get("inApp").asBoolean());
                browser.visible(By.id("nt-mark-read")).click();
                browser.visible(By.cssSelector("li.notification[data-read=true]"));
                browser.screenshot("read-and-chosen");
            }
            assertEquals(0, TestApp.json(rita.get("/api/me/notifications")).get("unread").asInt());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
