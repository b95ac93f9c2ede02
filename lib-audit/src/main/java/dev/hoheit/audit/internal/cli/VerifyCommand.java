package dev.hoheit.audit.internal.cli;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.VerificationReport;
import dev.hoheit.audit.internal.ChainVerifier;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's verifier: checks an audit log straight in its database against checkpoints exported
 * earlier, without the application and without any data key.
 *
 * <pre>
 * java -p &lt;hoheit-audit and its dependencies, plus a JDBC driver&gt; \
 *      -m dev.hoheit.audit/dev.hoheit.audit.internal.cli.VerifyCommand \
 *      --jdbc-url jdbc:postgresql://db/smoffen --user auditor --password ... \
 *      --checkpoints checkpoints.jsonl [--public-key audit-signing.pub]
 * </pre>
 *
 * <p>Exit codes: 0 the log verifies, 1 problems were found, 2 the verifier could not run.
 */
public final class VerifyCommand {

    /** The log verifies. */
    public static final int OK = 0;
    /** The log has problems. */
    public static final int PROBLEMS = 1;
    /** The verifier could not run (bad arguments, no database). */
    public static final int ERROR = 2;

    private VerifyCommand() {
    }

    /** Runs the verifier and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the verifier; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(Arguments.USAGE);
            return ERROR;
        }
        try {
            List<Checkpoint> checkpoints = readCheckpoints(arguments.checkpoints());
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (Path file : arguments.publicKeys()) {
                PublicKey key = readPublicKey(file);
                keys.put(AuditKeys.keyIdOf(key), key);
            }
            if (keys.isEmpty()) {
                if (checkpoints.isEmpty()) {
                    err.println("error: no public key: pass --public-key or a checkpoint file with at least one checkpoint");
                    return ERROR;
                }
                for (Checkpoint checkpoint : checkpoints) {
                    keys.putIfAbsent(AuditKeys.keyIdOf(checkpoint.signingKey()), checkpoint.signingKey());
                }
                out.println("note: trusting the public key(s) embedded in " + arguments.checkpoints()
                        + "; pass --public-key to check them against the controller's published keys");
            }
            DriverManagerDataSource dataSource = new DriverManagerDataSource(arguments.jdbcUrl(), arguments.user(), arguments.password());
            VerificationReport report = new ChainVerifier(dataSource, keys).verify(List.of(), checkpoints);
            out.print(report.toText());
            return report.ok() ? OK : PROBLEMS;
        } catch (IOException | GeneralSecurityException | AuditException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ERROR;
        } catch (SQLException e) {
            err.println("error: cannot read the audit log (SQLSTATE " + e.getSQLState() + "): " + e.getMessage());
            return ERROR;
        }
    }

    private static List<Checkpoint> readCheckpoints(Path file) throws IOException {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                checkpoints.add(Checkpoint.fromJson(line));
            }
        }
        return checkpoints;
    }

    /** Reads an X.509 public key, as DER bytes or PEM text. */
    static PublicKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN PUBLIC KEY-----")) {
            String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            bytes = Base64.getDecoder().decode(base64);
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(bytes));
    }

    /** The parsed command line. */
    record Arguments(String jdbcUrl, String user, String password, Path checkpoints, List<Path> publicKeys) {

        static final String USAGE = "usage: VerifyCommand --jdbc-url URL [--user USER] [--password PASSWORD]"
                + " --checkpoints FILE [--public-key FILE]... (one --public-key per signing key, current and retired)";

        static Arguments parse(String[] args) {
            String url = null;
            String user = null;
            String password = null;
            Path checkpoints = null;
            List<Path> publicKeys = new ArrayList<>();
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
                    case "--checkpoints" -> checkpoints = Path.of(value);
                    case "--public-key" -> publicKeys.add(Path.of(value));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--jdbc-url is required");
            }
            if (checkpoints == null) {
                throw new IllegalArgumentException("--checkpoints is required (the checkpoints exported earlier, one JSON per line)");
            }
            return new Arguments(url, user, password, checkpoints, List.copyOf(publicKeys));
        }
    }
}
