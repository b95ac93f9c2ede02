package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountCodes;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.LoginThrottle;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.account.SessionService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Account security: changing the password (every other session ends), the person's sessions,
 * recovery codes, setting a new password with a recovery or reset code, and the operator's reset
 * code. Every password and code check counts against the sign-in throttle; every change is audited.
 */
final class SecurityRoutes {

    /** {@code POST /api/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** {@code POST /api/me/recovery-codes}: the current password confirms a new set. */
    record NewRecoveryCodes(String currentPassword) {
    }

    /** {@code POST /api/password-reset}: a recovery code or an operator's reset code, and the new password. */
    record PasswordReset(String nickname, String code, String newPassword) {
    }

    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final boolean secureCookies;

    SecurityRoutes(AccountService accounts, SessionService sessions, AuditLog audit, LoginThrottle throttle, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.throttle = throttle;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/me/password", this::changePassword);
        routes.get("/api/me/sessions", this::sessions);
        routes.delete("/api/me/sessions", this::endOtherSessions);
        routes.delete("/api/me/sessions/{id}", this::endSession);
        routes.get("/api/me/recovery-codes", this::codes);
        routes.post("/api/me/recovery-codes", this::newRecoveryCodes);
        routes.post("/api/password-reset", this::resetPassword);
        routes.post("/api/operator/accounts/{id}/reset-code", this::issueResetCode);
    }

    /** Changes the password; every other session of the account ends (a thief's included). */
    private void changePassword(Context ctx) {
        Account me = Web.account(ctx);
        PasswordChange change = Web.body(ctx, PasswordChange.class);
        if (change.newPassword() == null) {
            throw AppException.badRequest(ErrorCode.PASSWORD_CHANGE_INVALID, "send currentPassword and newPassword");
        }
        confirmPassword(ctx, me, change.currentPassword());
        boolean changed;
        try {
            changed = accounts.changePassword(me.id(), change.currentPassword().toCharArray(), change.newPassword().toCharArray());
        } catch (dev.hoheit.mentoring.account.WeakPasswordException e) {
            throw e.inField("newPassword"); // shown next to the new password
        }
        if (!changed) {
            refuseWrongPassword(ctx, me, "password");
        }
        int ended = sessions.endOthers(me.id(), Web.session(ctx).tokenHash());
        audit.append(AuditEvent.of(actor(me), AuditAction.UPDATE, Resource.of("password")).about(me.id())
                .withDetails(Map.of("otherSessionsEnded", Integer.toString(ended))).from(Web.client(ctx)));
        ctx.json(Map.of("passwordChanged", true, "otherSessionsEnded", ended));
    }

