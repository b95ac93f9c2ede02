package dev.hoheit.mentoring.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.SessionService;
import io.javalin.http.Context;
import java.util.Locale;

/** Small helpers shared by the route classes: reading JSON, the caller, the client. */
final class Web {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    static final int MAX_JSON_BYTES = 64 * 1024;
    static final String SESSION_COOKIE = "smoffen_session";
    static final String ACCOUNT = "account";
    static final String SESSION = "session";
    static final String TERMS_PENDING = "termsPending";

    private Web() {
    }

    /** The request body as {@code type}, after checking content type and size. */
    static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new AppException(AppException.Kind.UNSUPPORTED_MEDIA_TYPE, ErrorCode.JSON_REQUIRED, "send JSON with Content-Type: application/json");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_JSON_BYTES) {
            throw new AppException(AppException.Kind.TOO_LARGE, ErrorCode.JSON_TOO_LARGE.with("max", MAX_JSON_BYTES), "a JSON body may have at most " + MAX_JSON_BYTES + " bytes");
        }
        if (bytes.length == 0) {
            throw AppException.badRequest(ErrorCode.BODY_EMPTY, "the request body is empty");
        }
        try {
            T value = JSON.readValue(bytes, type);
            if (value == null) {
                throw AppException.badRequest(ErrorCode.BODY_EMPTY, "the request body is null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw AppException.badRequest(ErrorCode.BODY_MALFORMED, plainly(e));
        } catch (java.io.IOException e) {
            throw AppException.badRequest(ErrorCode.BODY_MALFORMED, "unreadable body");
        }
    }

    /**
     * What is wrong with a body, in plain words: the field and what was expected, never Jackson's own
     * message (it names the app's internal types, such as {@code Requests$Registration}).
     */
    static String plainly(JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[") : "";
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException && !(e instanceof com.fasterxml.jackson.databind.JsonMappingException)) {
            var at = e.getLocation();
            return at == null ? "malformed JSON" : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
        if (!field.isEmpty()) {
            return "the field '" + field + "' has the wrong type or format";
        }
        return "the body must be a JSON object with the fields this endpoint expects";
    }

    /** The signed-in account, or 401. */
    static Account account(Context ctx) {
        Account account = ctx.attribute(ACCOUNT);
        if (account == null) {
            throw new AppException(AppException.Kind.UNAUTHENTICATED, ErrorCode.SIGN_IN_REQUIRED, "please sign in");
        }
        return account;
    }

    static SessionService.Session session(Context ctx) {
        SessionService.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new AppException(AppException.Kind.UNAUTHENTICATED, ErrorCode.SIGN_IN_REQUIRED, "please sign in");
        }
        return session;
    }

    /** The client's address and user agent, for the audit log (anonymised after 7 days). */
    static ClientInfo client(Context ctx) {
        return ClientInfo.of(ctx.ip(), ctx.userAgent());
    }
}
