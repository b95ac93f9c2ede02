package dev.hoheit.mentoring.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches the app (a bad URI, a URI or headers too
 * large): JSON like the app's own errors, with the same security headers, and no server details.
 */
final class JettyErrors extends ErrorHandler {

    private final SecurityHeaders headers;

    JettyErrors(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        if (status < 400) {
            status = 500;
        }
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        headers.apply(fields::put);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONNECTION, "close"); // Jetty ends the connection after a bad message: clients must not reuse it
        String body = WebServer.errorJson(status >= 500 ? "internal" : "bad_request", code(status), message(status));
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static dev.hoheit.mentoring.core.ErrorCode code(int status) {
        return switch (status) {
            case 400 -> dev.hoheit.mentoring.core.ErrorCode.REQUEST_MALFORMED;
            case 414 -> dev.hoheit.mentoring.core.ErrorCode.URI_TOO_LONG;
            case 431 -> dev.hoheit.mentoring.core.ErrorCode.HEADERS_TOO_LARGE;
            case 413 -> dev.hoheit.mentoring.core.ErrorCode.TOO_LARGE;
            case 505 -> dev.hoheit.mentoring.core.ErrorCode.HTTP_VERSION_UNSUPPORTED;
            default -> status >= 500 ? dev.hoheit.mentoring.core.ErrorCode.INTERNAL : dev.hoheit.mentoring.core.ErrorCode.BAD_REQUEST;
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "the request is malformed (check the address and its encoding)";
            case 414 -> "the address is too long";
            case 431 -> "the request headers are too large";
            case 413 -> "the request is too large";
            case 505 -> "this HTTP version is not supported";
            default -> status >= 500 ? "something went wrong on our side; nothing was changed" : "the request cannot be processed";
        };
    }
}
