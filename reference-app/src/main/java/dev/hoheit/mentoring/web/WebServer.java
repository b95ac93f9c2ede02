package dev.hoheit.mentoring.web;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentException;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.LoginThrottle;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.account.SessionService;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.mentorship.MessageService;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.organisation.CourseService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import dev.hoheit.mentoring.planning.PictureService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import dev.hoheit.mentoring.privacy.PrivacyRequestService;
import dev.hoheit.mentoring.research.ResearchExport;
import dev.hoheit.mentoring.supervision.SupervisionService;
import dev.hoheit.retention.RetentionService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: security headers, sessions and CSRF on every request, JSON errors without stack
 * traces, and the routes of each area.
 */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Largest request: a picture upload (10 MB) with room for the multipart envelope. */
    static final long MAX_REQUEST_BYTES = 11L * 1024 * 1024;
    /** The web console's files besides index.html: the core, then one script per part of the console. */
    static final List<String> CONSOLE_FILES = List.of("app.css", "app.js", "errors.js", "mentee.js", "mentor.js",
            "employer.js", "operator.js", "auditor.js", "self-service.js", "privacy.js", "research.js", "notifications.js",
            "security.js", "supervision.js");

    /** What the routes need. */
    public record Services(DataSource dataSource, AccountService accounts, SessionService sessions, ConsentService consent,
                           AuditLog audit, RetentionService retention, SmoffTimeService smoffTime, MentorService mentors,
                           AccessGuard guard, PlanService plans, PictureService pictures, MessageService messages,
                           EmploymentService employments, CourseService courses, PrivacyRequestService privacyRequests,
                           NotificationService notifications, SupervisionService supervision, ResearchExport research,
                           LoginThrottle throttle, Clock clock, boolean behindTls,
                           dev.hoheit.mentoring.account.UsageCaps caps, dev.hoheit.mentoring.account.RegistrationThrottle registrations) {
    }

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** Starts the server on {@code host} and {@code port} (0 picks a free one). */
    public static WebServer start(Services services, String host, int port) {
        SecurityHeaders headers = new SecurityHeaders(services.behindTls());
        RequestTransaction transaction = new RequestTransaction(services.dataSource());
        AccountRoutes accountRoutes = new AccountRoutes(services.accounts(), services.sessions(), services.consent(),
                services.audit(), services.throttle(), services.behindTls());
        Javalin javalin = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "application/json";
            config.jsonMapper(new JavalinJackson(Web.JSON, false));
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors(headers))); // Jetty's own 400/414/431
            config.routes.before(ctx -> {
                headers.apply(ctx);
                transaction.begin(ctx);
                authenticate(ctx, services.sessions(), services.accounts(), services.consent(), services.clock());
            });
            // R5: a signed-in user's reads of their own pages are recorded too (writes by their routes, views of
            // others' data by the access guard, an auditor's read of log entries by TransparencyLogRoutes).
            // Anonymous reads of /log/ record nothing: hashes carry no personal data, and anyone could grow the log.
            config.routes.after(ctx -> {
                try {
                    recordRead(ctx, services.audit());
                } catch (dev.hoheit.audit.AuditException e) {
                    // The read's audit event could not be written: the read fails (a 2xx means it is durable),
                    // answered like a failed write (503 when the log is unavailable and a retry may work).
                    LOG.error("Recording a read failed: {}", e.problem());
                    RequestTransaction.rollbackOnly(ctx);
                    LibraryErrors.audit(ctx, e);
                } catch (RuntimeException e) {
                    LOG.error("Recording a read failed: {}", e.getClass().getName());
                    RequestTransaction.rollbackOnly(ctx);
                    error(ctx, 500, "internal", ErrorCode.INTERNAL, "something went wrong on our side; nothing was changed");
                } finally {
                    transaction.end(ctx); // commits before the response is written, or rolls back
                }
            });
            // Liveness, and whether this instance integrates the audit log (one instance per database does).
            config.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok",
                    "auditIntegrator", services.audit().integrating() ? "leading" : "standby")));
            byte[] openApi = resource("openapi.json");
            // The web console: static files of the app itself, under the same strict CSP.
            byte[] index = resource("web/index.html");
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(index));
            for (String file : CONSOLE_FILES) {
                byte[] bytes = resource("web/" + file);
                String type = file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
                config.routes.get("/" + file, ctx -> ctx.contentType(type).result(bytes));
            }
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            new UsageLimits(services.caps(), services.registrations(), services.throttle()).register(config.routes); // before the routes they guard
            accountRoutes.register(config.routes);
            new MentoringRoutes(services.accounts(), services.smoffTime(), services.mentors(), services.guard(), services.audit(),
                    services.notifications())
                    .register(config.routes);
            new ContentRoutes(services.plans(), services.pictures(), services.messages(), services.consent(), services.guard(),
                    services.audit(), services.notifications()).register(config.routes);
            new DailyRoutes(services.accounts(), services.smoffTime(), services.plans(), services.audit()).register(config.routes);
            new OrganisationRoutes(services.accounts(), services.employments(), services.courses(), services.smoffTime(),
                    services.plans(), services.guard(), services.audit(), services.clock()).register(config.routes);
            new SelfServiceRoutes(services.accounts(), services.consent(), services.audit(), services.retention(), services.behindTls(),
                    services.notifications(), services.supervision())
                    .register(config.routes);
            new OperatorRoutes(services.accounts(), services.mentors(), services.courses(), services.employments(), services.audit())
                    .register(config.routes);
            new PrivacyRequestRoutes(services.privacyRequests(), services.accounts(), services.audit(), services.clock(),
                    services.notifications())
                    .register(config.routes);
            new NotificationRoutes(services.notifications()).register(config.routes);
            new SupervisionRoutes(services.supervision(), services.accounts(), services.guard(), services.audit(), services.notifications())
                    .register(config.routes);
            new ResearchRoutes(services.research(), services.audit(), services.clock()).register(config.routes);
            new AuditorRoutes(services.audit(), services.retention()).register(config.routes);
            new TransparencyLogRoutes(services.audit()).register(config.routes);
            new SecurityRoutes(services.accounts(), services.sessions(), services.audit(), services.throttle(), services.behindTls())
                    .register(config.routes);
            config.routes.exception(PasswordChangeRequiredException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                ctx.status(403).contentType("application/json").result(errorBody("password_change_required",
                        ErrorCode.PASSWORD_CHANGE_REQUIRED.reason(), e.getMessage(), List.of()).put("passwordChangeRequired", true).toString());
            });
            config.routes.exception(dev.hoheit.mentoring.account.WeakPasswordException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                String language = ctx.header("Accept-Language");
                var body = errorBody("weak_password", e.reason(), language != null && language.startsWith("de") ? e.german() : e.english(),
                        e.field().map(field -> List.of(new AppException.FieldProblem(field, e.reason()))).orElse(List.of()));
                body.putObject("explanation").put("de", e.german()).put("en", e.english());
                ctx.status(400).contentType("application/json").result(body.toString());
            });
            config.routes.exception(AppException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)))));
                ctx.status(e.kind().status()).contentType("application/json")
                        .result(errorBody(e.kind().name().toLowerCase(java.util.Locale.ROOT), e.reason(), e.getMessage(), e.fields()).toString());
            });
            config.routes.exception(ConsentException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                consentError(ctx, e);
            });
            config.routes.exception(dev.hoheit.audit.AuditException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                LibraryErrors.audit(ctx, e);
            });
            config.routes.exception(dev.hoheit.retention.RetentionException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                LibraryErrors.retention(ctx, e);
            });
            config.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                LibraryErrors.javalin(ctx, e);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                RequestTransaction.rollbackOnly(ctx);
                LOG.error("Unexpected {} on a {} request", e.getClass().getName(), ctx.method());
                error(ctx, 500, "internal", ErrorCode.INTERNAL, "something went wrong on our side; nothing was changed");
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.result() == null || !ctx.result().contains("\"error\"")) {
                    error(ctx, 404, "not_found", ErrorCode.NOT_FOUND, "no such resource");
                }
            });
            config.routes.error(405, "*", ctx -> error(ctx, 405, "method_not_allowed", ErrorCode.METHOD_NOT_ALLOWED, "this method is not allowed here"));
            config.routes.error(413, "*", ctx -> {
                if (ctx.result() == null || !ctx.result().contains("\"error\"")) { // the app's own 413 keeps its message
                    error(ctx, 413, "too_large", ErrorCode.TOO_LARGE, "the request is too large");
                }
            });
        }).start(host, port);
        LOG.info("Smoffen listens on {} port {}", host, javalin.port());
        return new WebServer(javalin);
    }

    /** Resolves the session cookie and checks CSRF for state-changing requests of a signed-in caller. */
    private static void authenticate(Context ctx, SessionService sessions, AccountService accounts, ConsentService consent, Clock clock) {
        Optional<SessionService.Session> session = sessions.resolve(ctx.cookie(Web.SESSION_COOKIE));
        if (session.isEmpty()) {
            return;
        }
        if (STATE_CHANGING.contains(ctx.method().name()) && !session.get().acceptsCsrf(ctx.header("X-CSRF-Token"))) {
            throw AppException.forbidden(ErrorCode.CSRF_TOKEN_INVALID, "missing or wrong X-CSRF-Token header");
        }
        accounts.find(session.get().accountId()).ifPresent(account -> {
            ctx.attribute(Web.SESSION, session.get());
            ctx.attribute(Web.ACCOUNT, account);
            if (PasswordChangeRequiredException.blocks(ctx.method().name(), ctx.path()) && accounts.passwordChangeRequired(account.id())) {
                throw new PasswordChangeRequiredException();
            }
            // Asked only by Access.require, on a role's own endpoints: the required notices of that role not granted now.
            ctx.attribute(Web.TERMS_PENDING, (java.util.function.Function<Role, List<String>>) role -> consent.purposesFor(role.id()).stream()
                    .filter(purpose -> purpose.required() && !consent.isGranted(account.id(), purpose.id(), clock.instant()))
                    .map(purpose -> purpose.id()).toList());
        });
    }

    private static void recordRead(Context ctx, AuditLog audit) {
        dev.hoheit.mentoring.account.Account account = ctx.attribute(Web.ACCOUNT);
        if (account == null || !"GET".equals(ctx.method().name()) || ctx.status().getCode() >= 400
                || !ctx.path().startsWith("/api/me")) {
            return; // others' data is logged by the access guard; failures by their handlers
        }
        String what = ctx.path().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        // In the request's transaction: committed with it, before the 200 is written.
        audit.append(dev.hoheit.audit.AuditEvent.of(dev.hoheit.audit.Actor.of(account.id(), AccountRoutes.primaryRole(account)),
                dev.hoheit.audit.AuditAction.VIEW, dev.hoheit.audit.Resource.of("page", what)).about(account.id()).from(Web.client(ctx)));
    }

    private static void consentError(Context ctx, ConsentException e) {
        int status = switch (e.problem()) {
            case INVALID_ARGUMENT, EXPIRY_IN_PAST -> 400;
            case UNKNOWN_PURPOSE, UNKNOWN_NOTICE, UNKNOWN_DECISION, UNKNOWN_GRANT -> 404;
            case ILLEGAL_STATE, CONFLICT -> 409;
            case LISTENER_FAILED, STORAGE, UNSUPPORTED_DATABASE, INCOMPATIBLE_DEPENDENCY, SCHEMA_MISMATCH -> 500;
        };
        ErrorCode code = status == 500 ? ErrorCode.INTERNAL : ErrorCode.valueOf(e.problem().name());
        error(ctx, status, e.problem().name().toLowerCase(java.util.Locale.ROOT), code, status == 500 ? "something went wrong on our side" : e.getMessage());
    }

    /** Answers {@code status} with an error body of the error contract (the kind, the stable code, an English message). */
    static void error(Context ctx, int status, String kind, ErrorCode code, String message) {
        ctx.status(status).contentType("application/json").result(errorJson(kind, code, message));
    }

    /** The body of an error: {@code {"error": kind, "code": code, "message": message}}. */
    static String errorJson(String kind, ErrorCode code, String message) {
        return errorBody(kind, code.reason(), message, List.of()).toString();
    }

    /**
     * The body of an error, by the error contract: {@code error} (the kind), {@code code} (stable, translated by
     * the console), {@code message} (English, for developers), {@code params} and {@code fields} when there are any.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode errorBody(String kind, ErrorCode.Reason reason, String message,
                                                                    List<AppException.FieldProblem> fields) {
        var body = Web.JSON.createObjectNode().put("error", kind).put("code", reason.code().code()).put("message", message);
        if (!reason.params().isEmpty()) {
            body.set("params", Web.JSON.valueToTree(reason.params()));
        }
        if (!fields.isEmpty()) {
            var list = body.putArray("fields");
            for (AppException.FieldProblem problem : fields) {
                var item = list.addObject().put("field", problem.field()).put("code", problem.reason().code().code());
                if (!problem.reason().params().isEmpty()) {
                    item.set("params", Web.JSON.valueToTree(problem.reason().params()));
                }
            }
        }
        return body;
    }

    private static byte[] resource(String name) {
        try (var in = WebServer.class.getResourceAsStream("/META-INF/hoheit/mentoring/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
