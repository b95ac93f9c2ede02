package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.LoginThrottle;
import dev.hoheit.mentoring.account.RegistrationThrottle;
import dev.hoheit.mentoring.account.UsageCaps;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * The cost limits in front of the routes that create things: registrations per client address, and
 * the per-account caps. Checked before the route's handler runs, in the request's transaction, so a
 * refused request spends nothing (no password hash, no picture decode).
 */
final class UsageLimits {

    private final UsageCaps caps;
    private final RegistrationThrottle registrations;
    private final LoginThrottle throttle;

    UsageLimits(UsageCaps caps, RegistrationThrottle registrations, LoginThrottle throttle) {
        this.caps = caps;
        this.registrations = registrations;
        this.throttle = throttle;
    }

    void register(RoutesConfig routes) {
        routes.before("/api/accounts", ctx -> {
            if (isPost(ctx)) {
                Duration wait = registrations.admit(ctx.ip());
                if (!wait.isZero()) {
                    throw AppException.tooMany(ErrorCode.REGISTRATIONS_TOO_MANY, "too many registrations from your network (at most " + registrations.perHour()
                            + " an hour); please try again later", wait);
                }
            }
        });
        capped(routes, "/api/me/smoff-sessions", UsageCaps::smoffEntry);
        capped(routes, "/api/me/pictures", UsageCaps::picture);
        capped(routes, "/api/me/messages", UsageCaps::message);
        // Failed invitations (unknown nickname or no mentor rights, one answer for both) are throttled like
        // failed sign-ins, so nobody probes which nicknames exist.
        routes.before("/api/me/mentors", ctx -> {
            Account account = ctx.attribute(Web.ACCOUNT);
            if (isPost(ctx) && account != null) {
                Duration wait = throttle.waitFor(inviteKey(account));
                if (!wait.isZero()) {
                    throw AppException.tooMany(ErrorCode.INVITATIONS_TOO_MANY, "too many invitations that found no mentor; please check the nickname with your mentor"
                            + " and try again later", wait);
                }
            }
        });
        routes.after("/api/me/mentors", ctx -> { // after the request's transaction ended: counted although it rolled back
            Account account = ctx.attribute(Web.ACCOUNT);
            if (isPost(ctx) && account != null && ctx.status().getCode() == 422) {
                throttle.failed(inviteKey(account));
            }
        });
    }

    /** A signed-in caller's POST to {@code path} passes {@code cap} first; anonymous ones are refused by the route. */
    private void capped(RoutesConfig routes, String path, BiConsumer<UsageCaps, String> cap) {
        routes.before(path, ctx -> {
            Account account = ctx.attribute(Web.ACCOUNT);
            if (isPost(ctx) && account != null) {
                cap.accept(caps, account.id());
            }
        });
    }

    private static String inviteKey(Account account) {
        return "invite:" + account.id();
    }

    private static boolean isPost(Context ctx) {
        return "POST".equals(ctx.method().name());
    }
}
