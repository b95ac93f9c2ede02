package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import java.time.Instant;

/**
 * A decision before its subject is known: for a person whose id is created in the same call (an
 * account being registered), the decisions are built and checked first, and bound to the new id with
 * {@link #forSubject} once it exists. Start with {@link #grant}, {@link #refuse} or {@link #withdraw}.
 *
 * <pre>{@code
 * DecisionDraft draft = DecisionDraft.grant(NoticeRef.of("privacy-policy", 3, "de")).as("mentee").via("checkbox");
 * String id = createAccount();
 * consent.record(draft.forSubject(id));
 * }</pre>
 *
 * @param choice what the person decided
 * @param purposeId the purpose decided about
 * @param notice the exact notice shown; null for a withdrawal
 * @param subjectRole the subject's role, such as {@code mentee}
 * @param method how the decision was expressed, such as {@code checkbox}
 * @param expiresAt when a grant lapses by itself, or null
 * @param evidence channel and user agent, or null
 * @since 0.2
 */
public record DecisionDraft(Choice choice, String purposeId, NoticeRef notice, String subjectRole, String method,
                            Instant expiresAt, Evidence evidence) {

    /**
     * Validates everything a {@link DecisionRequest} checks but the subject id.
     *
     * @throws ConsentException ({@link ConsentException.Problem#INVALID_ARGUMENT}) naming the bad argument
     */
    public DecisionDraft {
        choice = CHECKS.required("choice", choice);
        purposeId = CHECKS.token("purpose id", purposeId, 100);
        if (notice != null && !notice.purposeId().equals(purposeId)) {
            throw CHECKS.invalid("notice " + notice + " belongs to another purpose than " + purposeId);
        }
        if (notice == null && choice != Choice.WITHDRAWN) {
            throw CHECKS.invalid("a " + choice + " decision must name the notice that was shown");
        }
        if (expiresAt != null && choice != Choice.GRANTED) {
            throw CHECKS.invalid("only a grant can expire");
        }
        subjectRole = CHECKS.token("subject role", subjectRole, 64);
        method = CHECKS.token("method", method, 64);
    }

    /** The person will agree to the notice. */
    public static DecisionDraft grant(NoticeRef notice) {
        CHECKS.required("notice", notice);
        return new DecisionDraft(Choice.GRANTED, notice.purposeId(), notice, DecisionRequest.UNSPECIFIED_ROLE,
                DecisionRequest.UNSPECIFIED_METHOD, null, null);
    }

    /** The person will decline the notice. */
    public static DecisionDraft refuse(NoticeRef notice) {
        CHECKS.required("notice", notice);
        return new DecisionDraft(Choice.REFUSED, notice.purposeId(), notice, DecisionRequest.UNSPECIFIED_ROLE,
                DecisionRequest.UNSPECIFIED_METHOD, null, null);
    }

    /** The person will withdraw the consent granted for {@code purposeId}. */
    public static DecisionDraft withdraw(String purposeId) {
        return new DecisionDraft(Choice.WITHDRAWN, purposeId, null, DecisionRequest.UNSPECIFIED_ROLE,
                DecisionRequest.UNSPECIFIED_METHOD, null, null);
    }

    /** The same draft, made in {@code role}. */
    public DecisionDraft as(String role) {
        return new DecisionDraft(choice, purposeId, notice, role, method, expiresAt, evidence);
    }

    /** The same draft, expressed by {@code newMethod} (such as {@code checkbox}). */
    public DecisionDraft via(String newMethod) {
        return new DecisionDraft(choice, purposeId, notice, subjectRole, newMethod, expiresAt, evidence);
    }

    /** The same grant, lapsing at {@code instant}. */
    public DecisionDraft until(Instant instant) {
        return new DecisionDraft(choice, purposeId, notice, subjectRole, method, instant, evidence);
    }

    /** The same draft with evidence of how it arrived. */
    public DecisionDraft withEvidence(Evidence newEvidence) {
        return new DecisionDraft(choice, purposeId, notice, subjectRole, method, expiresAt, newEvidence);
    }

    /** The decision of {@code subjectId}, ready for {@link ConsentService#record}. */
    public DecisionRequest forSubject(String subjectId) {
        return new DecisionRequest(subjectId, choice, purposeId, notice, subjectRole, method, expiresAt, evidence);
    }
}
