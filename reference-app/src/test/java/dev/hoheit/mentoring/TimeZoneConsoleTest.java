package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * "Today" is the person's today: the browser runs in a time zone whose date differs from UTC's at this
 * moment (UTC+14 or UTC-11), and the Smoff-Time form and the day plan both propose that zone's date.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class TimeZoneConsoleTest {

    @DatabaseTest
    void the_console_proposes_the_persons_own_date_not_utcs(TestDatabase db) {
        LocalDate utc = LocalDate.now(ZoneOffset.UTC);
        ZoneId zone = Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago").map(ZoneId::of)
                .filter(z -> !LocalDate.now(z).equals(utc)).findFirst().orElseThrow();
        LocalDate local = LocalDate.now(zone);
        assertNotEquals(utc, local, "the test needs a zone whose date is not UTC's");
        try (TestApp app = new TestApp(db, Instant.now())) {
            app.client().register("zoe-zone", "zone-secret-123");
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-timezone")) {
                ((ChromiumDriver) browser.driver).executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone.getId()));
                browser.signIn("zoe-zone", "zone-secret-123");
                browser.open("#/smoff-time");
                assertEquals(local.toString(), browser.visible(By.id("date")).getAttribute("value"),
                        "the Smoff-Time form proposes today in " + zone);
                browser.open("#/plans");
                assertEquals(local.toString(), browser.visible(By.id("plan-period")).getAttribute("value"),
                        "the day plan is today's in " + zone);
                browser.screenshot("smoff-time-in-" + zone.getId().replace('/', '-'));
            }
        }
    }
}
