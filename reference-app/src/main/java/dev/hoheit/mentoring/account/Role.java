package dev.hoheit.mentoring.account;

import java.util.Locale;

/** The roles of the platform. Anyone who registers is a mentee; the operator grants the rest (R2). */
public enum Role {
    MENTEE, MENTOR, OPERATOR, EMPLOYER, AUDITOR,
    /** Discusses mentors' cases, pseudonymised (R26); granted by the operator to trusted people only. */
    SUPERVISOR;

    /** The role's name in the API and in consent records. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an API role name. */
    public static Role parse(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
