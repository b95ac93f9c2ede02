package dev.hoheit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.mentoring.AppSettings;
import dev.hoheit.mentoring.SmoffenApp;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What auditing costs a request of the reference app: a mentor's view of a mentee's Smoff-Time
 * ({@code GET /api/mentees/{id}/smoff-sessions}: grant check, the VIEW event appended in the request's
 * transaction, the entries decrypted, the commit) against the same request of a second app whose
 * audit log skips appends ({@link AppendsSkipped}), both on PostgreSQL, calls alternating.
 *
 * <p>Run it with {@code benchmarks/run-mentor-view-benchmark.sh}.
 */
public final class MentorViewBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MentorViewBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR_PASSWORD = "operator-bench-secret-1";

    /** One started app with a mentor allowed to see one mentee's Smoff-Time. */
    private record Setup(SmoffenApp app, Client mentor, String menteeId) {
    }

    /**
     * Runs the benchmark once, prints the results and writes them to {@code -Dbench.results} if set.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        BenchSettings settings = BenchSettings.fromSystem();
        int warmup = Integer.getInteger("bench.viewWarmup", settings.quick() ? 200 : 1_000);
        int calls = Integer.getInteger("bench.views", settings.quick() ? 500 : 3_000);
        Report report = new Report("Reference app: what auditing costs a mentor's view (PostgreSQL)");
        Instant started = Instant.now();
        try (BenchDatabase audited = BenchDatabase.open(settings); BenchDatabase skipped = audited.sibling("noaudit", 2)) {
            report.machine("date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC); source revision: " + settings.revision());
            for (String line : MachineInfo.describe(audited)) {
                report.machine(line);
            }
            report.setting(warmup + " warm-up + " + calls + " measured calls on each app, alternating (bench.viewWarmup, bench.views);"
                    + " the mentee has 20 Smoff-Time entries; one HTTP client per app, sequential calls");
            report.setting("both apps in this JVM, each on its own schema and its own connection pool (the app's own settings)");
            Setup real = setUp(settings, audited.schema(), UnaryOperator.identity());
            Setup baseline = setUp(settings, skipped.schema(), AppendsSkipped::new);
            try {
                String realPath = "/api/mentees/" + real.menteeId() + "/smoff-sessions";
                String basePath = "/api/mentees/" + baseline.menteeId() + "/smoff-sessions";
                Latencies withAudit = new Latencies();
                Latencies without = new Latencies();
                for (int c = 0; c < warmup + calls; c++) {
                    long t0 = System.nanoTime();
                    expect200(real.mentor().get(realPath));
                    long t1 = System.nanoTime();
                    expect200(baseline.mentor().get(basePath));
                    long t2 = System.nanoTime();
                    if (c >= warmup) {
                        withAudit.add(t1 - t0);
                        without.add(t2 - t1);
                    }
                }
                double p50 = withAudit.millis(50);
                double p50Base = without.millis(50);
                report.row(new Report.Row("Audited mentor view (GET /api/mentees/{id}/smoff-sessions)", "p50 per request",
                        Latencies.ms(p50) + " ms", Latencies.ms(p50Base) + " ms (the same request, appends skipped)",
                        Report.ratio(p50, p50Base, false), "ratio <= 1.1", Report.Verdict.of(p50 <= 1.1 * p50Base)));
                report.row(new Report.Row("Audited mentor view (GET /api/mentees/{id}/smoff-sessions)", "p99 per request",
                        Latencies.ms(withAudit.millis(99)) + " ms", Latencies.ms(without.millis(99)) + " ms",
                        Report.ratio(withAudit.millis(99), without.millis(99), false), "report", Report.Verdict.NONE));
                report.detail("Mentor view", "audited " + withAudit.summary() + "; appends skipped " + without.summary());
            } finally {
                real.app().close();
                baseline.app().close();
            }
        }
        report.detail("Run", "whole run took " + Report.seconds(Duration.between(started, Instant.now()).toMillis() / 1000.0));
        out.println(report.console());
        if (settings.results() != null) {
            report.writeMarkdown(settings.results(), "Generated by `benchmarks/run-mentor-view-benchmark.sh`"
                    + " (`dev.hoheit.benchmarks.MentorViewBenchmark`); every figure below is copied from the run's own output.");
            out.println("Results written to " + settings.results());
        }
    }

    private static Setup setUp(BenchSettings settings, String schema, UnaryOperator<dev.hoheit.audit.AuditLog> audit) throws IOException {
        Map<String, String> environment = new HashMap<>();
        String url = settings.jdbcUrl() + (settings.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        environment.put("HOHEIT_DB_URL", url);
        if (settings.user() != null) {
            environment.put("HOHEIT_DB_USER", settings.user());
        }
        if (settings.password() != null) {
            environment.put("HOHEIT_DB_PASSWORD", settings.password());
        }
        environment.put("HOHEIT_DATA_DIR", Files.createTempDirectory("smoffen-bench").toString());
        environment.put("HOHEIT_PORT", "0");
        environment.put("HOHEIT_OPERATOR_PASSWORD", OPERATOR_PASSWORD);
        SmoffenApp app = SmoffenApp.start(AppSettings.from(environment, new String[0]), audit);
        URI base = URI.create("http://127.0.0.1:" + app.port() + "/");
        Client mentee = new Client(base);
        String menteeId = mentee.register("bench-mia", "correct horse bench 1").get("id").asText();
        mentee.signIn("bench-mia", "correct horse bench 1");
        for (int i = 0; i < 20; i++) {
            expect(201, mentee.post("/api/me/smoff-sessions", Map.of("kind", "day", "date", "2026-02-" + String.format(Locale.ROOT, "%02d", 1 + i),
                    "minutes", 5 + i, "note", "Tagesplan " + i)));
        }
        Client mentor = new Client(base);
        String mentorId = mentor.register("bench-max", "correct horse bench 2").get("id").asText();
        mentor.signIn("bench-max", "correct horse bench 2");
        Client operator = new Client(base);
        operator.signIn("operator", OPERATOR_PASSWORD);
        expect(200, operator.put("/api/operator/mentors/" + mentorId));
        mentor.acceptTerms();
        expect(201, operator.post("/api/operator/assignments", Map.of("mentee", "bench-mia", "mentor", "bench-max", "scope", "smoff-time-mentor")));
        String grantId = json(mentee.get("/api/me/mentors")).get("mentors").get(0).get("id").asText();
        expect(200, mentee.post("/api/me/mentors/" + grantId + "/accept", Map.of()));
        LOG.info("App on schema {} ready: a mentor allowed to see a mentee's Smoff-Time", schema);
        return new Setup(app, mentor, menteeId);
    }

    private static void expect200(HttpResponse<String> response) {
        expect(200, response);
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new BenchmarkException("expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One browser: its cookies and CSRF token. */
    private static final class Client {
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private String csrf;

        Client(URI base) {
            this.base = base;
        }

        JsonNode register(String nickname, String password) {
            HttpResponse<String> response = post("/api/accounts", Map.of("nickname", nickname, "password", password, "consents",
                    Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false)));
            expect(201, response);
            return json(response);
        }

        void signIn(String nickname, String password) {
            HttpResponse<String> response = post("/api/session", Map.of("nickname", nickname, "password", password));
            expect(200, response);
            csrf = json(response).get("csrfToken").asText();
            acceptTerms();
        }

        /** Decides the notices of the account's roles not decided yet: required ones agreed, optional ones refused. */
        void acceptTerms() {
            for (JsonNode consent : json(get("/api/me/consents")).get("consents")) {
                if ("undecided".equals(consent.get("status").asText())) {
                    expect(200, post("/api/me/consents", Map.of("purpose", consent.get("purpose").asText(),
                            "granted", consent.get("required").asBoolean())));
                }
            }
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> put(String path) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.noBody())));
        }

        HttpResponse<String> post(String path, Object body) {
            try {
                return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
            return csrf == null ? request : request.header("X-CSRF-Token", csrf);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkException("interrupted");
            }
        }
    }
}
