package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

/**
 * How a decision reached the controller, kept as evidence. Deliberately holds no IP address: a raw
 * address is personal data that would outlive its few days' limit inside a proof record.
 *
 * @param channel the channel, such as {@code web}, {@code app} or {@code api}
 * @param userAgent the client's user-agent string, or null
 * @since 0.1
 */
public record Evidence(String channel, String userAgent) {

    /** Validates lengths; the user agent is cut to 512 characters. */
    public Evidence {
        channel = CHECKS.token("evidence channel", channel, 64);
        if (userAgent != null) {
            userAgent = userAgent.strip();
            if (userAgent.isEmpty()) {
                userAgent = null;
            } else if (userAgent.length() > 512) {
                userAgent = userAgent.substring(0, 512);
            }
        }
    }

    /** Shorthand for the constructor. */
    public static Evidence of(String channel, String userAgent) {
        return new Evidence(channel, userAgent);
    }
}
