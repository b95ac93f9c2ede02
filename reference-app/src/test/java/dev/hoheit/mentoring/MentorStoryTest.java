package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * The mentoring story over real HTTP: the operator grants mentor rights and assigns a mentor, the
 * mentee accepts, the mentor sees exactly the granted scope, the mentee sees the view in "who viewed
 * my data", revokes, and access ends at once.
 */
class MentorStoryTest {

    @DatabaseTest
    void assignment_acceptance_viewing_transparency_and_revocation(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("mia", "correct horse 5")).get("id").asText();
            mentee.signIn("mia", "correct horse 5");
            assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 7,
                    "note", "Tagesplan auf Papier")).statusCode());
            assertEquals(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "week", "date", "2026-03-01", "minutes", 25)).statusCode());
            assertEquals(422, mentee.post("/api/me/smoff-sessions", Map.of("kind", "hour", "date", "2026-03-01", "minutes", 5)).statusCode());
            assertEquals(422, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-03-01", "minutes", 0)).statusCode());

            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("max", "correct horse 6")).get("id").asText();
            mentor.signIn("max", "correct horse 6");
            assertEquals(403, mentor.get("/api/mentees").statusCode(), "no mentor rights yet");

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            assertEquals(403, mentee.put("/api/operator/mentors/" + mentorId).statusCode(), "only the operator grants mentor rights");
            assertEquals(200, operator.put("/api/operator/mentors/" + mentorId).statusCode());
            assertTrue(mentor.get("/api/mentees").body().contains("first accept the terms of your role: terms-mentor"),
                    "R27: a new mentor accepts the mentor terms first");
            mentor.acceptTerms();
            HttpResponse<String> assigned = operator.post("/api/operator/assignments",
                    Map.of("mentee", "mia", "mentor", "max", "scope", "smoff-time-mentor"));
            assertEquals(201, assigned.statusCode(), assigned.body());
            assertEquals("pending", TestApp.json(assigned).get("status").asText());

            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode(),
                    "R3/R12: nothing is shared before the mentee accepts");
            JsonNode mine = TestApp.json(mentee.get("/api/me/mentors")).get("mentors").get(0);
            assertEquals("max", mine.get("nickname").asText());
            assertEquals("assigned-by-operator", mine.get("origin").asText());
            assertEquals("sees your Smoff-Time only", mine.get("inPlainWords").asText());
            String grantId = mine.get("id").asText();
            assertEquals(404, mentor.post("/api/me/mentors/" + grantId + "/accept", "{}").statusCode(),
                    "only the mentee accepts; to anyone else the relation does not exist");
            assertEquals("active", TestApp.json(mentee.post("/api/me/mentors/" + grantId + "/accept", "{}")).get("status").asText());

            JsonNode seen = TestApp.json(mentor.get("/api/mentees/" + menteeId + "/smoff-sessions"));
            assertEquals("mia", seen.get("nickname").asText(), "R23: the mentor sees the nickname");
            assertEquals(2, seen.get("sessions").size());
            assertTrue(seen.get("sessions").toString().contains("Tagesplan auf Papier"), "the note is decrypted for the granted mentor");
            assertEquals(List.of("mia"), TestApp.json(mentor.get("/api/mentees")).get("mentees").findValuesAsText("nickname"));

            JsonNode views = TestApp.json(mentee.get("/api/me/access-log")).get("views");
            assertTrue(views.size() >= 2, views.toString());
            assertEquals("max", views.get(0).get("who").asText(), "R6: the mentee sees who viewed");
            assertEquals("allowed", views.get(0).get("outcome").asText());
            assertTrue(views.toString().contains("\"outcome\":\"denied\""), "denied attempts are shown too");

            assertEquals("revoked", TestApp.json(mentee.delete("/api/me/mentors/" + grantId)).get("status").asText());
            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode(), "R1: access ends at once");
            assertEquals(0, TestApp.json(mentor.get("/api/mentees")).get("mentees").size());

            mentee.get("/api/me/plans");
            app.app.flushAudit();
            JsonNode activity = TestApp.json(mentee.get("/api/me/activity")).get("activity");
            assertTrue(activity.toString().contains("\"what\":\"page\""), "R5: reading one's own pages is recorded too");
            assertTrue(activity.findValuesAsText("action").containsAll(List.of("create", "grant", "revoke", "login")), activity.toString());
            assertTrue(app.app.retention().verify().ok(), app.app.retention().verify().toJson());
        }
    }

    @DatabaseTest
    void a_mentee_invites_a_mentor_and_the_operator_withdraws_mentor_rights(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("nina", "correct horse 7")).get("id").asText();
            mentee.signIn("nina", "correct horse 7");
            TestApp.Client mentor = app.client();
            String mentorId = TestApp.json(mentor.register("otto", "correct horse 8")).get("id").asText();
            mentor.signIn("otto", "correct horse 8");
            assertEquals(422, mentee.post("/api/me/mentors", Map.of("mentor", "otto", "scope", "mentor")).statusCode(),
                    "only people with mentor rights can be mentors");
            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            operator.put("/api/operator/mentors/" + mentorId);
            mentor.acceptTerms();

            HttpResponse<String> invited = mentee.post("/api/me/mentors", Map.of("mentor", "otto", "scope", "mentor"));
            assertEquals(201, invited.statusCode(), invited.body());
            assertEquals("active", TestApp.json(invited).get("status").asText(), "a mentee's own invitation is in force at once");
            assertEquals(200, mentor.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode());

            assertEquals(200, operator.delete("/api/operator/mentors/" + mentorId).statusCode());
            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode(), "R2: withdrawn rights end every grant");
            assertEquals("revoked", TestApp.json(mentee.get("/api/me/mentors")).get("mentors").get(0).get("status").asText());
            assertEquals(404, mentee.delete("/api/me/mentors/not-a-grant").statusCode());
        }
    }
}
