package dev.hoheit.mentoring.core;

import java.util.Map;

/**
 * What one client, one account or one process may cost: every limit has a default that fits a
 * mentoring platform of people planning on paper, and can be raised or lowered by an environment
 * variable. A refusal is a 429 (or a 413/503 for pictures) with a message and, where waiting helps,
 * a {@code Retry-After}.
 *
 * @param registrationsPerHour registrations from one client address per hour, counted over every instance
 *        ({@code HOHEIT_REGISTRATIONS_PER_HOUR}, default 10)
 * @param smoffEntriesPerDay Smoff-Time entries one account records per day, UTC ({@code HOHEIT_SMOFF_ENTRIES_PER_DAY}, default 50)
 * @param picturesPerAccount pictures one account keeps ({@code HOHEIT_PICTURES_PER_ACCOUNT}, default 500)
 * @param messagesPerMinute messages one account sends per minute ({@code HOHEIT_MESSAGES_PER_MINUTE}, default 20)
 * @param pictureDecodes pictures decoded at once in this process ({@code HOHEIT_PICTURE_DECODES}, default 2)
 * @param pictureMemoryBytes the memory one decoded picture may take, width × height × bytes per pixel
 *        ({@code HOHEIT_PICTURE_MEMORY_MB}, in MiB, default 64: a 21-megapixel photo at 8 bits per channel)
 */
public record AppLimits(int registrationsPerHour, int smoffEntriesPerDay, int picturesPerAccount, int messagesPerMinute,
                        int pictureDecodes, long pictureMemoryBytes) {

    /** The defaults. */
    public static final AppLimits DEFAULTS = new AppLimits(10, 50, 500, 20, 2, 64L * 1024 * 1024);

    public AppLimits {
        positive("registrationsPerHour", registrationsPerHour);
        positive("smoffEntriesPerDay", smoffEntriesPerDay);
        positive("picturesPerAccount", picturesPerAccount);
        positive("messagesPerMinute", messagesPerMinute);
        positive("pictureDecodes", pictureDecodes);
        if (pictureMemoryBytes < 1024 * 1024) {
            throw new IllegalArgumentException("the picture memory budget must be at least 1 MiB");
        }
    }

    /** The limits from the environment, the defaults where a variable is not set. */
    public static AppLimits from(Map<String, String> env) {
        return new AppLimits(
                number(env, "HOHEIT_REGISTRATIONS_PER_HOUR", DEFAULTS.registrationsPerHour()),
                number(env, "HOHEIT_SMOFF_ENTRIES_PER_DAY", DEFAULTS.smoffEntriesPerDay()),
                number(env, "HOHEIT_PICTURES_PER_ACCOUNT", DEFAULTS.picturesPerAccount()),
                number(env, "HOHEIT_MESSAGES_PER_MINUTE", DEFAULTS.messagesPerMinute()),
                number(env, "HOHEIT_PICTURE_DECODES", DEFAULTS.pictureDecodes()),
                number(env, "HOHEIT_PICTURE_MEMORY_MB", (int) (DEFAULTS.pictureMemoryBytes() >> 20)) * 1024L * 1024L);
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least 1, was " + value);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
