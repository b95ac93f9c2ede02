package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

/**
 * Data about the client: personal data kept only for security and statistics and made
 * unreadable after a few days (see {@link AuditLog#anonymiseClientDataBefore}).
 *
 * @param ipAddress the client's IP address, or null
 * @param userAgent the client's user agent, or null (cut to 512 characters)
 * @since 0.1
 */
public record ClientInfo(String ipAddress, String userAgent) {

    /** Validates lengths. */
    public ClientInfo {
        ipAddress = ipAddress == null || ipAddress.isBlank() ? null : CHECKS.text("IP address", ipAddress, 64);
        if (userAgent != null) {
            userAgent = userAgent.strip();
            userAgent = userAgent.isEmpty() ? null : userAgent.substring(0, Math.min(512, userAgent.length()));
        }
    }

    /** Shorthand for the constructor. */
    public static ClientInfo of(String ipAddress, String userAgent) {
        return new ClientInfo(ipAddress, userAgent);
    }
}
