package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures cost bounded memory: the header's dimensions and bit depth are checked before decoding,
 * and only a few pictures are decoded at once. The load test runs the app as its own process with a
 * 256 MiB heap, as an attacker would find it, and sends it the worst pictures in parallel.
 */
class PictureLoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(PictureLoadTest.class);

    /**
     * A PNG of {@code width}×{@code height} black pixels, built chunk by chunk without ever holding the
     * image: a 16-bit RGB one of 6320×6320 pixels (240 MB decoded) compresses to a few hundred KB.
     */
    static byte[] png(int width, int height, int bitDepth, int colorType) throws IOException {
        int channels = colorType == 2 ? 3 : colorType == 6 ? 4 : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.writeByte(bitDepth);
        ihdr.writeByte(colorType);
        ihdr.writeByte(0);
        ihdr.writeByte(0);
        ihdr.writeByte(0);
        chunk(out, "IHDR", header.toByteArray());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (int) ((long) width * channels * bitDepth + 7) / 8]; // filter type 0, then zeros
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(data, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        }
        chunk(out, "IDAT", data.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) throws IOException {
        DataOutputStream chunk = new DataOutputStream(out);
        chunk.writeInt(body.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        chunk.write(name);
        chunk.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        chunk.writeInt((int) crc.getValue());
    }

    @DatabaseTest
    void a_picture_too_large_to_decode_is_refused_from_its_header_with_a_message(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client mentee = app.client();
            mentee.register("pixel", "correct horse pixel");
            mentee.signIn("pixel", "correct horse pixel");
            byte[] bomb = png(6320, 6320, 16, 2);
            assertTrue(bomb.length < 1024 * 1024, "the bomb is small: " + bomb.length);
            HttpResponse<String> refused = mentee.upload("/api/me/pictures", "image/png", bomb);
            assertEquals(413, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("6320×6320") && refused.body().contains("48 bits per pixel"), refused.body());
            // The same pixels at 8 bits per channel and fewer of them fit the budget; 16 bits on a small picture too.
            HttpResponse<String> small = mentee.upload("/api/me/pictures", "image/png", png(640, 480, 16, 2));
            assertEquals(201, small.statusCode(), small.body());
            HttpResponse<String> photo = mentee.upload("/api/me/pictures", "image/png", png(4000, 3000, 8, 2));
            assertEquals(201, photo.statusCode(), photo.body());
            assertEquals(2, TestApp.json(mentee.get("/api/me/pictures")).get("pictures").size());
        }
    }

    @Test
    void four_parallel_worst_case_uploads_at_256_mib_are_refused_and_the_app_still_answers() throws Exception {
        Path dataDir = Files.createTempDirectory("smoffen-pictures");
        Path stderr = dataDir.resolve("app.err");
        AppProcess app = AppProcess.start("256m", Map.of("HOHEIT_DATA_DIR", dataDir.toString(),
                "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"), stderr);
        Process process = app.process();
        try {
            TestApp.Client mentee = new TestApp.Client(app.url());
            assertEquals(201, mentee.register("bomber", "correct horse bomber").statusCode());
            assertEquals(200, mentee.signIn("bomber", "correct horse bomber").statusCode());
            byte[] bomb = png(6320, 6320, 16, 2);
            byte[] large = png(4500, 3500, 8, 2); // 45 MiB decoded, within the 64 MiB budget: decoded, a few at a time

            long started = System.nanoTime();
            List<HttpResponse<String>> bombs = parallel(4, () -> mentee.upload("/api/me/pictures", "image/png", bomb));
            long bombsMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            for (HttpResponse<String> response : bombs) {
                assertEquals(413, response.statusCode(), response.body());
                assertTrue(response.body().contains("too large to process"), response.body());
            }

            started = System.nanoTime();
            List<HttpResponse<String>> photos = parallel(4, () -> mentee.upload("/api/me/pictures", "image/png", large));
            long photosMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int stored = 0;
            for (HttpResponse<String> response : photos) {
                assertTrue(response.statusCode() == 201 || response.statusCode() == 503, response.statusCode() + " " + response.body());
                if (response.statusCode() == 503) {
                    assertTrue(response.headers().firstValue("Retry-After").isPresent(), "503 says when to come back");
                } else {
                    stored++;
                }
            }
            assertTrue(stored >= 1, "at least one of the large pictures was stored");

            assertEquals(200, mentee.get("/health").statusCode(), "the app still answers");
            assertEquals(stored, TestApp.json(mentee.get("/api/me/pictures")).get("pictures").size());
            assertTrue(process.isAlive());
            String errors = Files.readString(stderr);
            assertFalse(errors.contains("OutOfMemoryError"), errors);
            String peak = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM")).findFirst().orElse("VmHWM: unknown");
            LOG.info("4 parallel 16-bit 6320×6320 PNGs ({} KB each) refused in {} ms; 4 parallel 4500×3500 PNGs: {} stored, {} told to"
                    + " retry, in {} ms; app process peak RSS {}", bomb.length / 1024, bombsMillis, stored, 4 - stored, photosMillis,
                    peak.replaceAll("\\s+", " "));
        } finally {
            app.stop();
        }
    }

    private interface Call {
        HttpResponse<String> send();
    }

    private static List<HttpResponse<String>> parallel(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call::send));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
