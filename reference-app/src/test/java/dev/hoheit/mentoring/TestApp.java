package dev.hoheit.mentoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.mentoring.crypto.PasswordHasher;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Smoffen on a test database and a free port, and a browser-like HTTP client (cookies kept). */
final class TestApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final SmoffenApp app;
    final MutableClock clock;
    final Path dataDir;
    /**
     * Passwords the sign-in helpers changed at a forced change (operator-issued ones), by nickname and
     * the password the test knows: later sign-ins with that password use the new one.
     */
    final Map<String, String> renewedPasswords = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.time.Instant START = java.time.Instant.parse("2026-03-02T08:00:00Z");

    /** The app with optional command-line arguments, such as {@code --demo}, its clock at 2026-03-02 08:00 UTC. */
    TestApp(TestDatabase db, String... arguments) {
        this(db, START, arguments);
    }

    /** The app with more settings (such as {@code HOHEIT_AUDIT_WITNESSES}), its clock at 2026-03-02 08:00 UTC. */
    TestApp(TestDatabase db, Map<String, String> settings) {
        this(db, MutableClock.at(START), newDataDir(), settings);
    }

    /**
     * The app with its clock starting at {@code start}: browser tests start at the real now, since the
     * browser's date fields and charts use the real today, and a clock moved after the start would make
     * the retention schedule look missed.
     */
    TestApp(TestDatabase db, java.time.Instant start, String... arguments) {
        this(db, MutableClock.at(start), newDataDir(), Map.of(), arguments);
    }

    /** The app on {@code dataSource} (a fault-injecting wrapper of {@code db}'s), its clock at 2026-03-02 08:00 UTC. */
    TestApp(javax.sql.DataSource dataSource) {
        this(dataSource, MutableClock.at(START), newDataDir(), Map.of());
    }

    /** A second instance of {@code other}'s installation: the same database, data folder (keys) and clock. */
    TestApp(TestDatabase db, TestApp other) {
        this(db, other.clock, other.dataDir, Map.of());
    }

    private TestApp(TestDatabase db, MutableClock clock, Path dataDir, Map<String, String> more, String... arguments) {
        this(db.dataSource(), clock, dataDir, more, arguments);
    }

    private TestApp(javax.sql.DataSource dataSource, MutableClock clock, Path dataDir, Map<String, String> more, String... arguments) {
        this.clock = clock;
        this.dataDir = dataDir;
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.putAll(Map.of("HOHEIT_DATA_DIR", dataDir.toString(), "HOHEIT_PORT", "0",
                "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"));
        // Tests register and write far more from one address and account than people do; CostLimitTest sets its own.
        for (String limit : java.util.List.of("HOHEIT_REGISTRATIONS_PER_HOUR", "HOHEIT_SMOFF_ENTRIES_PER_DAY", "HOHEIT_PICTURES_PER_ACCOUNT",
                "HOHEIT_MESSAGES_PER_MINUTE")) {
            environment.putIfAbsent(limit, "100000");
        }
        AppSettings settings = AppSettings.from(environment, arguments);
        app = SmoffenApp.start(settings, dataSource, clock, new PasswordHasher(8_192, 1));
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("smoffen-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Client client() {
        Client client = new Client(URI.create("http://127.0.0.1:" + app.port()));
        client.renewed = renewedPasswords;
        return client;
    }

    @Override
    public void close() {
        app.close();
    }

    /** One browser: its own cookies and CSRF token. */
    static final class Client {
        final URI base;
        final HttpClient http;
        String csrf;
        Map<String, String> renewed = new java.util.HashMap<>();

        Client(URI base) {
            this(base, new CookieManager());
        }

        private Client(URI base, CookieManager cookies) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        /** Another tab of the same browser: the session cookie is shared, the CSRF token (tab storage) is not. */
        Client anotherTab() {
            CookieManager shared = (CookieManager) http.cookieHandler().orElseThrow();
            Client tab = new Client(base, new CookieManager(shared.getCookieStore(), java.net.CookiePolicy.ACCEPT_ORIGINAL_SERVER));
            tab.renewed = renewed;
            return tab;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        HttpResponse<String> post(String path, String json) {
            HttpResponse<String> response = send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))));
            if (path.equals("/api/accounts") && response.statusCode() == 201) {
                csrf = json(response).get("csrfToken").asText(); // registering signs in, as in the console
            }
            return response;
        }

        HttpResponse<String> post(String path, Object body) {
            return post(path, write(body));
        }

        HttpResponse<String> patch(String path, Object body) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body)))));
        }

        HttpResponse<String> delete(String path, Object body) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString(write(body)))));
        }

        HttpResponse<byte[]> getBytes(String path) {
            try {
                return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> put(String path, Object body) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(write(body)))));
        }

        HttpResponse<String> upload(String path, String contentType, byte[] bytes) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
        }

        HttpResponse<String> put(String path) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).PUT(HttpRequest.BodyPublishers.noBody())));
        }

        HttpResponse<String> delete(String path) {
            return send(withCsrf(HttpRequest.newBuilder(base.resolve(path)).DELETE()));
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
            return csrf == null ? request : request.header("X-CSRF-Token", csrf);
        }

        /** Registers a mentee granting the required consents and refusing the optional ones. */
        HttpResponse<String> register(String nickname, String password) {
            return post("/api/accounts", Map.of("nickname", nickname, "password", password, "consents",
                    Map.of("privacy-policy", true, "terms-mentee", true, "research-anonymised", false, "product-news", false)));
        }

        /**
         * Signs in and, like the console's first page, decides the notices of the account's roles it
         * has not decided yet: agrees to the required ones, refuses the optional ones.
         */
        HttpResponse<String> signIn(String nickname, String password) {
            HttpResponse<String> response = signInOnly(nickname, password);
            if (response.statusCode() == 200) {
                acceptTerms();
            }
            return response;
        }

        /**
         * Signs in and decides nothing. A password issued by the operator must be changed first: this
         * changes it to {@link #renewed(String)} of it, which later sign-ins with the same password use.
         */
        HttpResponse<String> signInOnly(String nickname, String password) {
            String actual = renewed.getOrDefault(renewedKey(nickname, password), password);
            HttpResponse<String> response = post("/api/session", Map.of("nickname", nickname, "password", actual));
            if (response.statusCode() == 200) {
                csrf = json(response).get("csrfToken").asText();
                if (json(response).path("passwordChangeRequired").asBoolean()) {
                    HttpResponse<String> changed = post("/api/me/password", Map.of("currentPassword", actual, "newPassword", renewed(actual)));
                    if (changed.statusCode() != 200) {
                        throw new IllegalStateException("cannot do the forced password change of " + nickname + ": " + changed.body());
                    }
                    renewed.put(renewedKey(nickname, password), renewed(actual));
                }
            }
            return response;
        }

        /** The password the account has now: {@code password}, or what a forced change made of it. */
        String currentPassword(String nickname, String password) {
            return renewed.getOrDefault(renewedKey(nickname, password), password);
        }

        /** Decides every notice of the account's roles not decided yet (after a role was given, say). */
        void acceptTerms() {
            for (JsonNode consent : json(get("/api/me/consents")).get("consents")) {
                if ("undecided".equals(consent.get("status").asText())) {
                    HttpResponse<String> decided = post("/api/me/consents", Map.of("purpose", consent.get("purpose").asText(),
                            "granted", consent.get("required").asBoolean()));
                    if (decided.statusCode() != 200) {
                        throw new IllegalStateException("cannot decide " + consent + ": " + decided.body());
                    }
                }
            }
        }
    }

    /** The password the sign-in helpers choose at a forced change of {@code password}. */
    static String renewed(String password) {
        return password + " renewed";
    }

    static String renewedKey(String nickname, String password) {
        return nickname.strip().toLowerCase(java.util.Locale.ROOT) + "\n" + password;
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
