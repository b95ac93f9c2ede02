package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the start does with the address and the operator password it is given (issue 14, setup). */
class StartupSettingsTest {

    @Test
    void by_default_the_app_listens_on_this_machine_only() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        AppSettings settings = AppSettings.from(Map.of("HOHEIT_DATA_DIR", Files.createTempDirectory("smoffen-host").toString(),
                "HOHEIT_PORT", "0", "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"), new String[0]);
        assertEquals("127.0.0.1", settings.host());
        assertEquals("localhost", settings.browserHost());
        try (SmoffenApp app = SmoffenApp.start(settings)) {
            assertTrue(connects(InetAddress.getLoopbackAddress(), app.port()), "reachable on the loopback address");
            assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try the default against");
            assertFalse(connects(external.get(), app.port()), "not reachable on " + external.get() + " by default");
        }
    }

    @Test
    void a_host_given_is_bound_and_printed_as_given() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to bind");
        String address = external.get().getHostAddress();
        AppSettings settings = AppSettings.from(Map.of("HOHEIT_DATA_DIR", Files.createTempDirectory("smoffen-host").toString(),
                "HOHEIT_PORT", "0", "HOHEIT_HOST", address, "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"), new String[0]);
        assertEquals(address, settings.browserHost());
        try (SmoffenApp app = SmoffenApp.start(settings)) {
            assertTrue(connects(external.get(), app.port()), "reachable on " + address);
            assertFalse(connects(InetAddress.getLoopbackAddress(), app.port()), "bound to " + address + " only");
        }
    }

    @Test
    void a_malformed_host_is_refused_naming_the_variable() {
        for (String bad : new String[] {"http://example.org", "0.0.0.0:7070", "no such host.invalid", "host.invalid"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AppSettings.from(Map.of("HOHEIT_HOST", bad), new String[0]), bad);
            assertTrue(e.getMessage().startsWith("HOHEIT_HOST"), e.getMessage());
        }
    }

    @Test
    void an_operator_password_set_after_the_first_start_is_ignored_and_said_so() throws Exception {
        Path dataDir = Files.createTempDirectory("smoffen-operator");
        AppSettings first = AppSettings.from(Map.of("HOHEIT_DATA_DIR", dataDir.toString(), "HOHEIT_PORT", "0",
                "HOHEIT_OPERATOR_PASSWORD", "operator-secret-1"), new String[0]);
        try (SmoffenApp app = SmoffenApp.start(first)) {
            assertFalse(app.operatorPasswordIgnored(), "the first start uses the variable");
        }
        AppSettings later = AppSettings.from(Map.of("HOHEIT_DATA_DIR", dataDir.toString(), "HOHEIT_PORT", "0",
                "HOHEIT_OPERATOR_PASSWORD", "a-new-operator-secret-2"), new String[0]);
        try (SmoffenApp app = SmoffenApp.start(later)) {
            assertTrue(app.operatorPasswordIgnored(), "a later start says it ignored the variable");
            assertTrue(app.generatedOperatorPassword().isEmpty());
            URI base = URI.create("http://127.0.0.1:" + app.port());
            assertEquals(401, new TestApp.Client(base).signInOnly("operator", "a-new-operator-secret-2").statusCode(),
                    "the new password was not applied");
            assertEquals(200, new TestApp.Client(base).signInOnly("operator", "operator-secret-1").statusCode(),
                    "the first password still works");
        }
        AppSettings without = AppSettings.from(Map.of("HOHEIT_DATA_DIR", dataDir.toString(), "HOHEIT_PORT", "0"), new String[0]);
        try (SmoffenApp app = SmoffenApp.start(without)) {
            assertFalse(app.operatorPasswordIgnored(), "nothing to ignore without the variable");
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!network.isUp() || network.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
