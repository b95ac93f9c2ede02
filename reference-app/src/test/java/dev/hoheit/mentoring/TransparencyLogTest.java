package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.EntryBundle;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TilePath;
import dev.hoheit.audit.tlog.TileReader;
import dev.hoheit.audit.tlog.TiledTree;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The audit log served as a C2SP tiled transparency log under {@code /log/}, checked over HTTP the
 * way an outside client checks it: the checkpoint's signature with the log's key obtained out of
 * band, its root and consistency proofs recomputed from public tiles alone, entry bundles (auditors
 * only) against the level-0 tiles, and strict paths, statuses and caching.
 */
class TransparencyLogTest {

    private static final String OPERATOR_PASSWORD = "operator-secret-1";

    @DatabaseTest
    void an_anonymous_client_verifies_the_signed_checkpoint_and_its_root_and_growth_from_public_tiles(TestDatabase db) throws Exception {
        try (StubWitness witness = new StubWitness(); TestApp app = new TestApp(db, witness.settings())) {
            AuditLog audit = app.app.audit();
            List<NoteVerifier> logKey = List.of(NoteVerifier.parse(audit.verifierKey())); // out of band, not over HTTP
            TestApp.Client anonymous = app.client();
            awaitFirstRun(app);
            HttpResponse<String> none = anonymous.get("/log/checkpoint");
            assertEquals(404, none.statusCode(), "no checkpoint before the first seal");
            assertEquals("not_found", TestApp.json(none).get("error").asText());
            assertTrue(TestApp.json(none).get("message").asText().contains("no checkpoint yet"), none.body());

            append(audit, 300);
            audit.seal();
            long sizeBefore = audit.treeSize();
            Checked first = fetchAndVerifyCheckpoint(anonymous, logKey, audit.origin());
            assertEquals(sizeBefore, first.body().size());
            assertTrue(first.body().size() > 256, "beyond one tile: " + first.body().size());
            List<NoteSignature> cosignatures = Note.parse(first.note()).signatures().stream()
                    .filter(signature -> signature.keyName().equals(StubWitness.NAME)).toList();
            assertEquals(1, cosignatures.size(), "the witness's cosignature line is served with the checkpoint: " + first.note());
            OptionalLong cosignedAt = witness.verifier().verify(Note.parse(first.note()).text(), cosignatures.get(0));
            assertTrue(cosignedAt.isPresent(), "and verifies with the witness's key");

            List<String> fetched = new ArrayList<>();
            TiledTree tree = new TiledTree(httpTiles(anonymous, fetched));
            assertArrayEquals(first.body().rootHash(), tree.root(first.body().size()), "the root, from public tiles alone");
            assertTrue(fetched.stream().anyMatch(path -> path.startsWith("/log/tile/1/")), "the first 256 leaves in one hash: " + fetched);
            assertTrue(fetched.stream().anyMatch(path -> path.startsWith("/log/tile/0/001.p/")), "the rest from the partial tile: " + fetched);

            long leaf = first.body().size() - 1;
            assertTrue(Merkle.verifyInclusion(tree.leafHash(leaf, first.body().size()), leaf, first.body().size(),
                    tree.inclusionProof(leaf, first.body().size()), first.body().rootHash()), "an inclusion proof from tiles verifies");
            app.app.flushAudit();
            assertEquals(sizeBefore, audit.treeSize(), "anonymous reads of the checkpoint and the tiles write nothing to the log");

            append(audit, 500);
            audit.seal();
            Checked second = fetchAndVerifyCheckpoint(anonymous, logKey, audit.origin());
            long oldSize = first.body().size();
            long newSize = second.body().size();
            assertTrue(newSize > 768, "into the fourth tile: " + newSize);
            assertArrayEquals(second.body().rootHash(), tree.root(newSize));
            List<byte[]> proof = tree.consistencyProof(oldSize, newSize);
            assertFalse(proof.isEmpty());
            assertTrue(Merkle.verifyConsistency(oldSize, newSize, first.body().rootHash(), second.body().rootHash(), proof),
                    "the newer checkpoint extends the older one, shown from public tiles");
            assertEquals(audit.proveConsistency(oldSize, newSize).hashes(), proof.stream().map(Base64.getEncoder()::encodeToString).toList(),
                    "the same proof the log computes");
            byte[] forged = first.body().rootHash();
            forged[0] ^= 1;
            assertFalse(Merkle.verifyConsistency(oldSize, newSize, forged, second.body().rootHash(), proof), "the check can fail");
        }
    }

