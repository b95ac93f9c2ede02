package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@MigrateWith(ConsentTestSchema.class)
class AccessGrantTest {

    private static final Set<String> MENTOR_SCOPES = Set.of("smoff-time", "plans", "pictures");

    @DatabaseTest
    void a_grant_the_subject_makes_is_active_at_once_and_limited_to_its_scopes(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);

        AccessGrant grant = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "smoff-time-mentor", Set.of("smoff-time")));

        assertEquals(GrantStatus.ACTIVE, grant.status());
        assertEquals(GrantOrigin.SELF, grant.origin());
        Instant now = clock.instant();
        assertTrue(consent.permits("mentor-1", "mentee-1", "smoff-time", now));
        assertEquals(grant.id(), consent.permittingGrant("mentor-1", "mentee-1", "smoff-time", now).orElseThrow().id());
        assertEquals(Optional.empty(), consent.permittingGrant("mentor-1", "mentee-1", "plans", now));
        assertFalse(consent.permits("mentor-1", "mentee-1", "plans", now), "Smoff-Time mentor sees Smoff-Time only (R4)");
        assertFalse(consent.permits("mentor-1", "mentee-1", "pictures", now));
        assertFalse(consent.permits("mentor-2", "mentee-1", "smoff-time", now), "nobody else");
        assertFalse(consent.permits("mentee-1", "mentor-1", "smoff-time", now), "not the other way round");
        assertFalse(consent.permits("mentor-1", "mentee-1", "smoff-time", now.minusSeconds(1)), "not before it was made");
    }

    @DatabaseTest
    void revocation_ends_access_at_once_and_is_kept_in_history(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        AccessGrant grant = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", MENTOR_SCOPES));
        Instant during = clock.advance(Duration.ofDays(3));

        AccessGrant revoked = consent.revoke(grant.id(), "mentee-1", "Zusammenarbeit beendet");

        assertEquals(GrantStatus.REVOKED, revoked.status());
        assertFalse(consent.permits("mentor-1", "mentee-1", "plans", clock.instant()), "R1: access ends at once");
        assertTrue(consent.permits("mentor-1", "mentee-1", "plans", during.minusSeconds(1)), "history: it was allowed before");
        assertEquals(Optional.empty(), consent.permittingGrant("mentor-1", "mentee-1", "plans", clock.instant()));
        assertEquals(grant.id(), consent.permittingGrant("mentor-1", "mentee-1", "plans", during.minusSeconds(1)).orElseThrow().id(),
                "the grant that allowed it then");
        List<GrantEvent> history = consent.grantHistory(grant.id());
        assertEquals(List.of(GrantStatus.ACTIVE, GrantStatus.REVOKED), history.stream().map(GrantEvent::status).toList());
        assertEquals("Zusammenarbeit beendet", history.get(1).reason().orElseThrow());
        assertEquals(ConsentException.Problem.ILLEGAL_STATE, assertThrows(ConsentException.class,
                () -> consent.accept(grant.id(), "mentee-1")).problem());
        assertEquals(2, db.queryLong("SELECT count(*) FROM consent_grant_event WHERE grant_id = ?", grant.id().toString()));
    }

    @DatabaseTest
    void an_operator_assignment_waits_for_the_subject_who_may_accept_or_decline(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);

        AccessGrant assigned = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", MENTOR_SCOPES)
                .assignedBy("operator"));
        assertEquals(GrantStatus.PENDING, assigned.status());
        assertEquals(GrantOrigin.ASSIGNED_BY_OPERATOR, assigned.origin());
        assertEquals("operator", assigned.createdBy());
        assertFalse(consent.permits("mentor-1", "mentee-1", "plans", clock.instant()), "R12: nothing shared before the subject says yes");
        assertEquals(List.of(assigned), consent.grantsOf("mentee-1"), "R3: the subject sees the assignment");

        assertEquals(ConsentException.Problem.ILLEGAL_STATE, assertThrows(ConsentException.class,
                () -> consent.accept(assigned.id(), "mentor-1")).problem(), "only the subject accepts");
        assertEquals(ConsentException.Problem.ILLEGAL_STATE, assertThrows(ConsentException.class,
                () -> consent.accept(assigned.id(), "operator")).problem());

        clock.advance(Duration.ofMinutes(5));
        AccessGrant accepted = consent.accept(assigned.id(), "mentee-1");
        assertEquals(GrantStatus.ACTIVE, accepted.status());
        assertTrue(consent.permits("mentor-1", "mentee-1", "plans", clock.instant()));

        AccessGrant other = consent.grantAccess(GrantRequest.of("mentee-2", "mentor-1", "mentor", MENTOR_SCOPES).assignedBy("operator"));
        AccessGrant declined = consent.decline(other.id(), "mentee-2", "kenne ich nicht");
        assertEquals(GrantStatus.DECLINED, declined.status());
        assertFalse(consent.permits("mentor-1", "mentee-2", "plans", clock.instant()));
    }

    @DatabaseTest
    void the_subject_can_undo_an_accepted_assignment_at_any_time(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        AccessGrant assigned = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", MENTOR_SCOPES).assignedBy("operator"));
        consent.accept(assigned.id(), "mentee-1");
        clock.advance(Duration.ofDays(100));

        consent.revoke(assigned.id(), "mentee-1", null);

        assertEquals(GrantStatus.REVOKED, consent.grant(assigned.id()).orElseThrow().status());
        assertFalse(consent.permits("mentor-1", "mentee-1", "smoff-time", clock.instant()));
    }

    @DatabaseTest
    void an_employer_request_is_pending_until_the_employee_consents(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        AccessGrant request = consent.grantAccess(GrantRequest.of("mentee-1", "employer-1", "employer", Set.of("assessment"))
                .requestedByGrantee());
        assertEquals(GrantOrigin.REQUESTED_BY_GRANTEE, request.origin());
        assertEquals("employer-1", request.createdBy());
        assertFalse(consent.permits("employer-1", "mentee-1", "assessment", clock.instant()), "R8: nothing without consent");
        consent.accept(request.id(), "mentee-1");
        assertTrue(consent.permits("employer-1", "mentee-1", "assessment", clock.instant()));
        assertFalse(consent.permits("employer-1", "mentee-1", "smoff-time", clock.instant()));
    }

    @DatabaseTest
    void a_grant_with_expiry_lapses_and_cannot_be_accepted_afterwards(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Instant expiry = clock.instant().plus(Duration.ofDays(90));
        AccessGrant course = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", MENTOR_SCOPES).until(expiry));
        AccessGrant pending = consent.grantAccess(GrantRequest.of("mentee-2", "mentor-1", "mentor", MENTOR_SCOPES)
                .assignedBy("operator").until(expiry));

        assertTrue(consent.permits("mentor-1", "mentee-1", "plans", expiry.minusSeconds(1)));
        assertFalse(consent.permits("mentor-1", "mentee-1", "plans", expiry));
        clock.set(expiry);
        assertEquals(GrantStatus.EXPIRED, consent.grant(course.id()).orElseThrow().status());
        assertEquals(ConsentException.Problem.ILLEGAL_STATE, assertThrows(ConsentException.class,
                () -> consent.accept(pending.id(), "mentee-2")).problem());
        assertEquals(ConsentException.Problem.EXPIRY_IN_PAST, assertThrows(ConsentException.class,
                () -> consent.grantAccess(GrantRequest.of("mentee-3", "mentor-1", "mentor", MENTOR_SCOPES).until(expiry))).problem());
    }

    @DatabaseTest
    void withdrawing_mentor_rights_revokes_every_grant_to_that_mentor(TestDatabase db) {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        AccessGrant a = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", MENTOR_SCOPES));
        consent.grantAccess(GrantRequest.of("mentee-2", "mentor-1", "mentor", MENTOR_SCOPES).assignedBy("operator"));
        AccessGrant declined = consent.grantAccess(GrantRequest.of("mentee-3", "mentor-1", "mentor", MENTOR_SCOPES).assignedBy("operator"));
        consent.decline(declined.id(), "mentee-3", null);
        AccessGrant otherMentor = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-2", "mentor", MENTOR_SCOPES));

        List<AccessGrant> revoked = consent.revokeAllTo("mentor-1", "operator", "Missbrauch");

        assertEquals(2, revoked.size());
        assertTrue(revoked.stream().allMatch(g -> g.status() == GrantStatus.REVOKED));
        assertFalse(consent.permits("mentor-1", "mentee-1", "plans", clock.instant()));
        assertEquals(GrantStatus.DECLINED, consent.grant(declined.id()).orElseThrow().status(), "final states stay");
        assertTrue(consent.permits("mentor-2", "mentee-1", "plans", clock.instant()));
        List<GrantEvent> aHistory = consent.grantHistory(a.id());
        assertEquals("operator", aHistory.get(aHistory.size() - 1).actorId());
        assertEquals(GrantStatus.ACTIVE, consent.grant(otherMentor.id()).orElseThrow().status());
        assertEquals(3, consent.grantsTo("mentor-1").size());
    }

    @DatabaseTest
    void bad_grant_input_names_the_problem(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        assertEquals("a subject cannot grant access to themselves", assertThrows(ConsentException.class,
                () -> GrantRequest.of("mentee-1", "mentee-1", "mentor", MENTOR_SCOPES)).getMessage());
        assertEquals("a grant needs at least one scope", assertThrows(ConsentException.class,
                () -> GrantRequest.of("mentee-1", "mentor-1", "mentor", Set.of())).getMessage());
        assertEquals("grantee id must not be blank", assertThrows(ConsentException.class,
                () -> GrantRequest.of("mentee-1", "", "mentor", MENTOR_SCOPES)).getMessage());
        assertEquals(ConsentException.Problem.UNKNOWN_GRANT, assertThrows(ConsentException.class,
                () -> consent.revoke(UUID.randomUUID(), "mentee-1", null)).problem());
        assertEquals(0, db.queryLong("SELECT count(*) FROM consent_grant"));
    }
}