    /** My live sessions, newest first, the current one marked. */
    private void sessions(Context ctx) {
        Account me = Web.account(ctx);
        List<Map<String, Object>> list = sessions.list(me.id(), Web.session(ctx).tokenHash()).stream().map(session -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", session.id());
            json.put("createdAt", session.createdAt().toString());
            json.put("lastUsedAt", session.lastSeenAt().toString());
            json.put("expiresAt", session.expiresAt().toString());
            json.put("userAgent", session.userAgent());
            json.put("current", session.current());
            return json;
        }).toList();
        ctx.json(Map.of("sessions", list, "maxSessions", SessionService.MAX_PER_ACCOUNT));
    }

    /** Signs out everywhere else. */
    private void endOtherSessions(Context ctx) {
        Account me = Web.account(ctx);
        int ended = sessions.endOthers(me.id(), Web.session(ctx).tokenHash());
        audit.append(AuditEvent.of(actor(me), AuditAction.LOGOUT, Resource.of("session")).about(me.id())
                .withDetails(Map.of("otherSessionsEnded", Integer.toString(ended))).from(Web.client(ctx)));
        ctx.json(Map.of("ended", ended));
    }

    /** Ends one of my sessions (the current one signs out). */
    private void endSession(Context ctx) {
        Account me = Web.account(ctx);
        String id = ctx.pathParam("id");
        boolean current = sessions.list(me.id(), Web.session(ctx).tokenHash()).stream().anyMatch(s -> s.current() && s.id().equals(id));
        if (id.length() > 36 || !sessions.end(me.id(), id)) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.SESSION_NOT_FOUND, "you have no such session");
        }
        audit.append(AuditEvent.of(actor(me), AuditAction.LOGOUT, Resource.of("session", id)).about(me.id()).from(Web.client(ctx)));
        if (current) {
            ctx.header("Set-Cookie", Web.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        }
        ctx.status(204);
    }

    /** How many recovery codes are left, when they were used, and the reset codes the operator issued for me. */
    private void codes(Context ctx) {
        Account me = Web.account(ctx);
        List<AccountCodes.Code> codes = accounts.codes().codes(me.id());
        List<AccountCodes.Code> recovery = codes.stream().filter(c -> c.kind() == AccountCodes.Kind.RECOVERY).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recoveryCodes", recovery.size());
        json.put("recoveryCodesLeft", recovery.stream().filter(c -> c.usedAt().isEmpty()).count());
        json.put("recoveryCodesCreatedAt", recovery.isEmpty() ? null : recovery.get(0).createdAt().toString());
        json.put("recoveryCodesUsed", recovery.stream().flatMap(c -> c.usedAt().stream()).sorted().map(Object::toString).toList());
        json.put("resetCodes", codes.stream().filter(c -> c.kind() == AccountCodes.Kind.RESET).map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("issuedAt", c.createdAt().toString());
            item.put("expiresAt", c.expiresAt().map(Object::toString).orElse(null));
            item.put("usedAt", c.usedAt().map(Object::toString).orElse(null));
            return item;
        }).toList());
        ctx.json(json);
    }

    /** A new set of recovery codes (the old set stops working), shown only in this answer. */
    private void newRecoveryCodes(Context ctx) {
        Account me = Web.account(ctx);
        NewRecoveryCodes request = Web.body(ctx, NewRecoveryCodes.class);
        confirmPassword(ctx, me, request.currentPassword());
        if (!accounts.checkPassword(me.id(), request.currentPassword().toCharArray())) {
            refuseWrongPassword(ctx, me, "recovery-codes");
        }
        List<String> codes = accounts.codes().newRecoveryCodes(me.id());
        audit.append(AuditEvent.of(actor(me), AuditAction.CREATE, Resource.of("recovery-codes")).about(me.id()).from(Web.client(ctx)));
        ctx.status(201).json(Map.of("recoveryCodes", codes));
    }

    /** Sets a new password with a recovery code or a reset code, without the old password; every session ends. */
    private void resetPassword(Context ctx) {
        PasswordReset reset = Web.body(ctx, PasswordReset.class);
        if (reset.nickname() == null || reset.code() == null || reset.newPassword() == null) {
            throw AppException.badRequest(ErrorCode.PASSWORD_RESET_INVALID, "send nickname, code and newPassword");
        }
        String nicknameKey = LoginThrottle.nickname(reset.nickname());
        String clientKey = LoginThrottle.client(ctx.ip());
        refuseWhileThrottled(ctx, nicknameKey, clientKey);
        Optional<Account> account = reset.nickname().length() > 40 ? Optional.empty() : accounts.findByNickname(reset.nickname().strip());
        Optional<AccountCodes.Kind> used = account.flatMap(a -> accounts.codes().use(a.id(), reset.code()));
        if (used.isEmpty()) {
            AppTransactions.outside(() -> {
                throttle.failed(nicknameKey, clientKey);
                return audit.append(AuditEvent.of(Actor.of("anonymous", "visitor"), AuditAction.LOGIN_FAILED, Resource.of("password-reset"))
                        .withOutcome(Outcome.DENIED).from(Web.client(ctx)));
            });
            throw new AppException(AppException.Kind.UNAUTHENTICATED, ErrorCode.RESET_CODE_WRONG, "the nickname or the code is wrong, or the code was used or has expired");
        }
        Account person = account.get();
        try {
            accounts.resetPassword(person.id(), reset.newPassword().toCharArray()); // a weak one rolls back, the code stays unused
        } catch (dev.hoheit.mentoring.account.WeakPasswordException e) {
            throw e.inField("newPassword");
        }
        int ended = sessions.endAll(person.id());
        throttle.succeeded(nicknameKey);
        String method = used.get() == AccountCodes.Kind.RECOVERY ? "recovery-code" : "reset-code";
        audit.append(AuditEvent.of(actor(person), AuditAction.UPDATE, Resource.of("password")).about(person.id())
                .withDetails(Map.of("method", method, "sessionsEnded", Integer.toString(ended))).from(Web.client(ctx)));
        long left = accounts.codes().codes(person.id()).stream()
                .filter(c -> c.kind() == AccountCodes.Kind.RECOVERY && c.usedAt().isEmpty()).count();
        ctx.json(Map.of("passwordReset", true, "method", method, "recoveryCodesLeft", left));
    }

    /** The operator's fallback for a person without recovery codes: a one-time code, valid for a day. */
    private void issueResetCode(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        String id = ctx.pathParam("id");
        Account person = (id.length() > 36 ? Optional.<Account>empty() : accounts.find(id))
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        if (person.id().equals(operator.id())) {
            throw AppException.unprocessable(ErrorCode.OPERATOR_PASSWORD_RESET_COMMAND, "the operator's own password is reset with the command 'reset-operator-password' (see the README)");
        }
        String code = accounts.codes().newResetCode(person.id());
        java.time.Instant expires = accounts.codes().codes(person.id()).stream().filter(c -> c.kind() == AccountCodes.Kind.RESET
                && c.usedAt().isEmpty()).findFirst().flatMap(AccountCodes.Code::expiresAt).orElseThrow();
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.CREATE, Resource.of("reset-code"))
                .about(person.id()).from(Web.client(ctx)));
        ctx.status(201).json(Map.of("nickname", person.nickname(), "code", code, "expiresAt", expires.toString()));
    }

    /** Refuses while the account or the client is throttled, and a missing password. */
    private void confirmPassword(Context ctx, Account me, String password) {
        refuseWhileThrottled(ctx, LoginThrottle.nickname(me.nickname()), LoginThrottle.client(ctx.ip()));
        if (password == null) {
            throw AppException.badRequest(ErrorCode.CURRENT_PASSWORD_MISSING, "send currentPassword");
        }
    }

    /** A wrong current password counts like a failed sign-in (kept although the request rolls back). */
    private void refuseWrongPassword(Context ctx, Account me, String what) {
        AppTransactions.outside(() -> {
            throttle.failed(LoginThrottle.nickname(me.nickname()), LoginThrottle.client(ctx.ip()));
            return audit.append(AuditEvent.of(actor(me), AuditAction.UPDATE, Resource.of(what)).about(me.id())
                    .withOutcome(Outcome.DENIED).from(Web.client(ctx)));
        });
        throw AppException.forbidden(ErrorCode.CURRENT_PASSWORD_WRONG, "the current password is wrong; nothing was changed");
    }

    private void refuseWhileThrottled(Context ctx, String... keys) {
        Duration wait = throttle.waitFor(keys);
        if (!wait.isZero()) {
            ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
            throw new AppException(AppException.Kind.TOO_MANY_REQUESTS, ErrorCode.PASSWORD_ATTEMPTS_TOO_MANY, "too many failed attempts; try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds");
        }
    }

    private static Actor actor(Account account) {
        return Actor.of(account.id(), AccountRoutes.primaryRole(account));
    }
}
