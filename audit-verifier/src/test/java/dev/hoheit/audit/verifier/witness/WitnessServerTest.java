package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.hoheit.audit.internal.witness.WitnessClient;
import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness over real HTTP on 127.0.0.1, driven by lib-audit's witness client. */
class WitnessServerTest {

    @TempDir
    Path state;

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final TestLog log = new TestLog("example.com/log");
    private final HttpClient http = HttpClient.newHttpClient();
    private final WitnessClient client = new WitnessClient(http, Duration.ofSeconds(10));
    private Witness witness;
    private WitnessServer server;

    @BeforeEach
    void start() throws IOException {
        witness = Witnesses.open(Witnesses.newCosigner("witness.example/w1"), state, clock, log);
        server = WitnessServer.start(witness, 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        witness.close();
    }

    private WitnessClient.Result submit(AddCheckpointRequest request) {
        return client.addCheckpoint(server.url(), request);
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.url().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void assertRefused(int status, WitnessClient.Result result) {
        WitnessClient.Refused refused = assertInstanceOf(WitnessClient.Refused.class, result, result.toString());
        assertEquals(status, refused.status(), refused.message());
        assertTrue(!refused.message().isEmpty());
    }

    @Test
    void the_server_listens_on_the_loopback_address_by_default() {
        assertEquals(InetAddress.getLoopbackAddress(), server.address().getAddress());
        assertTrue(server.address().getPort() > 0);
    }

    @Test
    void a_valid_checkpoint_comes_back_with_a_cosignature_that_verifies() {
        WitnessClient.Cosigned cosigned = assertInstanceOf(WitnessClient.Cosigned.class, submit(log.request(0, 5)));
        assertEquals(1, cosigned.cosignatures().size());
        NoteSignature cosignature = cosigned.cosignatures().get(0);
        CosignatureVerifier verifier = CosignatureVerifier.parse(witness.cosigner().verifierKey());
        assertEquals(OptionalLong.of(clock.instant().getEpochSecond()), verifier.verify(log.checkpoint(5).text(), cosignature));

        // As the specification suggests, the client appends the lines to its checkpoint.
        Note withCosignature = Note.parse(log.note(5)).withSignatures(cosigned.cosignatures());
        assertEquals(2, Note.parse(withCosignature.format()).signatures().size());

        assertInstanceOf(WitnessClient.Cosigned.class, submit(log.request(5, 9)));
    }

    @Test
    void a_stale_old_size_is_a_409_with_the_latest_size_as_text_x_tlog_size() throws Exception {
        submit(log.request(0, 5));
        assertEquals(5, assertInstanceOf(WitnessClient.Conflict.class, submit(log.request(0, 9))).latestSize());
        HttpResponse<String> raw = post("add-checkpoint", log.request(3, 9).format().getBytes(StandardCharsets.UTF_8));
        assertEquals(409, raw.statusCode());
        assertEquals("5\n", raw.body());
        assertEquals("text/x.tlog.size", raw.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void refusals_carry_the_specified_status() {
        submit(log.request(0, 5));
        assertRefused(404, submit(new TestLog("example.com/unknown").request(0, 3)));
        assertRefused(403, submit(new TestLog(log.origin()).request(0, 3)));
        AddCheckpointRequest good = log.request(5, 8);
        assertRefused(422, submit(new AddCheckpointRequest(5, List.of(new byte[32]), good.checkpointNote())));
        CheckpointBody fork = new CheckpointBody(log.origin(), 5, log.root(4));
        assertRefused(422, submit(new AddCheckpointRequest(5, List.of(), log.signed(fork))));
        assertRefused(400, submit(new AddCheckpointRequest(8, List.of(), log.note(5))));
        assertRefused(400, submit(new AddCheckpointRequest(0, List.of(), "not a note\n")));
        assertInstanceOf(WitnessClient.Cosigned.class, submit(good));
    }

    @Test
    void malformed_bodies_are_400() throws Exception {
        assertEquals(400, post("add-checkpoint", "garbage".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, post("add-checkpoint", new byte[0]).statusCode());
        byte[] notUtf8 = ("old 0\n\n" + log.note(3)).getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 3] = (byte) 0xff;
        HttpResponse<String> response = post("add-checkpoint", notUtf8);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("UTF-8"), response.body());
    }

    @Test
    void a_body_over_the_limit_is_413() throws Exception {
        byte[] huge = new byte[WitnessServer.MAX_REQUEST_BYTES + 1];
        Arrays.fill(huge, (byte) 'a');
        assertEquals(413, post("add-checkpoint", huge).statusCode());
    }

    @Test
    void add_checkpoint_takes_only_post() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.url().resolve("add-checkpoint")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(server.url().resolve("add-checkpoint"))
                .PUT(HttpRequest.BodyPublishers.ofString(log.request(0, 1).format())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
        assertTrue(witness.latestCheckpoint(log.origin()).isEmpty());
    }

    @Test
    void other_paths_are_404() throws Exception {
        assertEquals(404, post("add-checkpoint/", new byte[0]).statusCode());
        assertEquals(404, post("add-checkpointx", new byte[0]).statusCode());
        assertEquals(404, post("", new byte[0]).statusCode());
    }

    @Test
    void monitors_get_the_latest_cosigned_checkpoint_by_origin_hash() throws Exception {
        URI checkpoint = server.url().resolve(StateDirectory.originHash(log.origin()) + "/checkpoint");
        HttpRequest get = HttpRequest.newBuilder(checkpoint).GET().build();
        assertEquals(404, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
        WitnessClient.Cosigned cosigned = assertInstanceOf(WitnessClient.Cosigned.class, submit(log.request(0, 4)));
        HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode());
        Note note = Note.parse(response.body());
        assertEquals(log.checkpoint(4).text(), note.text());
        assertTrue(note.signatures().containsAll(cosigned.cosignatures()));
        assertEquals(1, note.verifiedBy(List.of(log.verifier())).size());
        URI unknown = server.url().resolve(StateDirectory.originHash("example.com/unknown") + "/checkpoint");
        assertEquals(404, http.send(HttpRequest.newBuilder(unknown).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void a_base_url_without_a_trailing_slash_works() {
        String base = server.url().toString();
        URI withoutSlash = URI.create(base.substring(0, base.length() - 1));
        assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(withoutSlash, log.request(0, 2)));
    }

    @Test
    void a_closed_port_is_unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        WitnessClient.Result result = client.addCheckpoint(URI.create("http://127.0.0.1:" + port + "/"), log.request(0, 2));
        assertInstanceOf(WitnessClient.Unreachable.class, result);
    }

    @Test
    void a_witness_that_does_not_answer_in_time_is_unreachable() throws IOException {
        CountDownLatch released = new CountDownLatch(1);
        HttpServer stub = stub(exchange -> {
            try {
                released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        try {
            WitnessClient impatient = new WitnessClient(http, Duration.ofMillis(300));
            long started = System.nanoTime();
            WitnessClient.Result result = impatient.addCheckpoint(stubUrl(stub), log.request(0, 2));
            assertInstanceOf(WitnessClient.Unreachable.class, result);
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        } finally {
            released.countDown();
            stub.stop(0);
        }
    }

    @Test
    void answers_outside_the_protocol_are_invalid() throws IOException {
        for (String[] answer : new String[][] {{"200", "garbage\n"}, {"200", ""}, {"409", "five\n"}, {"409", "5"}}) {
            int status = Integer.parseInt(answer[0]);
            byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
            HttpServer stub = stub(exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            try {
                WitnessClient.Result result = client.addCheckpoint(stubUrl(stub), log.request(0, 2));
                WitnessClient.Invalid invalid = assertInstanceOf(WitnessClient.Invalid.class, result, answer[0] + " " + answer[1]);
                assertEquals(status, invalid.status());
            } finally {
                stub.stop(0);
            }
        }
    }

    @Test
    void an_oversized_answer_is_invalid() throws IOException {
        byte[] body = new byte[1024 * 1024];
        HttpServer stub = stub(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            try {
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // The client stopped reading, as it should.
            }
            exchange.close();
        });
        try {
            assertInstanceOf(WitnessClient.Invalid.class, client.addCheckpoint(stubUrl(stub), log.request(0, 2)));
        } finally {
            stub.stop(0);
        }
    }

    private static HttpServer stub(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", handler);
        stub.start();
        return stub;
    }

    private static URI stubUrl(HttpServer stub) {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/");
    }
}
