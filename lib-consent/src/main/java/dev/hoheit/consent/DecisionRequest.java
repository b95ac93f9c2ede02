package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import java.time.Instant;

/**
 * A decision about to be recorded. Start with {@link #grant}, {@link #refuse} or {@link #withdraw},
 * then say who decided ({@link #as}) and how ({@link #via}).
 *
 * <pre>{@code
 * DecisionRequest.grant("mentee-42", NoticeRef.of("privacy-policy", 3, "de"))
 *         .as("mentee").via("checkbox").withEvidence(Evidence.of("web", userAgent));
 * }</pre>
 *
 * @param subjectId pseudonymous id of the person deciding
 * @param choice what they decided
 * @param purposeId the purpose decided about
 * @param notice the exact notice shown; null for a withdrawal, which refers to the notice of the grant it ends
 * @param subjectRole the subject's role, such as {@code mentee} or {@code mentor}
 * @param method how the decision was expressed, such as {@code checkbox} or {@code api}
 * @param expiresAt when a grant lapses by itself, or null
 * @param evidence channel and user agent, or null
 * @since 0.1
 */
public record DecisionRequest(String subjectId, Choice choice, String purposeId, NoticeRef notice, String subjectRole,
                              String method, Instant expiresAt, Evidence evidence) {

    /** Default role until {@link #as} names one. */
    public static final String UNSPECIFIED_ROLE = "subject";
    /** Default method until {@link #via} names one. */
    public static final String UNSPECIFIED_METHOD = "api";

    /** Validates the request (the expiry is checked against the clock when recorded). */
    public DecisionRequest {
        subjectId = CHECKS.text("subject id", subjectId, 200);
        DecisionDraft checked = new DecisionDraft(choice, purposeId, notice, subjectRole, method, expiresAt, evidence);
        purposeId = checked.purposeId();
        subjectRole = checked.subjectRole();
        method = checked.method();
    }

    /** The subject agreed to the notice. */
    public static DecisionRequest grant(String subjectId, NoticeRef notice) {
        CHECKS.required("notice", notice);
        return new DecisionRequest(subjectId, Choice.GRANTED, notice.purposeId(), notice, UNSPECIFIED_ROLE,
                UNSPECIFIED_METHOD, null, null);
    }

    /** The subject declined the notice. */
    public static DecisionRequest refuse(String subjectId, NoticeRef notice) {
        CHECKS.required("notice", notice);
        return new DecisionRequest(subjectId, Choice.REFUSED, notice.purposeId(), notice, UNSPECIFIED_ROLE,
                UNSPECIFIED_METHOD, null, null);
    }

    /** The subject withdraws the consent currently granted for {@code purposeId}. */
    public static DecisionRequest withdraw(String subjectId, String purposeId) {
        return new DecisionRequest(subjectId, Choice.WITHDRAWN, purposeId, null, UNSPECIFIED_ROLE,
                UNSPECIFIED_METHOD, null, null);
    }

    /** The same request, made in {@code role}. */
    public DecisionRequest as(String role) {
        return new DecisionRequest(subjectId, choice, purposeId, notice, role, method, expiresAt, evidence);
    }

    /** The same request, expressed by {@code newMethod} (such as {@code checkbox}). */
    public DecisionRequest via(String newMethod) {
        return new DecisionRequest(subjectId, choice, purposeId, notice, subjectRole, newMethod, expiresAt, evidence);
    }

    /** The same grant, lapsing at {@code instant}. */
    public DecisionRequest until(Instant instant) {
        return new DecisionRequest(subjectId, choice, purposeId, notice, subjectRole, method, instant, evidence);
    }

    /** The same request with evidence of how it arrived. */
    public DecisionRequest withEvidence(Evidence newEvidence) {
        return new DecisionRequest(subjectId, choice, purposeId, notice, subjectRole, method, expiresAt, newEvidence);
    }
}
