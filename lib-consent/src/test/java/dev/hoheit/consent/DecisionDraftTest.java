package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Decisions built before their subject exists: checked at once, bound to the id later. Plain records, no database. */
class DecisionDraftTest {

    private static final NoticeRef TERMS = NoticeRef.of("terms", 2, "de");

    private static void refused(String named, Executable construction) {
        ConsentException e = assertThrows(ConsentException.class, construction);
        assertEquals(ConsentException.Problem.INVALID_ARGUMENT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void a_draft_bound_to_its_subject_is_the_request_built_directly() {
        Evidence web = Evidence.of("web", "Firefox");
        DecisionDraft draft = DecisionDraft.grant(TERMS).as("mentee").via("checkbox").withEvidence(web);

        assertEquals(DecisionRequest.grant("account-7", TERMS).as("mentee").via("checkbox").withEvidence(web),
                draft.forSubject("account-7"));
        assertEquals(DecisionRequest.refuse("account-7", TERMS), DecisionDraft.refuse(TERMS).forSubject("account-7"));
        assertEquals(DecisionRequest.withdraw("account-7", "terms"), DecisionDraft.withdraw("terms").forSubject("account-7"));
    }

    @Test
    void a_draft_is_checked_when_built_not_when_bound() {
        refused("notice must not be null", () -> DecisionDraft.grant(null));
        refused("must name the notice that was shown", () -> new DecisionDraft(Choice.REFUSED, "terms", null, "mentee", "api", null, null));
        refused("belongs to another purpose", () -> new DecisionDraft(Choice.GRANTED, "privacy", TERMS, "mentee", "api", null, null));
        refused("only a grant can expire", () -> DecisionDraft.refuse(TERMS).until(Instant.parse("2027-01-01T00:00:00Z")));
        refused("subject role 'a mentee'", () -> DecisionDraft.grant(TERMS).as("a mentee"));
        refused("method must not be blank", () -> DecisionDraft.grant(TERMS).via(" "));
    }

    @Test
    void binding_checks_the_subject_id_alone() {
        refused("subject id must not be blank", () -> DecisionDraft.grant(TERMS).forSubject(" "));
        refused("subject id is longer than 200 characters", () -> DecisionDraft.grant(TERMS).forSubject("x".repeat(201)));
    }

    @Test
    void the_api_records_refuse_bad_arguments_as_invalid_argument() {
        refused("purpose id 'terms of use'", () -> NoticeRef.of("terms of use", 1, "de"));
        refused("notice version must be 1 or more", () -> NoticeRef.of("terms", 0, "de"));
        refused("evidence channel must not be blank", () -> Evidence.of(null, "UA"));
        refused("a subject cannot grant access to themselves", () -> GrantRequest.of("mentee-1", "mentee-1", "mentor", Set.of("plans")));
    }
}
