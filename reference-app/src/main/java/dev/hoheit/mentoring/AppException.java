package dev.hoheit.mentoring;

/**
 * A request the app refuses, with the kind of refusal; the web layer turns it into the matching
 * HTTP status and a JSON error. Messages never contain personal data beyond the caller's own input.
 */
public final class AppException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kinds of refusal, each with its HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
        TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), UNPROCESSABLE(422), TOO_MANY_REQUESTS(429);

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

    public AppException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
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
