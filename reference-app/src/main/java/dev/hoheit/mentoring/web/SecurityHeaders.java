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
        apply(ctx::header);
    }

    /** The same headers through any setter (Jetty's own error responses, see {@link JettyErrors}). */
    void apply(java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        header.accept("Cross-Origin-Resource-Policy", "same-origin");
        header.accept("Cache-Control", "no-store");
        if (behindTls) {
            header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
