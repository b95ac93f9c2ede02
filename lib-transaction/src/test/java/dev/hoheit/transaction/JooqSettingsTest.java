package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hoheit.transaction.internal.JooqSettings;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The settings the libraries give jOOQ: no banner in the host's log, no bind values logged. */
@Isolated // it changes system properties
class JooqSettingsTest {

    private final String logo = System.getProperty("org.jooq.no-logo");
    private final String tips = System.getProperty("org.jooq.no-tips");

    @AfterEach
    void restore() {
        restore("org.jooq.no-logo", logo);
        restore("org.jooq.no-tips", tips);
    }

    @Test
    void a_library_switches_off_jooqs_logo_and_tips_and_its_execute_logging() {
        System.clearProperty("org.jooq.no-logo");
        System.clearProperty("org.jooq.no-tips");
        Settings settings = JooqSettings.library();
        assertEquals("true", System.getProperty("org.jooq.no-logo"));
        assertEquals("true", System.getProperty("org.jooq.no-tips"));
        assertFalse(settings.isExecuteLogging(), "execute logging would print bind values: personal data");
        assertEquals(RenderQuotedNames.NEVER, settings.getRenderQuotedNames());
        assertFalse(settings.isRenderSchema());
    }

    @Test
    void a_host_that_wants_the_logo_keeps_it() {
        System.setProperty("org.jooq.no-logo", "false");
        System.clearProperty("org.jooq.no-tips");
        JooqSettings.library();
        assertEquals("false", System.getProperty("org.jooq.no-logo"), "the host's own choice stands");
        assertEquals("true", System.getProperty("org.jooq.no-tips"));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
