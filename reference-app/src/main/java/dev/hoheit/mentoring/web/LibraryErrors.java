package dev.hoheit.mentoring.web;

import dev.hoheit.audit.AuditException;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.retention.RetentionException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libraries' exceptions and Javalin's own, as statuses and plain messages: what the person can do
 * about it, never an internal type, a stack trace or the library's message (which may name tables).
 */
final class LibraryErrors {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryErrors.class);
    private static final String RETRY = "please try again in a moment; nothing was changed";

    private LibraryErrors() {
    }

    static void audit(Context ctx, AuditException e) {
        switch (e.problem()) {
            case INVALID_ARGUMENT -> WebServer.error(ctx, 400, "invalid_argument", ErrorCode.INVALID_ARGUMENT, "a value in the request is malformed or too long");
            case STORAGE, CLOSED, INTERRUPTED, TIMEOUT -> unavailable(ctx, ErrorCode.AUDIT_LOG_UNAVAILABLE, "the audit log cannot record this right now; " + RETRY, e);
            case TAMPERED -> {
                LOG.error("The audit log refused a write: its stored history does not extend what it signed (run a verification)");
                WebServer.error(ctx, 503, "audit_log_damaged", ErrorCode.AUDIT_LOG_DAMAGED, "the audit log failed its integrity check, so no change can be recorded"
                        + " until the operator has looked into it; nothing was changed");
            }
            case CRYPTO, INVALID_STATE, UNSUPPORTED_DATABASE, INCOMPATIBLE_DEPENDENCY -> internal(ctx, e);
        }
    }

    static void retention(Context ctx, RetentionException e) {
        switch (e.problem()) {
            case LEGAL_HOLD -> WebServer.error(ctx, 409, "legal_hold", ErrorCode.LEGAL_HOLD, "your data is under a legal hold (a legal obligation to keep it),"
                    + " so it cannot be deleted while the hold lasts; nothing was deleted. The operator can tell you why and until when");
            case ALREADY_RUNNING -> WebServer.error(ctx, 409, "already_running", ErrorCode.ALREADY_RUNNING, "a retention run is already under way; try again when it has ended");
            case INVALID_ARGUMENT -> WebServer.error(ctx, 400, "invalid_argument", ErrorCode.INVALID_ARGUMENT, "a value in the request is malformed");
            case STORAGE -> unavailable(ctx, ErrorCode.DATABASE_UNAVAILABLE, "the database is not available; " + RETRY, e);
            case INVALID_CONFIGURATION, EXPORT, UNSUPPORTED_DATABASE, INCOMPATIBLE_DEPENDENCY -> internal(ctx, e);
        }
    }

    /** Javalin's own refusals (a body too large, a bad request it detected): the status, in plain words. */
    static void javalin(Context ctx, HttpResponseException e) {
        int status = e.getStatus();
        String message = switch (status) {
            case 400 -> "the request is malformed";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 408 -> "the request took too long";
            case 413 -> "the request is too large";
            case 415 -> "this content type is not accepted here";
            default -> status >= 500 ? "something went wrong on our side; nothing was changed" : "the request cannot be processed";
        };
        String kind = switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        ErrorCode code = switch (status) {
            case 400 -> ErrorCode.REQUEST_MALFORMED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 408 -> ErrorCode.REQUEST_TIMEOUT;
            case 413 -> ErrorCode.TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
        WebServer.error(ctx, status, kind, code, message);
    }

    /** {@link AppException.Kind#SERVICE_UNAVAILABLE} with a Retry-After of a few seconds. */
    private static void unavailable(Context ctx, ErrorCode code, String message, RuntimeException e) {
        LOG.warn("A request failed for a while: {}", e.getClass().getSimpleName());
        ctx.header("Retry-After", "5");
        WebServer.error(ctx, 503, "unavailable", code, message);
    }

    private static void internal(Context ctx, RuntimeException e) {
        LOG.error("Unexpected {} on a {} request", e.getClass().getName(), ctx.method());
        WebServer.error(ctx, 500, "internal", ErrorCode.INTERNAL, "something went wrong on our side; nothing was changed");
    }
}