    @DatabaseTest
    void only_auditors_read_entry_bundles_which_hash_to_the_public_tiles_and_each_read_is_logged(TestDatabase db) {
        try (TestApp app = new TestApp(db)) {
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "ute", "password", "correct horse 70",
                    "role", "auditor")).statusCode());
            TestApp.Client auditor = app.client();
            auditor.signIn("ute", "correct horse 70");
            TestApp.Client mentee = app.client();
            mentee.register("anna", "correct horse 71");
            mentee.signIn("anna", "correct horse 71");
            TestApp.Client anonymous = app.client();
            append(app.app.audit(), 300);
            HttpResponse<String> sealed = auditor.post("/api/auditor/checkpoints", "");
            assertEquals(201, sealed.statusCode(), sealed.body());
            long size = TestApp.json(sealed).get("size").asLong();

            List<TilePath> bundles = size % 256 == 0 ? List.of(TilePath.entries(0, 256))
                    : List.of(TilePath.entries(0, 256), TilePath.entries(size / 256, (int) (size % 256)));
            for (TilePath path : bundles) {
                long index = path.index();
                int width = path.width();
                String entriesPath = "/log/" + path.path();
                HttpResponse<byte[]> bundle = auditor.getBytes(entriesPath);
                assertEquals(200, bundle.statusCode(), entriesPath);
                assertEquals("application/octet-stream", bundle.headers().firstValue("Content-Type").orElseThrow());
                assertEquals("private, max-age=31536000, immutable", bundle.headers().firstValue("Cache-Control").orElseThrow(),
                        "the auditor's own cache only");
                HttpResponse<byte[]> tile = anonymous.getBytes("/log/" + TilePath.tile(0, index, width).path());
                assertEquals(200, tile.statusCode());
                List<byte[]> entries = EntryBundle.decode(bundle.body());
                assertEquals(width, entries.size());
                assertEquals(width * Merkle.HASH_SIZE, tile.body().length);
                for (int i = 0; i < width; i++) {
                    assertArrayEquals(Arrays.copyOfRange(tile.body(), i * Merkle.HASH_SIZE, (i + 1) * Merkle.HASH_SIZE),
                            Merkle.leafHash(entries.get(i)), "entry " + (index * 256 + i) + " hashes to its leaf");
                }
                assertFalse(new String(bundle.body(), StandardCharsets.ISO_8859_1).contains("anna"), "no nickname in clear");
            }
            String last = "/log/" + bundles.get(bundles.size() - 1).path();
            HttpResponse<String> refused = anonymous.get(last);
            assertEquals(401, refused.statusCode());
            assertEquals(403, mentee.get(last).statusCode());
            HttpResponse<String> operatorRefused = operator.get(last);
            assertEquals(403, operatorRefused.statusCode(), "the operator reads no entries here either");
            assertTrue(TestApp.json(operatorRefused).get("message").asText().contains("auditor"), operatorRefused.body());
            assertEquals(200, mentee.getBytes("/log/" + TilePath.tile(0, 0, 256).path()).statusCode(), "tiles are for every role");
            assertEquals(400, auditor.get("/log/tile/entries/x001").statusCode(), "an auditor's malformed path");
            assertEquals(404, auditor.get("/log/tile/entries/x001/000").statusCode(), "a bundle beyond the tree");

            app.app.flushAudit();
            JsonNode activity = TestApp.json(auditor.get("/api/me/activity"));
            long logged = activity.findValuesAsText("what").stream().filter("audit-entries"::equals).count();
            assertEquals(bundles.size(), logged, "each bundle the auditor read is in the log as the auditor's view: " + activity);
        }
    }

    @DatabaseTest
    void paths_are_strict_missing_tiles_are_404_only_get_is_allowed_and_pruned_tiles_are_gone(TestDatabase db) throws Exception {
        try (TestApp app = new TestApp(db)) {
            AuditLog audit = app.app.audit();
            TestApp.Client anonymous = app.client();
            awaitFirstRun(app);
            append(audit, 300);
            audit.seal();
            app.app.flushAudit();
            long size = audit.treeSize();
            assertTrue(size > 256 && size < 512, "one full level-0 tile and a partial one: " + size);

            HttpResponse<byte[]> tile = anonymous.getBytes("/log/tile/0/000");
            assertEquals(200, tile.statusCode());
            assertEquals(256 * Merkle.HASH_SIZE, tile.body().length);
            assertEquals("application/octet-stream", tile.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("public, max-age=31536000, immutable", tile.headers().firstValue("Cache-Control").orElseThrow());
            assertSecurityHeaders(tile);
            HttpResponse<byte[]> checkpoint = anonymous.getBytes("/log/checkpoint");
            assertEquals(200, checkpoint.statusCode());
            assertSecurityHeaders(checkpoint);

            for (String bad : List.of("/log/tile/00/000", "/log/tile/0/x000/001", "/log/tile/0/000.p/01", "/log/tile/0/000.p/256",
                    "/log/tile/0/000.p/0", "/log/tile/64/000", "/log/tile/0/x001", "/log/tile/0/1", "/log/tile/0/0000",
                    "/log/tile/-1/000", "/log/tile/0/000/", "/log/tile/0/%30%30%30", "/log/tile/0", "/log/tile/a/000")) {
                HttpResponse<String> response = anonymous.get(bad);
                assertEquals(400, response.statusCode(), bad + ": " + response.body());
                assertEquals("bad_request", TestApp.json(response).get("error").asText(), bad);
                assertTrue(TestApp.json(response).get("message").asText().contains("tile path"), response.body());
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow(), "errors are never cached");
            }
            for (String missing : List.of("/log/tile/0/999", "/log/tile/0/001", "/log/tile/0/001.p/255", "/log/tile/1/000",
                    "/log/tile/2/000.p/1", "/log/tile/0/x001/000")) {
                HttpResponse<String> response = anonymous.get(missing);
                assertEquals(404, response.statusCode(), missing + ": " + response.body());
                assertEquals("not_found", TestApp.json(response).get("error").asText(), missing);
                assertTrue(TestApp.json(response).get("message").asText().contains("no such tile"), response.body());
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow(),
                        "a tile the tree lacks now may exist later");
            }
            assertEquals(401, anonymous.get("/log/tile/entries/000").statusCode(), "entries ask who you are first");
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
                for (String path : List.of("/log/checkpoint", "/log/tile/0/000", "/log/tile/entries/000")) {
                    HttpResponse<String> response = anonymous.send(HttpRequest.newBuilder(anonymous.base.resolve(path))
                            .method(method, HttpRequest.BodyPublishers.ofString("x")));
                    assertEquals(405, response.statusCode(), method + " " + path);
                    assertEquals("GET", response.headers().firstValue("Allow").orElseThrow());
                    assertEquals("method_not_allowed", TestApp.json(response).get("error").asText());
                }
            }
            app.app.flushAudit();
            assertEquals(size, audit.treeSize(), "no anonymous request, good or bad, wrote to the log");

            // Thirteen months on, the retention run purges the entries older than twelve: their tiles are gone,
            // and a new checkpoint's root is still computed from the tiles that remain.
            app.clock.advance(Duration.ofDays(400));
            app.app.retention().runDuePolicies();
            audit.seal();
            assertEquals(404, anonymous.get("/log/tile/0/000").statusCode(), "a tile below the purged prefix");
            TestApp.Client operator = app.client();
            operator.signIn("operator", OPERATOR_PASSWORD);
            operator.post("/api/operator/accounts", Map.of("nickname", "ute", "password", "correct horse 72", "role", "auditor"));
            TestApp.Client auditor = app.client();
            auditor.signIn("ute", "correct horse 72");
            assertEquals(404, auditor.get("/log/tile/entries/000").statusCode(), "a bundle below the purged prefix");
            Checked newest = fetchAndVerifyCheckpoint(anonymous, List.of(NoteVerifier.parse(audit.verifierKey())), audit.origin());
            assertArrayEquals(newest.body().rootHash(), new TiledTree(httpTiles(anonymous, new ArrayList<>())).root(newest.body().size()));
        }
    }

    private record Checked(String note, CheckpointBody body) {
    }

    /** Fetches {@code /log/checkpoint} and checks its headers and the log's signature with {@code logKey}. */
    private static Checked fetchAndVerifyCheckpoint(TestApp.Client client, List<NoteVerifier> logKey, String origin) {
        HttpResponse<byte[]> response = client.getBytes("/log/checkpoint");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertEquals("public, max-age=5", response.headers().firstValue("Cache-Control").orElseThrow(), "cached a few seconds at most");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        Note note = Note.parse(text);
        List<NoteSignature> verified = note.verifiedBy(logKey);
        assertEquals(1, verified.size(), "signed by the log's key: " + text);
        CheckpointBody body = CheckpointBody.parse(note.text());
        assertEquals(origin, body.origin());
        return new Checked(text, body);
    }

    /** Tiles as any client fetches them; a 404 is a missing tile, and every tile served is immutable. */
    private static TileReader httpTiles(TestApp.Client client, List<String> fetched) {
        return (level, index, width) -> {
            String path = "/log/" + TilePath.tile(level, index, width).path();
            HttpResponse<byte[]> response = client.getBytes(path);
            if (response.statusCode() == 404) {
                throw new TileMissingException(level, index);
            }
            assertEquals(200, response.statusCode(), path);
            assertEquals("application/octet-stream", response.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("public, max-age=31536000, immutable", response.headers().firstValue("Cache-Control").orElseThrow());
            fetched.add(path);
            return response.body();
        };
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElseThrow());
    }

    /** Events of no one in particular, to grow the tree past tile boundaries. */
    private static void append(AuditLog audit, int count) {
        for (int i = 0; i < count; i++) {
            audit.appendBatched(AuditEvent.of(Actor.system(), AuditAction.VIEW, Resource.of("test-page", Integer.toString(i))));
        }
        audit.flush();
    }

    /** The scheduler runs once at start and logs what it did; wait for it, so that nothing else writes meanwhile. */
    private static void awaitFirstRun(TestApp app) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            var runs = app.app.retention().runs(1);
            if (!runs.isEmpty() && runs.get(0).finishedAt().isPresent()) {
                app.app.flushAudit();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the scheduled retention run did not finish");
    }
}
