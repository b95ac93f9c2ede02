package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.transaction.internal.Platform;
import org.junit.jupiter.api.Test;

/** The version check the libraries run at start. */
class PlatformTest {

    @Test
    void versions_compare_by_major_and_minor() {
        assertTrue(Platform.atLeast("3.19.27", "3.19"), "Spring Boot 3.5's jOOQ");
        assertTrue(Platform.atLeast("3.21.1", "3.19"));
        assertTrue(Platform.atLeast("4.0.0", "3.19"));
        assertFalse(Platform.atLeast("3.18.7", "3.19"), "Spring Boot 3.1's jOOQ");
        assertFalse(Platform.atLeast("3.9.0", "3.19"), "9 is less than 19, not more");
        assertTrue(Platform.atLeast("11.7.2", "11.0"), "Spring Boot 3.5's Flyway");
        assertFalse(Platform.atLeast("10.22.0", "11.0"));
        assertTrue(Platform.atLeast("13.0.0-beta", "11.0"));
        assertTrue(Platform.atLeast("unknown", "11.0"), "a repackaged jar without a version is given the benefit of the doubt");
    }

    @Test
    void the_jooq_on_this_path_is_read_at_run_time() {
        assertEquals(org.jooq.Constants.VERSION, Platform.jooqVersion());
    }

    @Test
    void an_old_jar_is_named_with_both_versions() {
        Platform.requireVersions("Hoheit test", "3.19.27", "11.7.2", IllegalStateException::new); // Spring Boot 3.5's
        IllegalStateException flyway = assertThrows(IllegalStateException.class,
                () -> Platform.requireVersions("Hoheit test", "3.19.39", "9.22.3", IllegalStateException::new));
        assertTrue(flyway.getMessage().startsWith("Hoheit test needs jOOQ 3.19 or newer and Flyway 11.0 or newer")
                && flyway.getMessage().contains("found jOOQ 3.19.39 and Flyway 9.22.3"), flyway.getMessage());
        IllegalStateException jooq = assertThrows(IllegalStateException.class,
                () -> Platform.requireVersions("Hoheit test", "3.18.7", "13.12.0", IllegalStateException::new));
        assertTrue(jooq.getMessage().contains("found jOOQ 3.18.7 and Flyway 13.12.0"), jooq.getMessage());
    }
}
