package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a client or an account may cost, tried as an attacker would: many requests at once from one
 * address or one account get exactly the limit through, the rest a 429 with a message and, where
 * waiting helps, a Retry-After.
 */
class CostLimitTest {

    private static final Map<String, String> LOW = Map.of("HOHEIT_REGISTRATIONS_PER_HOUR", "5", "HOHEIT_SMOFF_ENTRIES_PER_DAY", "3",
            "HOHEIT_PICTURES_PER_ACCOUNT", "2", "HOHEIT_MESSAGES_PER_MINUTE", "3");

    @DatabaseTest
    void parallel_registrations_from_one_address_get_exactly_the_limit(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db, LOW)) {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String nickname = "flood" + i;
                calls.add(() -> app.client().register(nickname, "correct horse " + nickname));
            }
            List<HttpResponse<String>> responses = parallel(calls);
            assertEquals(5, count(responses, 201), statuses(responses));
            assertEquals(7, count(responses, 429), statuses(responses));
            for (HttpResponse<String> response : responses) {
                if (response.statusCode() == 429) {
                    long retry = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
                    assertTrue(retry > 0 && retry <= 3600, "Retry-After " + retry);
                    assertTrue(response.body().contains("too many registrations"), response.body());
                }
            }
            app.clock.advance(Duration.ofMinutes(61));
            assertEquals(201, app.client().register("later", "correct horse later").statusCode(), "a new hour, a new count");
        }
    }

    @DatabaseTest
    void smoff_time_entries_per_day_pictures_and_messages_per_minute_are_capped(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db, LOW)) {
            TestApp.Client mentee = app.client();
            mentee.register("capped", "correct horse capped");
            mentee.signIn("capped", "correct horse capped");
            List<Callable<HttpResponse<String>>> entries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                entries.add(() -> mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 5)));
            }
            List<HttpResponse<String>> recorded = parallel(entries);
            assertEquals(3, count(recorded, 201), statuses(recorded));
            assertEquals(5, count(recorded, 429), statuses(recorded));
            HttpResponse<String> refused = recorded.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
            assertTrue(refused.body().contains("Smoff-Time entries today"), refused.body());
            assertEquals(16 * 3600, Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()), "until midnight UTC");
            assertEquals(3, TestApp.json(mentee.get("/api/me/smoff-sessions")).get("sessions").size());
            app.clock.advance(Duration.ofHours(16));
            mentee.signIn("capped", "correct horse capped"); // the session ended meanwhile
            assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-02", "minutes", 5)).statusCode());

            byte[] picture = PictureLoadTest.png(64, 48, 8, 2);
            assertEquals(201, mentee.upload("/api/me/pictures", "image/png", picture).statusCode());
            assertEquals(201, mentee.upload("/api/me/pictures", "image/png", picture).statusCode());
            HttpResponse<String> third = mentee.upload("/api/me/pictures", "image/png", picture);
            assertEquals(429, third.statusCode(), third.body());
            assertTrue(third.body().contains("delete some"), third.body());
            String first = TestApp.json(mentee.get("/api/me/pictures")).get("pictures").get(0).get("id").asText();
            assertEquals(204, mentee.delete("/api/me/pictures/" + first).statusCode());
            assertEquals(201, mentee.upload("/api/me/pictures", "image/png", picture).statusCode(), "room again after a deletion");

            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("capmentor", "correct horse capmentor")).get("id").asText();
            mentor.signIn("capmentor", "correct horse capmentor");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
            mentor.acceptTerms();
            assertEquals(201, mentee.post("/api/me/mentors", Map.of("mentor", "capmentor", "scope", "mentor")).statusCode());
            List<Callable<HttpResponse<String>>> messages = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                String text = "Nachricht " + i;
                messages.add(() -> mentee.post("/api/me/messages", Map.of("to", mentorId, "text", text)));
            }
            List<HttpResponse<String>> sent = parallel(messages);
            assertEquals(3, count(sent, 201), statuses(sent));
            assertEquals(4, count(sent, 429), statuses(sent));
            HttpResponse<String> slow = sent.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
            assertTrue(slow.body().contains("messages in the last minute"), slow.body());
            assertEquals("60", slow.headers().firstValue("Retry-After").orElseThrow());
            String menteeId = TestApp.json(mentee.get("/api/me")).get("id").asText();
            assertEquals(201, mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Antwort")).statusCode(),
                    "the cap is the sender's: the mentor may still answer");
            app.clock.advance(Duration.ofSeconds(61));
            assertEquals(201, mentee.post("/api/me/messages", Map.of("to", mentorId, "text", "wieder")).statusCode());
        }
    }

    static List<HttpResponse<String>> parallel(List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<HttpResponse<String>> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    static String statuses(List<HttpResponse<String>> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    }
}
