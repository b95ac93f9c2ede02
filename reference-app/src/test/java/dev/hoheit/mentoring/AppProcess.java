package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app as a process of its own, started like {@code java -m dev.hoheit.mentoring/...Main} on this
 * test JVM's module and class path (the app's modules, and the runtime-only JDBC drivers and Flyway
 * plugins Maven puts on the class path), so a test can kill it or give it a small heap.
 *
 * @param process the running app
 * @param url where it answers
 * @param stderr its standard error, for failure messages
 */
record AppProcess(Process process, URI url, Path stderr) {

    private static final Pattern LISTENS = Pattern.compile("Smoffen runs at http://localhost:(\\d+)/ \\(listening on 127.0.0.1");

    /**
     * Starts the app with {@code heap} ({@code -Xmx}) and {@code environment} (HOHEIT_* settings; port 0
     * unless given) and waits until it listens; fails with its standard error when it does not start.
     */
    static AppProcess start(String heap, Map<String, String> environment, Path stderr) throws IOException, InterruptedException {
        String modulePath = System.getProperty("jdk.module.path");
        assertNotNull(modulePath, "the tests must run on the module path");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // As in the Surefire configuration: the generated code reads instants through lib-transaction's UtcInstantBinding.
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + heap, "-p", modulePath,
                "--add-exports", "dev.hoheit.transaction/dev.hoheit.transaction.internal=dev.hoheit.mentoring",
                "-cp", System.getProperty("java.class.path"), "-m", "dev.hoheit.mentoring/dev.hoheit.mentoring.Main");
        builder.environment().put("HOHEIT_PORT", "0");
        builder.environment().putAll(environment);
        Process process = builder.redirectError(stderr.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        AtomicReference<String> port = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = LISTENS.matcher(line);
                    if (matcher.find()) {
                        port.set(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "app-process-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (port.get() == null && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(port.get() != null, "the app did not start:\n" + Files.readString(stderr));
        return new AppProcess(process, URI.create("http://127.0.0.1:" + port.get() + "/"), stderr);
    }

    /** Stops the app (SIGTERM, then SIGKILL after 30 s). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
