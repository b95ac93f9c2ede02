package dev.hoheit.mentoring.account;

import java.time.Instant;
import java.util.Set;

/**
 * An account as the app sees it.
 *
 * @param id the pseudonymous id every library records
 * @param nickname the public nickname (R22)
 * @param roles the account's roles
 * @param createdAt when it was created
 */
public record Account(String id, String nickname, Set<Role> roles, Instant createdAt) {

    /** Copies the set. */
    public Account {
        roles = Set.copyOf(roles);
    }

    /** Whether the account has {@code role}. */
    public boolean is(Role role) {
        return roles.contains(role);
    }
}
