package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.internal.witness.WitnessClient;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness command, run in this JVM. */
class WitnessCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TestLog log = new TestLog("example.com/log");
    private final WitnessClient client = new WitnessClient(HttpClient.newHttpClient(), Duration.ofSeconds(10));

    private WitnessCommand.Running start(String... args) throws WitnessCommand.StartException {
        return WitnessCommand.start(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0",
                "--state-dir", directory.resolve("state").toString(),
                "--key-file", directory.resolve("witness.key").toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static String printed(String output, String prefix) {
        return output.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError("no line starting with \"" + prefix + "\" in\n" + output));
    }

    @Test
    void the_command_creates_its_key_prints_its_verifier_key_and_cosigns() throws Exception {
        String verifierKey;
        try (WitnessCommand.Running running = start(args("--name", "witness.example/w1", "--log", log.origin() + "=" + log.verifier().verifierKey()))) {
            String output = out.toString(StandardCharsets.UTF_8);
            assertTrue(output.contains("created a new witness key"), output);
            verifierKey = printed(output, "cosignature verifier key: ");
            CosignatureVerifier verifier = CosignatureVerifier.parse(verifierKey);
            assertEquals("witness.example/w1", verifier.name());
            URI url = URI.create("http://" + printed(output, "listening on ") + "/");
            WitnessClient.Cosigned cosigned = assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(url, log.request(0, 3)));
            assertTrue(verifier.verify(log.checkpoint(3).text(), cosigned.cosignatures().get(0)).isPresent());
        }
        out.reset();
        try (WitnessCommand.Running running = start(args("--log", log.origin() + "=" + log.verifier().verifierKey()))) {
            String output = out.toString(StandardCharsets.UTF_8);
            assertEquals(verifierKey, printed(output, "cosignature verifier key: "), "the key file is reused");
            URI url = URI.create("http://" + printed(output, "listening on ") + "/");
            assertEquals(3, assertInstanceOf(WitnessClient.Conflict.class, client.addCheckpoint(url, log.request(0, 5))).latestSize());
        }
    }

    @Test
    void a_log_may_have_several_keys_and_an_origin_may_contain_an_equals_sign() throws Exception {
        TestLog odd = new TestLog("example.com/log?v=1");
        TestLog rotated = new TestLog(log.origin());
        String[] args = args("--name", "w", "--log", log.origin() + "=" + log.verifier().verifierKey(),
                "--log", log.origin() + "=" + rotated.verifier().verifierKey(),
                "--log", odd.origin() + "=" + odd.verifier().verifierKey());
        try (WitnessCommand.Running running = start(args)) {
            assertEquals(List.of(log.origin(), odd.origin()), running.witness().origins());
            URI url = running.server().url();
            assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(url, log.request(0, 3)));
            // The log's new key signs the next checkpoint of the same tree.
            assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(url, rotated.request(3, 4)));
            assertInstanceOf(WitnessClient.Refused.class, client.addCheckpoint(url, new TestLog(log.origin()).request(4, 5)),
                    "a third key is not trusted");
            assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(url, odd.request(0, 1)));
        }
    }

    @Test
    void bad_arguments_print_the_problem_and_the_usage() {
        String key = log.origin() + "=" + log.verifier().verifierKey();
        List<String[]> bad = List.of(
                new String[] {},
                new String[] {"--state-dir"},
                new String[] {"--state-dir", "s", "--log", key},
                new String[] {"--key-file", "k", "--log", key},
                new String[] {"--state-dir", "s", "--key-file", "k"},
                new String[] {"--state-dir", "s", "--key-file", "k", "--log", "example.com/log"},
                new String[] {"--state-dir", "s", "--key-file", "k", "--log", "example.com/log=nokey"},
                new String[] {"--state-dir", "s", "--key-file", "k", "--log", key, "--listen", "7380"},
                new String[] {"--state-dir", "s", "--key-file", "k", "--log", key, "--listen", "host:port"},
                new String[] {"--state-dir", "s", "--key-file", "k", "--log", key, "--frobnicate", "x"});
        for (String[] args : bad) {
            err.reset();
            assertThrows(WitnessCommand.StartException.class, () -> start(args), String.join(" ", args));
            String printed = err.toString(StandardCharsets.UTF_8);
            assertTrue(printed.startsWith("error: ") && printed.contains("usage: hoheit-witness"), printed);
        }
    }

    @Test
    void a_missing_key_file_without_a_name_stops_the_start() {
        String[] args = args("--log", log.origin() + "=" + log.verifier().verifierKey());
        assertThrows(WitnessCommand.StartException.class, () -> start(args));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--name"), err.toString(StandardCharsets.UTF_8));
    }
}
