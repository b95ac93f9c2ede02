package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event about to be appended. Start with {@link #of} and add what applies:
 *
 * <pre>{@code
 * AuditEvent.of(Actor.of("mentor-7", "mentor"), AuditAction.VIEW, Resource.of("plan", "week-2026-02"))
 *         .about("mentee-42").allowedBy("grant:4f1c...").from(ClientInfo.of(ip, userAgent));
 * }</pre>
 *
 * <p>The time is not part of the event: the log takes it from its clock when the event is written.
 *
 * @param actor who acted
 * @param subjectId whose data was touched, or null
 * @param action what was done
 * @param resource what was touched
 * @param purpose the purpose or grant that allowed it, or null
 * @param outcome how it ended
 * @param details a few extra facts (at most {@value #MAX_DETAILS} entries, {@value #MAX_DETAILS_CHARS} characters in all)
 * @param client the client's address and user agent, or null
 * @since 0.1
 */
public record AuditEvent(Actor actor, String subjectId, AuditAction action, Resource resource, String purpose,
                         Outcome outcome, Map<String, String> details, ClientInfo client) {

    /** Most detail entries an event may carry. */
    public static final int MAX_DETAILS = 32;
    /** Most characters of all detail keys and values together. */
    public static final int MAX_DETAILS_CHARS = 4096;

    /** Validates the event. */
    public AuditEvent {
        CHECKS.required("actor", actor);
        subjectId = subjectId == null ? null : CHECKS.text("subject id", subjectId, 200);
        CHECKS.required("action", action);
        CHECKS.required("resource", resource);
        purpose = purpose == null || purpose.isBlank() ? null : CHECKS.text("purpose", purpose, 200);
        CHECKS.required("outcome", outcome);
        details = details == null ? Map.of() : copyDetails(details);
    }

    private static Map<String, String> copyDetails(Map<String, String> details) {
        if (details.size() > MAX_DETAILS) {
            throw CHECKS.invalid("details have " + details.size() + " entries; at most " + MAX_DETAILS + " are allowed");
        }
        int chars = 0;
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : details.entrySet()) {
            String key = CHECKS.token("detail key", entry.getKey(), 64);
            String value = CHECKS.required("detail '" + key + "'", entry.getValue());
            chars += key.length() + value.length();
            copy.put(key, value);
        }
        if (chars > MAX_DETAILS_CHARS) {
            throw CHECKS.invalid("details are " + chars + " characters long; at most " + MAX_DETAILS_CHARS + " are allowed");
        }
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** An allowed event with no subject, purpose, details or client data yet. */
    public static AuditEvent of(Actor actor, AuditAction action, Resource resource) {
        return new AuditEvent(actor, null, action, resource, null, Outcome.ALLOWED, Map.of(), null);
    }

    /** The same event, about {@code newSubjectId}'s data. */
    public AuditEvent about(String newSubjectId) {
        return new AuditEvent(actor, newSubjectId, action, resource, purpose, outcome, details, client);
    }

    /** The same event, allowed by {@code purposeOrGrant}. */
    public AuditEvent allowedBy(String purposeOrGrant) {
        return new AuditEvent(actor, subjectId, action, resource, purposeOrGrant, outcome, details, client);
    }

    /** The same event with another outcome. */
    public AuditEvent withOutcome(Outcome newOutcome) {
        return new AuditEvent(actor, subjectId, action, resource, purpose, newOutcome, details, client);
    }

    /** The same event with details. */
    public AuditEvent withDetails(Map<String, String> newDetails) {
        return new AuditEvent(actor, subjectId, action, resource, purpose, outcome, newDetails, client);
    }

    /** The same event with client data. */
    public AuditEvent from(ClientInfo newClient) {
        return new AuditEvent(actor, subjectId, action, resource, purpose, outcome, details, newClient);
    }
}
