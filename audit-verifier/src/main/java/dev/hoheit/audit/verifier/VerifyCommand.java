package dev.hoheit.audit.verifier;

import dev.hoheit.audit.AuditConfig;
import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.audit.internal.LogVerifier;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TlogException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The auditor's standalone verifier: checks a Hoheit audit log straight in its database, trusting
 * nothing the database holds. It trusts only the keys the auditor passes (the log's note verifier
 * keys or PEM public keys, the witnesses' cosignature verifier keys) and what it saw itself on
 * earlier runs, which it keeps in its own state directory: so it detects modified, inserted,
 * deleted or reordered entries, a cut head or tail, rewritten tiles, deleted or altered
 * checkpoints and cosignatures, a database restored from an older backup, a fork, purges that
 * removed entries too early or not as one contiguous prefix, and keys destroyed without an ERASE
 * entry (or an ERASE whose key still exists).
 *
 * <pre>
 * hoheit-audit verify --jdbc-url jdbc:postgresql://db/smoffen --user auditor --password-file pw [--schema hoheit] \
 *     --origin smoffen.example/audit --log-key log.vkey [--log-key retired.vkey] \
 *     [--witness-key witness.vkey --quorum 1] [--retention P365D] [--checkpoints exported.jsonl] \
 *     --state ~/.hoheit-verifier/smoffen
 * </pre>
 *
 * <p>Exit codes: 0 the log verifies, 1 problems were found (each printed with its position and
 * evidence), 2 the verifier could not run. The state advances only after a run without findings.
 */
public final class VerifyCommand {

    /** The log verifies. */
    public static final int OK = 0;
    /** The log has problems. */
    public static final int PROBLEMS = 1;
    /** The verifier could not run (bad arguments, no database). */
    public static final int ERROR = 2;

    static final String USAGE = """
            usage: verify --jdbc-url URL [--user USER] [--password PASSWORD | --password-file FILE] [--schema SCHEMA]
                          --origin ORIGIN (--log-key VKEY|FILE | --public-key PEM-FILE)...
                          [--witness-key VKEY|FILE]... [--quorum N] [--retention ISO-DURATION]
                          [--checkpoints JSONL-FILE]... --state DIRECTORY
              --schema       the schema the log's tables are in (AuditConfig.withSchema); default: the connection's
              --log-key      the log's note verifier key (<origin>+<key id>+<base64>), or a file holding one;
                             repeat it for retired signing keys
              --public-key   the log's Ed25519 public key (PEM or X.509 DER), named by --origin
              --witness-key  a witness's cosignature verifier key, or a file holding one
              --quorum       how many witnesses must have cosigned the newest checkpoint (default: all given)
              --retention    the published retention period (default P365D): purges of younger entries are findings
              --checkpoints  checkpoints exported earlier (JSON lines); each must be signed by a --log-key
              --state        where this verifier keeps what it saw (one directory per log; created on first run)
            No key is ever taken from the database or from exported files.""";

    private VerifyCommand() {
    }

    /** Runs the verifier and exits with its code. */
    public static void main(String[] args) {
        // jOOQ's banner and tips would mix with the report on the console.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        if (System.getProperty("logback.configurationFile") == null) {
            // The tools' log goes to standard error: standard output carries only the report.
            System.setProperty("logback.configurationFile", "META-INF/hoheit/witness/logback.xml");
        }
        System.exit(run(args, System.out, System.err, Clock.systemUTC()));
    }

    /** Runs the verifier; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException | IOException | GeneralSecurityException | TlogException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        try {
            Optional<VerifierState> state = VerifierState.load(arguments.state(), arguments.origin());
            List<Checkpoint> known = new ArrayList<>(arguments.checkpoints());
            List<LogVerifier.TimeMark> marks = new ArrayList<>();
            if (state.isPresent()) {
                known.add(state.get().checkpoint());
                marks.addAll(state.get().marks());
                out.println("state: last verified " + state.get().verifiedAt() + " at tree size " + state.get().checkpoint().size());
            } else {
                out.println("state: none yet in " + arguments.state() + " (first run: this run's result becomes the reference)");
            }
            LogVerifier.Trust trust = new LogVerifier.Trust(arguments.origin(), arguments.logKeys(), arguments.witnessKeys(),
                    arguments.quorum(), arguments.retention());
            DriverManagerDataSource dataSource = new DriverManagerDataSource(arguments.jdbcUrl(), arguments.user(), arguments.password());
            LogVerifier.Outcome outcome = new LogVerifier(dataSource, arguments.schema()).verify(trust, known, marks);
            VerificationReport report = outcome.report();
            out.print(report.toText());
            if (!report.ok()) {
                out.println("state not advanced: it still holds the last checkpoint that verified");
                return PROBLEMS;
            }
            Optional<Checkpoint> newest = outcome.newestCheckpoint();
            if (newest.isPresent() && (state.isEmpty() || newest.get().size() >= state.get().checkpoint().size())) {
                new VerifierState(arguments.origin(), newest.get(), outcome.marks(), clock.instant()).save(arguments.state());
                out.println("state: saved tree size " + newest.get().size() + " as the reference for the next run");
            } else if (newest.isEmpty()) {
                out.println("note: the log has no checkpoint yet; nothing is signed, so nothing was saved");
            }
            return OK;
        } catch (IOException | AuditException | IllegalArgumentException | TlogException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (SQLException e) {
            err.println("error: cannot read the audit log (SQLSTATE " + e.getSQLState() + "): " + e.getMessage());
            return ERROR;
        }
    }

    /** The parsed command line. */
    record Arguments(String jdbcUrl, String user, String password, String origin, List<NoteVerifier> logKeys,
                     List<CosignatureVerifier> witnessKeys, int quorum, Duration retention, List<Checkpoint> checkpoints,
                     Path state, String schema) {

        static Arguments parse(String[] args) throws IOException, GeneralSecurityException {
            String url = null;
            String user = null;
            String password = null;
            String origin = null;
            List<String> logKeys = new ArrayList<>();
            List<Path> publicKeys = new ArrayList<>();
            List<CosignatureVerifier> witnesses = new ArrayList<>();
            Integer quorum = null;
            Duration retention = AuditConfig.DEFAULT_RETENTION;
            List<Path> checkpointFiles = new ArrayList<>();
            Path state = null;
            String schema = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--jdbc-url" -> url = value;
                    case "--user" -> user = value;
                    case "--password" -> password = value;
                    case "--password-file" -> password = Files.readString(Path.of(value), StandardCharsets.UTF_8).strip();
                    case "--origin" -> origin = value;
                    case "--log-key" -> logKeys.add(keyText(value));
                    case "--public-key" -> publicKeys.add(Path.of(value));
                    case "--witness-key" -> witnesses.add(CosignatureVerifier.parse(keyText(value)));
                    case "--quorum" -> quorum = number(name, value);
                    case "--retention" -> retention = duration(value);
                    case "--checkpoints" -> checkpointFiles.add(Path.of(value));
                    case "--state" -> state = Path.of(value);
                    case "--schema" -> schema = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            if (origin == null) {
                throw new IllegalArgumentException("--origin is required (the log's name, the first line of its checkpoints)");
            }
            if (state == null) {
                throw new IllegalArgumentException("--state is required (where this verifier keeps what it saw between runs)");
            }
            List<NoteVerifier> keys = new ArrayList<>();
            for (String key : logKeys) {
                NoteVerifier verifier = NoteVerifier.parse(key);
                if (!verifier.name().equals(origin)) {
                    throw new IllegalArgumentException("the log key " + verifier.name() + " is not named after the origin " + origin);
                }
                keys.add(verifier);
            }
            for (Path file : publicKeys) {
                keys.add(NoteVerifier.ed25519(origin, readPublicKey(file)));
            }
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("pass the log's keys with --log-key or --public-key: the verifier trusts no key"
                        + " from the database or from exports");
            }
            int required = quorum == null ? witnesses.size() : quorum;
            if (required < 0 || required > witnesses.size()) {
                throw new IllegalArgumentException("--quorum must be between 0 and the " + witnesses.size() + " --witness-key(s)");
            }
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (Path file : checkpointFiles) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        checkpoints.add(Checkpoint.fromJson(line));
                    }
                }
            }
            return new Arguments(url, user, password, origin, List.copyOf(keys), List.copyOf(witnesses), required, retention,
                    List.copyOf(checkpoints), state, schema);
        }

        /** A key given inline, or the first line of the file it names. */
        private static String keyText(String value) throws IOException {
            Path file = Path.of(value);
            if (!value.contains("+") && Files.isRegularFile(file)) {
                return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(file + " holds no key")).strip();
            }
            return value;
        }

        private static int number(String name, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, was " + value);
            }
        }

        private static Duration duration(String value) {
            try {
                Duration parsed = Duration.parse(value);
                if (parsed.isNegative() || parsed.isZero()) {
                    throw new IllegalArgumentException("--retention must be positive, was " + value);
                }
                return parsed;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--retention is an ISO-8601 duration such as P365D, was " + value);
            }
        }
    }

    /** Reads an X.509 Ed25519 public key, as DER bytes or PEM text. */
    static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PUBLIC KEY-----")) {
            bytes = Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
    }
}
