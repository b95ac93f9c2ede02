package dev.hoheit.transaction.internal;

import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;

/** The jOOQ settings the three libraries share. */
public final class JooqSettings {

    private JooqSettings() {
    }

    /**
     * Settings for a library's jOOQ contexts. Names are rendered unquoted (the tables are created
     * unquoted, so both fold the same way) and without schema; jOOQ's execute logging is off, because
     * it prints bind values, which are personal data. jOOQ's logo and tips are switched off unless
     * the host has set {@code org.jooq.no-logo} / {@code org.jooq.no-tips} itself: a library should
     * not print a banner into its host's log.
     */
    public static Settings library() {
        quiet("org.jooq.no-logo");
        quiet("org.jooq.no-tips");
        return new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withExecuteLogging(false)
                .withRenderSchema(false);
    }

    private static void quiet(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
