package dev.hoheit.mentoring.web;

import io.javalin.http.Context;

/**
 * Security headers on every response: a strict Content-Security-Policy (own origin only, no inline
 * script, no third-party origin: R9), no framing, no sniffing, no referrer, no browser features,
 * no caching of personal data, and HSTS behind TLS (R16).
 */
final class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final boolean behindTls;

    SecurityHeaders(boolean behindTls) {
        this.behindTls = behindTls;
    }

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
        if (behindTls) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
