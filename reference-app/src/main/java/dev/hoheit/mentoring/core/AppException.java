package dev.hoheit.mentoring.core;

/**
 * A request the app refuses, with the kind of refusal; the web layer turns it into the matching
 * HTTP status and a JSON error. Messages never contain personal data beyond the caller's own input.
 */
public final class AppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kinds of refusal, each with its HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
        TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE(422), TOO_MANY_REQUESTS(429),
        SERVICE_UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final java.time.Duration retryAfter; // null: waiting does not help

    public AppException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** A refusal that ends by itself: the response carries {@code Retry-After} (whole seconds, at least 1). */
    public AppException(Kind kind, String message, java.time.Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** How long to wait before trying again, when waiting helps. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** 429: a limit is reached; {@code retryAfter} is when it frees up again (null when waiting does not help). */
    public static AppException tooMany(String message, java.time.Duration retryAfter) {
        return new AppException(Kind.TOO_MANY_REQUESTS, message, retryAfter);
    }

    public static AppException badRequest(String message) {
        return new AppException(Kind.BAD_REQUEST, message);
    }

    public static AppException forbidden(String message) {
        return new AppException(Kind.FORBIDDEN, message);
    }

    public static AppException unprocessable(String message) {
        return new AppException(Kind.UNPROCESSABLE, message);
    }
}
