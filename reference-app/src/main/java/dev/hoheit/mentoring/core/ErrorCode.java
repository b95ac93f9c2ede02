package dev.hoheit.mentoring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every reason an API error can give, as a stable snake_case {@link #code()} (the error contract:
 * {@code "code"} in each error body, and in each entry of {@code "fields"}). A published code never
 * changes; the console translates each one (ErrorCodeTest fails when a code has no German or English text).
 */
public enum ErrorCode {
    // The kinds themselves, when no finer reason exists.
    BAD_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE,
    TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE, INTERNAL, METHOD_NOT_ALLOWED, PASSWORD_CHANGE_REQUIRED, WEAK_PASSWORD,
    // A form with several problems: each one is in "fields".
    FIELDS_INVALID, PASSWORD_LENGTH, PASSWORD_IS_NICKNAME, PASSWORD_GUESSABLE, PASSWORD_UNCHANGED,
    // Problems the libraries, Javalin and Jetty report.
    INVALID_ARGUMENT, AUDIT_LOG_UNAVAILABLE, AUDIT_LOG_DAMAGED, DATABASE_UNAVAILABLE, LEGAL_HOLD, ALREADY_RUNNING,
    EXPIRY_IN_PAST, UNKNOWN_PURPOSE, UNKNOWN_NOTICE, UNKNOWN_DECISION, UNKNOWN_GRANT, ILLEGAL_STATE, REQUEST_MALFORMED,
    REQUEST_TIMEOUT, URI_TOO_LONG, HEADERS_TOO_LARGE, HTTP_VERSION_UNSUPPORTED,
    // The app's own reasons.
    ACCOUNT_NOT_FOUND, ASSESSMENT_DAYS_INVALID, BEFORE_INVALID, BODY_EMPTY, BODY_MALFORMED,
    CONFIRMATION_PASSWORD_WRONG, CONSENT_CHANGE_INVALID, CONSENT_NEVER_GIVEN, CONSENT_REQUIRED, CONSENT_UNDECIDED,
    CONSENT_WITHDRAWAL_DELETES_ACCOUNT, COURSE_NAME_INVALID, COURSE_SIZE_INVALID, CSRF_TOKEN_INVALID,
    CURRENT_PASSWORD_MISSING, CURRENT_PASSWORD_WRONG, CURSOR_INVALID, DATE_INVALID, EMAIL_INVALID, EMAIL_NEEDED,
    EMPLOYEE_NOT_FOUND, EMPLOYEE_NOT_MENTEE, EMPLOYER_NOT_FOUND, EMPLOYMENT_NOT_FOUND, FORMAT_INVALID,
    INVITATIONS_TOO_MANY, JSON_REQUIRED, JSON_TOO_LARGE, MENTOR_NOT_FOUND, MENTOR_RELATION_NOT_FOUND,
    MENTOR_RELATION_REQUIRED, MENTOR_SCOPE_INVALID, MESSAGES_LIMIT, MESSAGE_INVALID, MESSAGE_LENGTH, NICKNAME_INVALID,
    NICKNAME_NOT_FOUND, NICKNAME_RESERVED, NICKNAME_TAKEN, NOTE_TOO_LONG, NOTIFICATION_KIND_INVALID,
    NOTIFICATION_SETTINGS_INVALID, NOT_AN_EMPLOYER, NOT_YOUR_EMPLOYEE, NO_CHECKPOINT, NO_GRANT, NO_MENTOR_RIGHTS,
    NUMBER_OUT_OF_RANGE, OPERATOR_PASSWORD_RESET_COMMAND, PASSWORD_ATTEMPTS_TOO_MANY, PASSWORD_CHANGE_INVALID,
    PASSWORD_RESET_INVALID, PICTURES_BUSY, PICTURES_LIMIT, PICTURE_DAMAGED, PICTURE_MISSING, PICTURE_NOT_FOUND,
    PICTURE_NOT_STORABLE, PICTURE_TOO_LARGE, PICTURE_TOO_LARGE_TO_PROCESS, PICTURE_TOO_MANY_PIXELS,
    PICTURE_TYPE_UNSUPPORTED, PICTURE_UNREADABLE, PLAN_KIND_INVALID, PLAN_PERIOD_INVALID, PLAN_TEXT_LENGTH,
    PRIVACY_EXTENSION_TOO_LATE, PRIVACY_EXTENSION_USED, PRIVACY_KIND_INVALID, PRIVACY_REQUEST_ANSWERED,
    PRIVACY_REQUEST_NOT_FOUND, PRIVACY_TEXT_LENGTH, PROCESSING_RESTRICTED, PROCESSING_RESTRICTED_MESSAGES,
    PURPOSE_NOT_ASKED, PURPOSE_NOT_FOUND, REGISTRATIONS_TOO_MANY, RESET_CODE_WRONG, ROLE_INVALID, ROLE_REQUEST_INVALID,
    ROLE_REQUIRED, SEARCH_TOO_LONG, SERVICE_NOTIFICATIONS_REQUIRED, SESSION_NOT_FOUND, SHUTTING_DOWN,
    SIGN_IN_ATTEMPTS_TOO_MANY, SIGN_IN_REQUIRED, SMOFF_TIME_DAILY_LIMIT, SMOFF_TIME_DATE_OUT_OF_RANGE,
    SMOFF_TIME_KIND_INVALID, SMOFF_TIME_MINUTES_OUT_OF_RANGE, SMOFF_TIME_NOT_FOUND, STATUS_INVALID, TERMS_PENDING,
    TILE_NOT_FOUND, TILE_PATH_INVALID, WEEK_INVALID, WEEK_NOT_EXISTING, WEEK_RANGE_REVERSED, WEEK_RANGE_TOO_LONG,
    WRONG_CREDENTIALS, DECISION_NOT_FOUND, WELCOME_SEEN_REQUIRED,
    // Supervision (R26): a case's texts are refused when they could identify the mentee.
    CASE_NOT_FOUND, CASE_CLOSED, CASE_TEXT_REQUIRED, CASE_TEXT_TOO_LONG, CASE_NAMES_MENTEE, CASE_CONTAINS_MENTEE_EMAIL,
    CASE_CONTAINS_EMAIL, CASE_CONTAINS_ID, CASE_NAMES_ACCOUNT, CASE_WEEKS_INVALID, MENTEE_NOT_FOUND, SUPERVISOR_NOT_FOUND,
    SUPERVISOR_IS_MENTOR;

    /** The stable identifier, such as {@code nickname_taken}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This reason with a value its message refers to. */
    public Reason with(String name, Object value) {
        return reason().with(name, value);
    }

    /** This reason without values. */
    public Reason reason() {
        return new Reason(this, Map.of());
    }

    /**
     * A reason with the values its translation may insert: numbers, strings, ISO dates (never personal
     * data beyond the caller's own input).
     */
    public record Reason(ErrorCode code, Map<String, Object> params) {

        public Reason {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** A copy with one more value. */
        public Reason with(String name, Object value) {
            Map<String, Object> more = new LinkedHashMap<>(params);
            more.put(name, value instanceof Number || value instanceof Boolean || value == null ? value : String.valueOf(value));
            return new Reason(code, more);
        }
    }
}
