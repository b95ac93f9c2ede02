package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Role checks on the server, for every request (the UI's hiding of buttons is no protection). */
final class Access {

    private Access() {
    }

    /**
     * The signed-in account if it has one of {@code roles} and has granted the required notices of
     * that role (R27: an account given a role later decides its terms first); 401 or 403 otherwise.
     */
    static Account require(Context ctx, Role... roles) {
        Account account = Web.account(ctx);
        Function<Role, List<String>> pending = ctx.attribute(Web.TERMS_PENDING);
        List<String> missing = List.of();
        for (Role role : roles) {
            if (account.is(role)) {
                List<String> notGranted = pending == null ? List.of() : pending.apply(role);
                if (notGranted.isEmpty()) {
                    return account;
                }
                missing = notGranted;
            }
        }
        if (!missing.isEmpty()) {
            throw AppException.forbidden(ErrorCode.TERMS_PENDING.with("purposes", String.join(", ", missing)), "first accept the terms of your role: " + String.join(", ", missing)
                    + " (POST /api/me/consents; GET /api/me lists them under consentsToGive)");
        }
        throw AppException.forbidden(ErrorCode.ROLE_REQUIRED.with("roles", Arrays.stream(roles).map(Role::id).collect(Collectors.joining(", "))), "this needs the role " + Arrays.stream(roles).map(Role::id).collect(Collectors.joining(" or ")));
    }
}
