package dev.hoheit.mentoring.web;

import java.util.Set;

/**
 * The caller signed in with a password someone else issued (the operator, a reset): until it is
 * changed, the account can do nothing but change it, read who it is, and sign out.
 */
final class PasswordChangeRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What such an account may still call. */
    static final Set<String> ALLOWED = Set.of("GET /api/me", "POST /api/me/password", "DELETE /api/session", "POST /api/session",
            "GET /api/notices", "GET /api/openapi.json");

    PasswordChangeRequiredException() {
        super("first change the password you were given (POST /api/me/password with currentPassword and newPassword);"
                + " until then your account can do nothing else");
    }

    /** Whether a request needs the password changed first. */
    static boolean blocks(String method, String path) {
        return (path.startsWith("/api/") || path.startsWith("/log/")) && !ALLOWED.contains(method + " " + path);
    }
}
