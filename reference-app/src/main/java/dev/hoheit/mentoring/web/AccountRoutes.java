package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.Evidence;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.Purpose;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.ConsentCatalog;
import dev.hoheit.mentoring.account.LoginThrottle;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.account.SessionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Notices, registration, sign-in and sign-out, and the signed-in account. */
final class AccountRoutes {

    private final AccountService accounts;
    private final SessionService sessions;
    private final ConsentService consent;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final boolean secureCookies;

    AccountRoutes(AccountService accounts, SessionService sessions, ConsentService consent, AuditLog audit,
                  LoginThrottle throttle, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.consent = consent;
        this.audit = audit;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/notices", this::notices);
        routes.post("/api/accounts", this::createAccount);
        routes.post("/api/session", this::signIn);
        routes.delete("/api/session", this::signOut);
        routes.get("/api/me", this::me);
    }

    /** The notices a role is asked to accept, in the requested language (German by default). */
    private void notices(Context ctx) {
        String roleName = ctx.queryParam("role") == null ? "mentee" : ctx.queryParam("role");
        Role role;
        try {
            role = Role.parse(roleName);
        } catch (IllegalArgumentException e) {
            throw AppException.badRequest(ErrorCode.ROLE_INVALID, "unknown role '" + roleName + "'");
        }
        String language = ConsentCatalog.language(ctx.queryParam("lang"));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Purpose purpose : consent.purposesFor(role.id())) {
            Notice notice = ConsentCatalog.latestNotice(consent, purpose.id(), language);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("purpose", purpose.id());
            item.put("title", ConsentCatalog.title(purpose, language));
            item.put("required", purpose.required());
            item.put("legalBasis", purpose.legalBasis().article());
            item.put("version", notice.version());
            item.put("language", notice.language());
            item.put("text", notice.text().orElse(""));
            item.put("sha256", notice.sha256());
            item.put("refusing", refusing(purpose.required(), language));
            result.add(item);
        }
        ctx.json(Map.of("role", role.id(), "language", language, "notices", result));
    }

    private void createAccount(Context ctx) {
        Requests.Registration form = Web.body(ctx, Requests.Registration.class);
        char[] password = form.password() == null ? null : form.password().toCharArray();
        Account account = accounts.register(new AccountService.Registration(form.nickname(), password, form.email(),
                form.language(), form.consents(), Role.MENTEE, Evidence.of("web", ctx.userAgent())));
        audit.append(AuditEvent.of(Actor.of(account.id(), Role.MENTEE.id()), AuditAction.CREATE, Resource.of("account", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        Map<String, Object> created = accountJson(account);
        // Nickname accounts have no e-mail way back: ten one-time codes, shown only in this answer.
        created.put("recoveryCodes", accounts.codes().newRecoveryCodes(account.id()));
        // The new account is signed in at once: nobody types the password twice in a row.
        created.put("csrfToken", startSession(ctx, account));
        ctx.status(201).json(created);
    }

    private void signIn(Context ctx) {
        Requests.Login login = Web.body(ctx, Requests.Login.class);
        String nicknameKey = LoginThrottle.nickname(login.nickname());
        String clientKey = LoginThrottle.client(ctx.ip());
        Duration wait = throttle.waitFor(nicknameKey, clientKey);
        if (!wait.isZero()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            throw new AppException(AppException.Kind.TOO_MANY_REQUESTS, ErrorCode.SIGN_IN_ATTEMPTS_TOO_MANY.with("seconds", Math.max(1, wait.toSeconds())), "too many failed sign-ins; try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds");
        }
        char[] password = login.password() == null ? new char[0] : login.password().toCharArray();
        Account account = accounts.authenticate(login.nickname(), password).orElse(null);
        if (account == null) {
            // Kept although the request fails (and its transaction is rolled back).
            AppTransactions.outside(() -> {
                throttle.failed(nicknameKey, clientKey);
                return audit.append(AuditEvent.of(Actor.of("anonymous", "visitor"), AuditAction.LOGIN_FAILED, Resource.of("session"))
                        .withOutcome(Outcome.DENIED).from(Web.client(ctx)));
            });
            throw new AppException(AppException.Kind.UNAUTHENTICATED, ErrorCode.WRONG_CREDENTIALS, "nickname or password is wrong");
        }
        throttle.succeeded(nicknameKey);
        String csrfToken = startSession(ctx, account);
        Map<String, Object> body = accountJson(account);
        body.put("csrfToken", csrfToken);
        body.put("passwordChangeRequired", accounts.passwordChangeRequired(account.id()));
        ctx.json(body);
    }

    /** Starts a session for the account: sets its cookie, records the sign-in and returns the session's CSRF token. */
    private String startSession(Context ctx, Account account) {
        SessionService.Created session = sessions.create(account.id(), ctx.userAgent());
        // A session cookie (no Max-Age, R30), unreadable by scripts, never sent cross-site.
        ctx.header("Set-Cookie", Web.SESSION_COOKIE + "=" + session.token() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        audit.append(AuditEvent.of(Actor.of(account.id(), primaryRole(account)), AuditAction.LOGIN, Resource.of("session"))
                .from(Web.client(ctx)));
        return session.csrfToken();
    }

    private void signOut(Context ctx) {
        Account account = Web.account(ctx);
        sessions.end(Web.session(ctx).tokenHash());
        ctx.header("Set-Cookie", Web.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : ""));
        audit.append(AuditEvent.of(Actor.of(account.id(), primaryRole(account)), AuditAction.LOGOUT, Resource.of("session"))
                .from(Web.client(ctx)));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Account account = Web.account(ctx);
        Map<String, Object> body = accountJson(account);
        body.put("email", accounts.email(account.id()).orElse(null));
        List<String> toAsk = new ArrayList<>();
        for (Role role : account.roles()) {
            consent.purposesToAsk(account.id(), role.id()).forEach(p -> {
                if (!toAsk.contains(p.id())) {
                    toAsk.add(p.id());
                }
            });
        }
        body.put("consentsToGive", toAsk);
        body.put("passwordChangeRequired", accounts.passwordChangeRequired(account.id()));
        // Until the person has read it once, the console explains Smoff-Time and the roles first.
        body.put("welcomeSeen", accounts.welcomeSeenAt(account.id()).isPresent());
        // Every tab of the session asks here: a script of another origin cannot read the answer (no CORS).
        body.put("csrfToken", Web.session(ctx).csrfToken());
        ctx.json(body);
    }

    /** What refusing means, in plain words, in the notice's language. */
    private static String refusing(boolean required, String language) {
        if ("en".equals(language)) {
            return required ? "Without this consent no account can be created." : "Refusing changes nothing else.";
        }
        return required ? "Ohne diese Einwilligung kann kein Konto angelegt werden." : "Eine Ablehnung ändert sonst nichts.";
    }

    static String primaryRole(Account account) {
        for (Role role : List.of(Role.OPERATOR, Role.AUDITOR, Role.EMPLOYER, Role.MENTOR, Role.SUPERVISOR, Role.MENTEE)) {
            if (account.is(role)) {
                return role.id();
            }
        }
        return "mentee";
    }

    static Map<String, Object> accountJson(Account account) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", account.id());
        body.put("nickname", account.nickname());
        body.put("roles", account.roles().stream().map(Role::id).sorted().toList());
        body.put("createdAt", account.createdAt().toString());
        return body;
    }
}
