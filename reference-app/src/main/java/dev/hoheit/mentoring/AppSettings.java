package dev.hoheit.mentoring;

import dev.hoheit.audit.WitnessEndpoint;
import dev.hoheit.mentoring.core.AppLimits;
import dev.hoheit.mentoring.notification.Mailer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the app is started, from environment variables (and {@code --demo}). Every setting has a
 * default that works on a fresh machine: H2 in {@code ./data}, port 7070.
 *
 * @param dataDir where the embedded database and the keys live ({@code HOHEIT_DATA_DIR}, default {@code ./data})
 * @param host the address the HTTP server binds ({@code HOHEIT_HOST}, default {@code 127.0.0.1}: this machine
 *        only; {@code 0.0.0.0} binds every IPv4 interface, behind a TLS proxy or firewall)
 * @param port the HTTP port ({@code HOHEIT_PORT}, default 7070; 0 picks a free one)
 * @param dbUrl a JDBC URL to use instead of the embedded H2 ({@code HOHEIT_DB_URL})
 * @param dbUser the database user ({@code HOHEIT_DB_USER})
 * @param dbPassword the database password ({@code HOHEIT_DB_PASSWORD})
 * @param masterKeyFile the AES-256 master key ({@code HOHEIT_MASTER_KEY_FILE}, default {@code <dataDir>/keys/app-master.key})
 * @param operatorPassword the first operator's password ({@code HOHEIT_OPERATOR_PASSWORD}); generated when absent
 * @param demo whether to seed demo accounts ({@code --demo} or {@code HOHEIT_DEMO=true})
 * @param behindTls whether a TLS proxy fronts the app ({@code HOHEIT_BEHIND_TLS=true}): Secure cookies and HSTS (R16)
 * @param auditOrigin the audit log's name in its checkpoints ({@code HOHEIT_AUDIT_ORIGIN}, default {@code smoffen.local/audit})
 * @param auditWitnesses the witnesses checkpoints go to ({@code HOHEIT_AUDIT_WITNESSES}: entries
 *                       {@code <url>=<cosignature verifier key>}, separated by spaces)
 * @param auditWitnessQuorum how many of them must cosign ({@code HOHEIT_AUDIT_WITNESS_QUORUM}, default all)
 * @param researchMinGroup the research export's smallest published group ({@code HOHEIT_RESEARCH_MIN_GROUP}, default
 *        and minimum 10): cells with fewer people are suppressed (R20)
 * @param mail SMTP for the optional e-mail copies of notifications ({@code HOHEIT_SMTP_HOST}, {@code HOHEIT_SMTP_PORT}
 *        (587), {@code HOHEIT_SMTP_FROM}, {@code HOHEIT_SMTP_USER}, {@code HOHEIT_SMTP_PASSWORD}, {@code HOHEIT_SMTP_STARTTLS}
 *        (true)); without a host no e-mail is sent
 * @param limits what a client, an account and a picture may cost ({@link AppLimits}: {@code HOHEIT_REGISTRATIONS_PER_HOUR},
 *        {@code HOHEIT_SMOFF_ENTRIES_PER_DAY}, {@code HOHEIT_PICTURES_PER_ACCOUNT}, {@code HOHEIT_MESSAGES_PER_MINUTE},
 *        {@code HOHEIT_PICTURE_DECODES}, {@code HOHEIT_PICTURE_MEMORY_MB})
 */
