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
    private final ErrorCode.Reason reason;
    private final java.util.List<FieldProblem> fields;
    private final java.time.Duration retryAfter; // null: waiting does not help

    /** One problem of one field of a form: the field's name in the request, and why. */
    public record FieldProblem(String field, ErrorCode.Reason reason) {

        public static FieldProblem of(String field, ErrorCode code) {
            return new FieldProblem(field, code.reason());
        }
    }

    public AppException(Kind kind, ErrorCode code, String message) {
        this(kind, code.reason(), message, null);
    }

    public AppException(Kind kind, ErrorCode.Reason reason, String message) {
        this(kind, reason, message, null);
    }

    public AppException(Kind kind, ErrorCode code, String message, java.time.Duration retryAfter) {
        this(kind, code.reason(), message, retryAfter);
    }

    /** A refusal that ends by itself: the response carries {@code Retry-After} (whole seconds, at least 1). */
    public AppException(Kind kind, ErrorCode.Reason reason, String message, java.time.Duration retryAfter) {
        this(kind, reason, message, retryAfter, java.util.List.of());
    }

    private AppException(Kind kind, ErrorCode.Reason reason, String message, java.time.Duration retryAfter,
                         java.util.List<FieldProblem> fields) {
        super(message);
        this.kind = kind;
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
        this.fields = java.util.List.copyOf(fields);
    }

    /**
     * All problems of a form at once. One problem keeps its own kind and code (a taken nickname stays a 409
     * {@code nickname_taken}); several are a 422 {@code fields_invalid}. Each is in {@link #fields()}.
     */
    public static AppException ofFields(java.util.List<AppException> problems, java.util.List<String> fieldNames) {
        if (problems.isEmpty() || problems.size() != fieldNames.size()) {
            throw new IllegalArgumentException("one field name per problem");
        }
        java.util.List<FieldProblem> fields = new java.util.ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            fields.add(new FieldProblem(fieldNames.get(i), problems.get(i).reason()));
        }
        if (problems.size() == 1) {
            AppException only = problems.get(0);
            return new AppException(only.kind, only.reason, only.getMessage(), only.retryAfter, fields);
        }
        String message = problems.size() + " fields are not valid: " + String.join("; ",
                problems.stream().map(Throwable::getMessage).toList());
        return new AppException(Kind.UNPROCESSABLE, ErrorCode.FIELDS_INVALID.reason(), message, null, fields);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code and its values (the error contract's {@code code} and {@code params}). */
    public ErrorCode.Reason reason() {
        return reason;
    }

    /** The problems of each field of a form, all of them; empty when the refusal is not about a form. */
    public java.util.List<FieldProblem> fields() {
        return fields;
    }

    /** How long to wait before trying again, when waiting helps. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    /** 429: a limit is reached; {@code retryAfter} is when it frees up again (null when waiting does not help). */
    public static AppException tooMany(ErrorCode code, String message, java.time.Duration retryAfter) {
        return new AppException(Kind.TOO_MANY_REQUESTS, code, message, retryAfter);
    }

    public static AppException tooMany(ErrorCode.Reason reason, String message, java.time.Duration retryAfter) {
        return new AppException(Kind.TOO_MANY_REQUESTS, reason, message, retryAfter);
    }

    public static AppException badRequest(ErrorCode code, String message) {
        return new AppException(Kind.BAD_REQUEST, code, message);
    }

    public static AppException badRequest(ErrorCode.Reason reason, String message) {
        return new AppException(Kind.BAD_REQUEST, reason, message);
    }

    public static AppException forbidden(ErrorCode code, String message) {
        return new AppException(Kind.FORBIDDEN, code, message);
    }

    public static AppException forbidden(ErrorCode.Reason reason, String message) {
        return new AppException(Kind.FORBIDDEN, reason, message);
    }

    public static AppException unprocessable(ErrorCode code, String message) {
        return new AppException(Kind.UNPROCESSABLE, code, message);
    }

    public static AppException unprocessable(ErrorCode.Reason reason, String message) {
        return new AppException(Kind.UNPROCESSABLE, reason, message);
    }
}
