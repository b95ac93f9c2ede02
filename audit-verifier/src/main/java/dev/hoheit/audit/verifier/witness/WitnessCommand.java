package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TlogException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a witness from the command line:
 *
 * <pre>
 * java -p &lt;hoheit-audit-verifier, hoheit-audit and their dependencies&gt; \
 *      -m dev.hoheit.audit.verifier/dev.hoheit.audit.verifier.witness.WitnessCommand \
 *      --listen 127.0.0.1:7380 --state-dir /var/lib/hoheit-witness --key-file witness.key \
 *      --name witness.example.org/w1 --log 'example.org/audit=example.org/audit+1234abcd+AY...'
 * </pre>
 *
 * <p>{@code --key-file} is created with a new key if it does not exist (then {@code --name} is
 * required); see {@link WitnessKeyFile} for its format. {@code --log} is repeated for every log, and
 * for every key of a log. On start it prints the witness's cosignature verifier key and the address
 * it listens on, then serves until it is stopped (SIGTERM or SIGINT).
 *
 * <p>Exit codes: 0 after {@code --help}; 2 if it cannot start (bad arguments, unreadable key or
 * state); otherwise it runs until stopped.
 *
 * @since 0.2
 */
public final class WitnessCommand {

    /**
     * The exit code for bad arguments or a witness that could not start.
     *
     * @since 0.2
     */
    public static final int ERROR = 2;

    static final String USAGE = "usage: hoheit-witness [--help] [--listen HOST:PORT] --state-dir DIR --key-file FILE [--name NAME]"
            + " --log ORIGIN=VERIFIER_KEY [--log ...]\n"
            + "  --listen     where to listen (default 127.0.0.1:" + WitnessServer.DEFAULT_PORT + "; port 0 for any free port)\n"
            + "  --state-dir  where the latest cosigned checkpoint of every log is kept\n"
            + "  --key-file   the witness's private key (PRIVATE+KEY+<name>+<id>+<key>); created if missing\n"
            + "  --name       the witness's key name, such as witness.example.org/w1 (needed to create the key)\n"
            + "  --log        a log's origin and one of its Ed25519 note verifier keys; repeat for more logs or keys";

    private WitnessCommand() {
    }

    /**
     * Starts the witness and serves until the process is stopped; exits with {@value #ERROR} if it
     * cannot start, or prints the usage and exits with 0 for {@code --help}.
     *
     * @param args the command line
     * @throws InterruptedException if the waiting main thread is interrupted
     * @since 0.2
     */
    public static void main(String[] args) throws InterruptedException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            System.exit(0);
            return;
        }
        // Outside any package, so logback can read it from this module.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "META-INF/hoheit/witness/logback.xml");
        }
        Running running;
        try {
            running = start(args, System.out, System.err);
        } catch (StartException e) {
            System.exit(ERROR);
            return;
        }
        Running started = running;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "witness-shutdown"));
        new CountDownLatch(1).await();
    }

    /** A started witness and its server. */
    record Running(Witness witness, WitnessServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            try {
                witness.close();
            } catch (IOException e) {
                // The process is ending; the lock goes with it.
            }
        }
    }

    /** The witness could not start; the reason has been printed. */
    static final class StartException extends Exception {
        private static final long serialVersionUID = 1L;

        StartException(String message) {
            super(message);
        }
    }

    /**
     * Parses the arguments, opens the witness and starts its server, printing the verifier key and
     * the address to {@code out}, or the problem and the usage to {@code err}.
     */
    static Running start(String[] args, PrintStream out, PrintStream err) throws StartException {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException | TlogException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            throw new StartException(e.getMessage());
        }
        Witness witness = null;
        try {
            WitnessKeyFile.Key key = WitnessKeyFile.loadOrCreate(arguments.keyFile(), arguments.name());
            if (key.created()) {
                out.println("created a new witness key in " + arguments.keyFile());
            }
            Cosigner cosigner = Cosigner.ed25519(key.name(), key.keyPair());
            witness = Witness.open(new WitnessConfig(cosigner, arguments.logs(), arguments.stateDirectory(), Clock.systemUTC()));
            WitnessServer server = WitnessServer.start(witness, arguments.listen());
            out.println("witness " + cosigner.name());
            out.println("cosignature verifier key: " + cosigner.verifierKey());
            out.println("listening on " + server.address().getAddress().getHostAddress() + ":" + server.address().getPort());
            out.flush();
            return new Running(witness, server);
        } catch (IOException | TlogException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            closeQuietly(witness);
            throw new StartException(e.getMessage());
        }
    }

    private static void closeQuietly(Witness witness) {
        if (witness != null) {
            try {
                witness.close();
            } catch (IOException e) {
                // Already failing; the first problem is the one reported.
            }
        }
    }

    /** The parsed command line. */
    record Arguments(InetSocketAddress listen, Path stateDirectory, Path keyFile, String name, Map<String, List<NoteVerifier>> logs) {

        static Arguments parse(String[] args) {
            InetSocketAddress listen = new InetSocketAddress("127.0.0.1", WitnessServer.DEFAULT_PORT);
            Path stateDirectory = null;
            Path keyFile = null;
            String name = null;
            Map<String, List<NoteVerifier>> logs = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--listen" -> listen = address(value);
                    case "--state-dir" -> stateDirectory = Path.of(value);
                    case "--key-file" -> keyFile = Path.of(value);
                    case "--name" -> name = value;
                    case "--log" -> addLog(logs, value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (stateDirectory == null) {
                throw new IllegalArgumentException("--state-dir is required");
            }
            if (keyFile == null) {
                throw new IllegalArgumentException("--key-file is required");
            }
            if (logs.isEmpty()) {
                throw new IllegalArgumentException("at least one --log ORIGIN=VERIFIER_KEY is required");
            }
            return new Arguments(listen, stateDirectory, keyFile, name, logs);
        }

        private static InetSocketAddress address(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--listen takes HOST:PORT, not " + value);
            }
            String host = value.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--listen has no port number: " + value, e);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--listen port out of range: " + value);
            }
            return new InetSocketAddress(host, port);
        }

        /** ORIGIN=KEY: origins and key names may contain '=', so the split is the first one whose right side is a key. */
        private static void addLog(Map<String, List<NoteVerifier>> logs, String value) {
            TlogException last = null;
            for (int equals = value.indexOf('='); equals > 0; equals = value.indexOf('=', equals + 1)) {
                try {
                    NoteVerifier key = NoteVerifier.parse(value.substring(equals + 1));
                    logs.computeIfAbsent(value.substring(0, equals), origin -> new ArrayList<>()).add(key);
                    return;
                } catch (TlogException e) {
                    last = e;
                }
            }
            throw new IllegalArgumentException("--log takes ORIGIN=VERIFIER_KEY, not " + value
                    + (last == null ? "" : " (" + last.getMessage() + ")"));
        }
    }
}
