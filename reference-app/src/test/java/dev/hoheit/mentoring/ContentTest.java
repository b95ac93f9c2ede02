package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.imageio.ImageIO;

/** Plans, pictures and messages over HTTP, and the mentor's scopes (R4). */
class ContentTest {

    /** A real JPEG with an EXIF segment carrying a made-up GPS position, as phones write them. */
    static byte[] jpegWithLocation() throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        var g = image.getGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(8, 8, 40, 20);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] exif = "Exif\0\0GPSLatitude=52.5200;GPSLongitude=13.4050;Make=PhoneCam".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        withExif.write(jpeg, 0, 2);
        withExif.write(0xFF);
        withExif.write(0xE1);
        withExif.write((exif.length + 2) >> 8);
        withExif.write((exif.length + 2) & 0xFF);
        withExif.write(exif);
        withExif.write(jpeg, 2, jpeg.length - 2);
        return withExif.toByteArray();
    }

    @DatabaseTest
    void plans_pictures_and_the_mentor_scopes(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            String menteeId = TestApp.json(mentee.register("sara", "correct horse 12")).get("id").asText();
            mentee.signIn("sara", "correct horse 12");
            assertEquals(200, mentee.put("/api/me/plans/week/2026-W10", Map.of("text", "Montag: Steuer, Dienstag: Sport")).statusCode());
            assertEquals(200, mentee.put("/api/me/plans/year/2026", Map.of("text", "Ein Buch schreiben")).statusCode());
            assertEquals(400, mentee.put("/api/me/plans/week/2026-03-02", Map.of("text", "x")).statusCode());
            assertEquals(422, mentee.put("/api/me/plans/month/2026-03", Map.of("text", "x")).statusCode());
            assertEquals(2, TestApp.json(mentee.get("/api/me/plans")).get("plans").size());

            byte[] photo = jpegWithLocation();
            assertTrue(new String(photo, StandardCharsets.ISO_8859_1).contains("GPSLatitude"));
            HttpResponse<String> uploaded = mentee.upload("/api/me/pictures", "image/jpeg", photo);
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            String pictureId = TestApp.json(uploaded).get("id").asText();
            assertEquals(64, TestApp.json(uploaded).get("width").asInt());
            HttpResponse<byte[]> stored = mentee.getBytes("/api/me/pictures/" + pictureId);
            assertEquals(200, stored.statusCode());
            String storedText = new String(stored.body(), StandardCharsets.ISO_8859_1);
            assertFalse(storedText.contains("GPSLatitude") || storedText.contains("PhoneCam"), "metadata is stripped");
            assertEquals(0xD8, stored.body()[1] & 0xFF, "still a JPEG");
            assertEquals(415, mentee.upload("/api/me/pictures", "image/png", "not a picture at all".getBytes(StandardCharsets.UTF_8)).statusCode());
            assertEquals(415, mentee.upload("/api/me/pictures", "text/plain", photo).statusCode());
            byte[] truncated = java.util.Arrays.copyOf(photo, 120);
            assertEquals(422, mentee.upload("/api/me/pictures", "image/jpeg", truncated).statusCode());
            assertEquals(1, db.queryLong("SELECT count(*) FROM app_picture"), "refused uploads store nothing");

            TestApp.Client operator = app.client();
            operator.signIn("operator", "operator-secret-1");
            operator.post("/api/operator/accounts", Map.of("nickname", "tom", "password", "correct horse 13", "role", "mentor"));
            TestApp.Client mentor = app.client();
            mentor.signIn("tom", "correct horse 13");
            String grant = TestApp.json(mentee.post("/api/me/mentors", Map.of("mentor", "tom", "scope", "smoff-time-mentor"))).get("id").asText();
            assertEquals(200, mentor.get("/api/mentees/" + menteeId + "/smoff-sessions").statusCode());
            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/pictures").statusCode(), "R4: a Smoff-Time mentor sees no pictures");
            assertEquals(403, mentor.get("/api/mentees/" + menteeId + "/plans").statusCode());
            assertEquals(403, mentor.getBytes("/api/mentees/" + menteeId + "/pictures/" + pictureId).statusCode());
            mentee.delete("/api/me/mentors/" + grant);
            mentee.post("/api/me/mentors", Map.of("mentor", "tom", "scope", "mentor"));
            assertEquals(1, TestApp.json(mentor.get("/api/mentees/" + menteeId + "/pictures")).get("pictures").size());
            assertEquals(200, mentor.getBytes("/api/mentees/" + menteeId + "/pictures/" + pictureId).statusCode());
            assertTrue(TestApp.json(mentor.get("/api/mentees/" + menteeId + "/plans")).toString().contains("Ein Buch schreiben"));

            String mentorId = TestApp.json(mentor.get("/api/me")).get("id").asText();
            assertEquals(201, mentee.post("/api/me/messages", Map.of("to", mentorId, "text", "Hallo Tom, danke!")).statusCode());
            app.clock.advance(java.time.Duration.ofMinutes(1));
            assertEquals(201, mentor.post("/api/me/messages", Map.of("to", menteeId, "text", "Gern, Sara.")).statusCode());
            JsonNode onMentorSide = TestApp.json(mentor.get("/api/me/messages")).get("messages");
            assertEquals(2, onMentorSide.size());
            assertEquals("Hallo Tom, danke!", onMentorSide.get(0).get("text").asText());

            assertTrue(TestApp.json(mentee.delete("/api/me", Map.of("password", "correct horse 12"))).get("complete").asBoolean());
            assertEquals(0, TestApp.json(mentor.get("/api/me/messages")).get("messages").size(), "R24: gone on the mentor's side too");
            assertEquals(0, db.queryLong("SELECT count(*) FROM app_picture") + db.queryLong("SELECT count(*) FROM app_plan"));
            assertEquals(0, TestApp.json(mentor.get("/api/mentees")).get("mentees").size());
        }
    }
}
