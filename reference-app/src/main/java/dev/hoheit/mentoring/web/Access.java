package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.AppException;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import io.javalin.http.Context;

/** Role checks on the server, for every request (the UI's hiding of buttons is no protection). */
final class Access {

    private Access() {
    }

    /** The signed-in account if it has one of {@code roles}; 401 or 403 otherwise. */
    static Account require(Context ctx, Role... roles) {
        Account account = Web.account(ctx);
        for (Role role : roles) {
            if (account.is(role)) {
                return account;
            }
        }
        throw AppException.forbidden("this needs the role " + java.util.Arrays.stream(roles).map(Role::id)
                .collect(java.util.stream.Collectors.joining(" or ")));
    }
}
