package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

/**
 * Who acted: a pseudonymous id and the role they acted in.
 *
 * @param id pseudonymous id (never a name or an e-mail address)
 * @param role the role, such as {@code mentee}, {@code mentor}, {@code operator}
 * @since 0.1
 */
public record Actor(String id, String role) {

    /** The id the log itself uses for what it writes (purges, anonymisation). */
    public static final String SYSTEM_ID = "hoheit:system";

    /** Validates the actor. */
    public Actor {
        id = CHECKS.text("actor id", id, 200);
        role = CHECKS.token("actor role", role, 64);
    }

    /** Shorthand for the constructor. */
    public static Actor of(String id, String role) {
        return new Actor(id, role);
    }

    /** The log itself. */
    public static Actor system() {
        return new Actor(SYSTEM_ID, "system");
    }

    /** Whether this is the log itself. */
    public boolean isSystem() {
        return SYSTEM_ID.equals(id);
    }
}