public record AppSettings(Path dataDir, String host, int port, Optional<String> dbUrl, Optional<String> dbUser,
                          Optional<String> dbPassword, Path masterKeyFile, Optional<String> operatorPassword,
                          boolean demo, boolean behindTls, String auditOrigin, List<WitnessEndpoint> auditWitnesses,
                          int auditWitnessQuorum, int researchMinGroup, Optional<Mailer.Settings> mail,
                          AppLimits limits) {

    /** Reads the settings from {@code env} and the command line. */
    public static AppSettings from(Map<String, String> env, String[] args) {
        Path dataDir = Path.of(value(env, "HOHEIT_DATA_DIR").orElse("data")).toAbsolutePath().normalize();
        int port;
        try {
            port = Integer.parseInt(value(env, "HOHEIT_PORT").orElse("7070"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HOHEIT_PORT must be a number, was " + env.get("HOHEIT_PORT"), e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HOHEIT_PORT must be between 0 and 65535, was " + port);
        }
        String host = host(value(env, "HOHEIT_HOST").orElse(DEFAULT_HOST));
        Path masterKey = value(env, "HOHEIT_MASTER_KEY_FILE").map(Path::of)
                .orElse(dataDir.resolve("keys").resolve("app-master.key"));
        boolean demo = Arrays.asList(args).contains("--demo") || "true".equalsIgnoreCase(env.get("HOHEIT_DEMO"));
        List<WitnessEndpoint> witnesses = witnesses(value(env, "HOHEIT_AUDIT_WITNESSES").orElse(""));
        int quorum;
        try {
            quorum = value(env, "HOHEIT_AUDIT_WITNESS_QUORUM").map(Integer::parseInt).orElse(witnesses.size());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HOHEIT_AUDIT_WITNESS_QUORUM must be a number", e);
        }
        if (quorum < 0 || quorum > witnesses.size()) {
            throw new IllegalArgumentException("HOHEIT_AUDIT_WITNESS_QUORUM must be between 0 and the " + witnesses.size()
                    + " witness(es) in HOHEIT_AUDIT_WITNESSES, was " + quorum);
        }
        int researchMinGroup;
        try {
            researchMinGroup = value(env, "HOHEIT_RESEARCH_MIN_GROUP").map(Integer::parseInt).orElse(10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HOHEIT_RESEARCH_MIN_GROUP must be a number", e);
        }
        if (researchMinGroup < 10 || researchMinGroup > 1_000_000) {
            throw new IllegalArgumentException("HOHEIT_RESEARCH_MIN_GROUP must be at least 10 (smaller groups could single people out), was "
                    + researchMinGroup);
        }
        return new AppSettings(dataDir, host, port, value(env, "HOHEIT_DB_URL"), value(env, "HOHEIT_DB_USER"),
                value(env, "HOHEIT_DB_PASSWORD"), masterKey, value(env, "HOHEIT_OPERATOR_PASSWORD"), demo,
                "true".equalsIgnoreCase(env.get("HOHEIT_BEHIND_TLS")),
                value(env, "HOHEIT_AUDIT_ORIGIN").orElse("smoffen.local/audit"), witnesses, quorum, researchMinGroup, mail(env),
                AppLimits.from(env));
    }

    /** Where the app listens unless {@code HOHEIT_HOST} says otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * {@code HOHEIT_HOST}: an IP address or a host name without port or scheme. Checked here, so a typo
     * fails with the variable's name instead of as a bind error deep in the web server.
     */
    private static String host(String setting) {
        if (!setting.matches("[A-Za-z0-9.:\\-]+|\\[[0-9A-Fa-f:.]+]")) {
            throw new IllegalArgumentException("HOHEIT_HOST must be an IP address or a host name (no scheme or port), was " + setting);
        }
        String bare = setting.startsWith("[") ? setting.substring(1, setting.length() - 1) : setting;
        try {
            java.net.InetAddress.getByName(bare);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("HOHEIT_HOST names no address of this machine: " + setting, e);
        }
        return bare;
    }

    /**
     * The address to open in a browser: the bound host, or {@code localhost} when the app binds every
     * interface or this machine's loopback.
     */
    public String browserHost() {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost")) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** SMTP settings, when {@code HOHEIT_SMTP_HOST} is set. */
    private static Optional<Mailer.Settings> mail(Map<String, String> env) {
        Optional<String> host = value(env, "HOHEIT_SMTP_HOST");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port;
        try {
            port = Integer.parseInt(value(env, "HOHEIT_SMTP_PORT").orElse("587"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HOHEIT_SMTP_PORT must be a number", e);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("HOHEIT_SMTP_PORT must be between 1 and 65535, was " + port);
        }
        String from = value(env, "HOHEIT_SMTP_FROM")
                .orElseThrow(() -> new IllegalArgumentException("HOHEIT_SMTP_FROM (the sender address) is needed with HOHEIT_SMTP_HOST"));
        return Optional.of(new Mailer.Settings(host.get(), port, from, value(env, "HOHEIT_SMTP_USER"), value(env, "HOHEIT_SMTP_PASSWORD"),
                !"false".equalsIgnoreCase(env.get("HOHEIT_SMTP_STARTTLS"))));
    }

    /** {@code <url>=<verifier key> ...}: the witnesses of the audit log. */
    private static List<WitnessEndpoint> witnesses(String setting) {
        List<WitnessEndpoint> witnesses = new ArrayList<>();
        for (String entry : setting.trim().split("\\s+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("HOHEIT_AUDIT_WITNESSES entries are <url>=<verifier key>, was " + entry);
            }
            try {
                witnesses.add(new WitnessEndpoint(URI.create(entry.substring(0, equals)), entry.substring(equals + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("HOHEIT_AUDIT_WITNESSES: " + e.getMessage(), e);
            }
        }
        return List.copyOf(witnesses);
    }

    /** The same settings on another port. */
    public AppSettings withPort(int newPort) {
        return new AppSettings(dataDir, host, newPort, dbUrl, dbUser, dbPassword, masterKeyFile, operatorPassword, demo, behindTls,
                auditOrigin, auditWitnesses, auditWitnessQuorum, researchMinGroup, mail,
                limits);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return "AppSettings[dataDir=" + dataDir + ", port=" + port + ", database=" + dbUrl.map(u -> u.replaceAll("password=[^&;]*", "password=***"))
                .orElse("embedded H2") + ", demo=" + demo + ", behindTls=" + behindTls
                + ", mail=" + mail.map(m -> m.host() + ":" + m.port()).orElse("off") + "]";
    }
}
