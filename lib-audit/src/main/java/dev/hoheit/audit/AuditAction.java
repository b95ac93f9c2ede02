package dev.hoheit.audit;

import java.util.Locale;

/**
 * What an actor did. A closed vocabulary, so a typo cannot create a new kind of event.
 *
 * @since 0.1
 */
public enum AuditAction {
    /** Looked at data (a mentor viewing a mentee's plans). */
    VIEW,
    /** Created data. */
    CREATE,
    /** Changed data. */
    UPDATE,
    /** Deleted data. */
    DELETE,
    /** Signed in. */
    LOGIN,
    /** Signed out. */
    LOGOUT,
    /** A sign-in failed. */
    LOGIN_FAILED,
    /** Exported data (GDPR Art. 15, 20). */
    EXPORT,
    /** Erased a person (GDPR Art. 17). */
    ERASE,
    /** Granted access or consent. */
    GRANT,
    /** Revoked access or withdrew consent. */
    REVOKE,
    /** Restricted processing (GDPR Art. 18). */
    RESTRICT,
    /** The log deleted events past their retention (written by the log itself). */
    PURGE,
    /** The log made old client data unreadable (written by the log itself). */
    ANONYMISE;

    /**
     * Parses an action name, ignoring case.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) for an unknown name
     */
    public static AuditAction parse(String name) {
        if (name == null || name.isBlank()) {
            throw new AuditException(AuditException.Problem.INVALID_ARGUMENT, "action must not be blank");
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AuditException(AuditException.Problem.INVALID_ARGUMENT, "unknown action '" + name.strip()
                    + "'; known actions are " + java.util.Arrays.toString(values()));
        }
    }
}
