package dev.hoheit.audit.verifier.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.TlogException;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Conflict;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refused;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Witness} over HTTP, per c2sp.org/tlog-witness:
 * <ul>
 *   <li>{@code POST /add-checkpoint}: 200 with the cosignature line ({@code text/plain; charset=utf-8}),
 *       409 with the latest size ({@code text/x.tlog.size}), or 400, 403, 404, 422 with a one-line
 *       reason; 413 for a body over {@value #MAX_REQUEST_BYTES} bytes, 405 for another method;</li>
 *   <li>{@code GET /<hex SHA-256 of the origin>/checkpoint}: the latest cosigned checkpoint, or 404.</li>
 * </ul>
 * It binds to 127.0.0.1 unless told otherwise; put it behind a TLS-terminating proxy to expose it.
 *
 * @since 0.2
 */
public final class WitnessServer implements AutoCloseable {

    /**
     * The largest request body accepted: 63 proof lines and a checkpoint with many signatures fit easily.
     *
     * @since 0.2
     */
    public static final int MAX_REQUEST_BYTES = 128 * 1024;

    /**
     * The port the witness listens on by default.
     *
     * @since 0.2
     */
    public static final int DEFAULT_PORT = 7380;

    private static final Logger LOG = LoggerFactory.getLogger(WitnessServer.class);
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final String SIZE = "text/x.tlog.size";
    private static final int THREADS = 4;

    private final Witness witness;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, String> originsByHash = new LinkedHashMap<>();

    private WitnessServer(Witness witness, HttpServer server, ExecutorService executor) {
        this.witness = witness;
        this.server = server;
        this.executor = executor;
        for (String origin : witness.origins()) {
            originsByHash.put(StateDirectory.originHash(origin), origin);
        }
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param witness the witness (the caller closes it after the server)
     * @param port the port, or 0 for any free one
     * @return the running server
     * @throws IOException if the port cannot be bound
     * @since 0.2
     */
    public static WitnessServer start(Witness witness, int port) throws IOException {
        return start(witness, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Starts serving on the given address.
     *
     * @param witness the witness (the caller closes it after the server)
     * @param address where to listen (port 0 for any free one)
     * @return the running server
     * @throws IOException if the address cannot be bound
     * @since 0.2
     */
    public static WitnessServer start(Witness witness, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(witness, "witness");
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "witness-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        WitnessServer witnessServer = new WitnessServer(witness, server, executor);
        server.createContext("/", witnessServer::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Witness {} listening on {}", witness.cosigner().name(), witnessServer.address());
        return witnessServer;
    }

    /**
     * The address the server listens on (with the actual port when it was started with port 0).
     *
     * @since 0.2
     */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * The base URL of the witness, the submission and monitoring prefix, such as {@code http://127.0.0.1:7380/}.
     *
     * @since 0.2
     */
    public URI url() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) {
        try {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/add-checkpoint")) {
                addCheckpoint(exchange);
            } else if (path.matches("/[0-9a-f]{64}/checkpoint")) {
                checkpoint(exchange, path.substring(1, 65));
            } else {
                respond(exchange, 404, TEXT, "not found\n");
            }
        } catch (IOException e) {
            LOG.debug("Witness request failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("Witness request failed", e);
            respondQuietly(exchange, 500, "internal error\n");
        } finally {
            exchange.close();
        }
    }

    private void addCheckpoint(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            respond(exchange, 405, TEXT, "add-checkpoint takes POST\n");
            return;
        }
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            respond(exchange, 413, TEXT, "the request body is larger than " + MAX_REQUEST_BYTES + " bytes\n");
            return;
        }
        AddCheckpointRequest request;
        try {
            request = AddCheckpointRequest.parse(decodeUtf8(body.get()));
        } catch (CharacterCodingException e) {
            respond(exchange, 400, TEXT, "the request body is not UTF-8\n");
            return;
        } catch (TlogException e) {
            respond(exchange, 400, TEXT, oneLine(e.getMessage()));
            return;
        }
        AddCheckpointResult result;
        try {
            result = witness.addCheckpoint(request);
        } catch (UncheckedIOException e) {
            LOG.error("Cannot record a checkpoint: {}", e.getMessage(), e.getCause());
            respond(exchange, 500, TEXT, "the witness cannot record the checkpoint\n");
            return;
        }
        if (result instanceof Cosigned cosigned) {
            respond(exchange, 200, TEXT, cosigned.cosignature().line());
        } else if (result instanceof Conflict conflict) {
            respond(exchange, 409, SIZE, conflict.latestSize() + "\n");
        } else {
            Refused refused = (Refused) result;
            LOG.debug("Refused a checkpoint ({}): {}", refused.httpStatus(), refused.message());
            respond(exchange, refused.httpStatus(), TEXT, oneLine(refused.message()));
        }
    }

    private void checkpoint(HttpExchange exchange, String originHash) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, TEXT, "checkpoint takes GET\n");
            return;
        }
        String origin = originsByHash.get(originHash);
        Optional<Note> note = origin == null ? Optional.empty() : witness.latestCheckpoint(origin);
        if (note.isEmpty()) {
            respond(exchange, 404, TEXT, "no checkpoint of this log has been cosigned\n");
            return;
        }
        respond(exchange, 200, TEXT, note.get().format());
    }

    /** The body, or empty if it is larger than {@link #MAX_REQUEST_BYTES}. */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_REQUEST_BYTES) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return body.length > MAX_REQUEST_BYTES ? Optional.empty() : Optional.of(body);
        }
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static String oneLine(String message) {
        return message.replace('\n', ' ') + "\n";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void respondQuietly(HttpExchange exchange, int status, String body) {
        try {
            respond(exchange, status, TEXT, body);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error response: {}", e.toString());
        }
    }

    /**
     * Stops serving: waits up to a second for requests in progress, then stops the threads. Does
     * not close the witness.
     *
     * @since 0.2
     */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Witness {} stopped", witness.cosigner().name());
    }
}
