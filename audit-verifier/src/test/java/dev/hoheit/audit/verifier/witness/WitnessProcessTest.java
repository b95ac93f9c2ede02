package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.internal.witness.WitnessClient;
import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The witness as its own process: killed without warning and restarted, it still remembers what it cosigned. */
class WitnessProcessTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path directory;

    private final TestLog log = new TestLog("example.com/log");
    private final WitnessClient client = new WitnessClient(HttpClient.newHttpClient(), Duration.ofSeconds(10));
    private final List<Process> processes = new ArrayList<>();

    /** A started witness process: where it listens and the verifier key it printed. */
    private record Started(Process process, URI url, String verifierKey) {
    }

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Started startWitness(String... extra) throws IOException, InterruptedException {
        String modulePath = System.getProperty("jdk.module.path");
        assertNotNull(modulePath, "the tests must run on the module path");
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-p", modulePath,
                "-m", "dev.hoheit.audit.verifier/dev.hoheit.audit.verifier.witness.WitnessCommand",
                "--listen", "127.0.0.1:0",
                "--state-dir", directory.resolve("state").toString(),
                "--key-file", directory.resolve("witness.key").toString(),
                "--log", log.origin() + "=" + log.verifier().verifierKey()));
        command.addAll(List.of(extra));
        Path stderr = directory.resolve("witness-" + processes.size() + ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        processes.add(process);

        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (printed) {
                        printed.append(line).append('\n');
                        printed.notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "witness-output");
        reader.setDaemon(true);
        reader.start();

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        synchronized (printed) {
            while (!printed.toString().contains("listening on ") && process.isAlive() && System.nanoTime() < deadline) {
                printed.wait(100);
            }
            String output = printed.toString();
            assertTrue(output.contains("listening on "), "the witness did not start:\n" + output + Files.readString(stderr));
            URI url = URI.create("http://" + WitnessCommandTest.printed(output, "listening on ") + "/");
            return new Started(process, url, WitnessCommandTest.printed(output, "cosignature verifier key: "));
        }
    }

    @Test
    void a_killed_witness_restarts_on_its_state_and_still_refuses_a_rollback() throws Exception {
        Started first = startWitness("--name", "witness.example/w1");
        CosignatureVerifier verifier = CosignatureVerifier.parse(first.verifierKey());
        WitnessClient.Cosigned cosigned = assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(first.url(), log.request(0, 5)));
        assertTrue(verifier.verify(log.checkpoint(5).text(), cosigned.cosignatures().get(0)).isPresent());
        assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(first.url(), log.request(5, 9)));

        first.process().destroyForcibly();
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));

        Started second = startWitness();
        assertEquals(first.verifierKey(), second.verifierKey());
        // Back to size 5, from the stored size: the old size is above the checkpoint's.
        WitnessClient.Refused rollback = assertInstanceOf(WitnessClient.Refused.class,
                client.addCheckpoint(second.url(), new AddCheckpointRequest(9, List.of(), log.note(5))));
        assertEquals(400, rollback.status());
        // Back to size 5, from scratch: the witness says what it has.
        assertEquals(9, assertInstanceOf(WitnessClient.Conflict.class, client.addCheckpoint(second.url(), log.request(0, 5))).latestSize());
        // A fork at the stored size.
        CheckpointBody fork = new CheckpointBody(log.origin(), 9, log.root(10));
        WitnessClient.Refused forked = assertInstanceOf(WitnessClient.Refused.class,
                client.addCheckpoint(second.url(), new AddCheckpointRequest(9, List.of(), log.signed(fork))));
        assertEquals(422, forked.status());
        WitnessClient.Cosigned extended = assertInstanceOf(WitnessClient.Cosigned.class, client.addCheckpoint(second.url(), log.request(9, 12)));
        assertTrue(verifier.verify(log.checkpoint(12).text(), extended.cosignatures().get(0)).isPresent());
    }
}
