package dev.hoheit.audit.internal.witness;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.TlogException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits checkpoints to a witness (c2sp.org/tlog-witness {@code add-checkpoint}) and tells what
 * it answered. It does not verify the cosignatures: the caller checks them with the witness's
 * {@code CosignatureVerifier}, ignoring lines from unknown keys.
 */
public final class WitnessClient {

    private static final Logger LOG = LoggerFactory.getLogger(WitnessClient.class);

    /** The most response bytes read from a witness; a few cosignature lines are far smaller. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    private static final int MAX_MESSAGE_CHARACTERS = 500;

    private final HttpClient client;
    private final Duration timeout;

    /** What a witness answered. */
    public sealed interface Result permits Cosigned, Conflict, Refused, Invalid, Unreachable {
    }

    /** 200: the witness cosigned; its signature lines, parsed but not verified. */
    public record Cosigned(List<NoteSignature> cosignatures) implements Result {
        public Cosigned {
            cosignatures = List.copyOf(cosignatures);
        }
    }

    /** 409: the old size was not the witness's latest cosigned size, which is {@code latestSize}. */
    public record Conflict(long latestSize) implements Result {
    }

    /**
     * The witness refused the checkpoint: 400 malformed request, 403 no verifying log signature,
     * 404 unknown origin, 422 inconsistent with what it saw, or any other status.
     */
    public record Refused(int status, String message) implements Result {
    }

    /** The witness answered, but not as the protocol says (a 200 without signature lines, a 409 without a size). */
    public record Invalid(int status, String problem) implements Result {
    }

    /** No answer: connection failure, timeout, or the caller was interrupted. */
    public record Unreachable(String reason) implements Result {
    }

    /**
     * A client.
     *
     * @param client the HTTP client (shared, for keep-alive connections)
     * @param timeout how long one request may take
     */
    public WitnessClient(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
    }

    /**
     * POSTs {@code request} to {@code <witnessBaseUrl>/add-checkpoint}.
     *
     * @param witnessBaseUrl the witness's submission prefix, such as {@code https://witness.example/}
     * @param request the request
     * @return what the witness answered
     */
    public Result addCheckpoint(URI witnessBaseUrl, AddCheckpointRequest request) {
        URI uri = endpoint(witnessBaseUrl);
        HttpRequest httpRequest = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(request.format(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(httpRequest, info -> new LimitedBody(MAX_RESPONSE_BYTES));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the response headers; this covers the body as well.
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            LOG.debug("Witness {} did not answer within {}", uri, timeout);
            return new Unreachable("no answer within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.debug("Witness {} unreachable: {}", uri, cause.toString());
            return new Unreachable(cause.toString());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Unreachable("interrupted while waiting for the witness");
        }
        Result result = interpret(response.statusCode(), response.body());
        LOG.debug("Witness {} answered {} for old size {}", uri, response.statusCode(), request.oldSize());
        return result;
    }

    static URI endpoint(URI base) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text + "add-checkpoint" : text + "/add-checkpoint");
    }

    static Result interpret(int status, byte[] body) {
        if (body.length > MAX_RESPONSE_BYTES) {
            return new Invalid(status, "the response has more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (status == 200) {
            return cosigned(text);
        }
        if (status == 409) {
            return conflict(text);
        }
        return new Refused(status, shorten(text.strip()));
    }

    private static Result cosigned(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            return new Invalid(200, "the response is not signature lines ending in a newline");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start) + 1;
            try {
                signatures.add(NoteSignature.parse(text.substring(start, end)));
            } catch (TlogException e) {
                return new Invalid(200, "line " + (signatures.size() + 1) + " is not a signature line: " + e.getMessage());
            }
            start = end;
        }
        return new Cosigned(signatures);
    }

    private static Result conflict(String text) {
        if (text.endsWith("\n")) {
            String digits = text.substring(0, text.length() - 1);
            if (digits.matches("0|[1-9][0-9]{0,18}")) {
                try {
                    return new Conflict(Long.parseLong(digits));
                } catch (NumberFormatException e) {
                    return new Invalid(409, "the size is too large");
                }
            }
        }
        return new Invalid(409, "the response is not a tree size and a newline: " + shorten(text));
    }

    /** Collects at most {@code limit} bytes, then one more to show the excess, and stops reading. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit + 1 - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() > limit) {
                subscription.cancel();
                body.complete(bytes.toByteArray());
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }

    private static String shorten(String text) {
        return text.length() > MAX_MESSAGE_CHARACTERS ? text.substring(0, MAX_MESSAGE_CHARACTERS) + "..." : text;
    }
}
