package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@MigrateWith(ConsentTestSchema.class)
class ListenerTest {

    @DatabaseTest
    void withdrawal_of_a_required_consent_reaches_listeners_with_the_purpose(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        List<String> accountsToDelete = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        consent.addListener(new ConsentListener() {
            @Override
            public void onWithdrawn(Decision withdrawal, Purpose purpose) {
                (purpose.required() ? accountsToDelete : stopped).add(withdrawal.subjectId() + ":" + purpose.id());
            }
        });

        consent.record(DecisionRequest.withdraw("mentee-1", "newsletter"));
        consent.record(DecisionRequest.withdraw("mentee-1", "terms-mentee"));

        assertEquals(List.of("mentee-1:terms-mentee"), accountsToDelete, "R18: a required consent ends the account");
        assertEquals(List.of("mentee-1:newsletter"), stopped);
    }

    @DatabaseTest
    void revocations_reach_listeners_and_unsubscribed_listeners_hear_nothing(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        List<GrantEvent> heard = new ArrayList<>();
        Subscription subscription = consent.addListener(new ConsentListener() {
            @Override
            public void onRevoked(AccessGrant grant, GrantEvent revocation) {
                heard.add(revocation);
            }
        });
        AccessGrant first = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", Set.of("plans")));
        AccessGrant second = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-2", "mentor", Set.of("plans")));

        consent.revoke(first.id(), "mentee-1", "genug");
        subscription.close();
        consent.revoke(second.id(), "mentee-1", null);

        assertEquals(1, heard.size());
        assertEquals(first.id(), heard.get(0).grantId());
        assertEquals(GrantStatus.REVOKED, heard.get(0).status());
        assertEquals("mentee-1", heard.get(0).actorId());
    }

    @DatabaseTest
    void a_failing_listener_does_not_undo_the_withdrawal(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        List<String> secondHeard = new ArrayList<>();
        consent.addListener(new ConsentListener() {
            @Override
            public void onWithdrawn(Decision withdrawal, Purpose purpose) {
                throw new IllegalStateException("mail server down");
            }
        });
        consent.addListener(new ConsentListener() {
            @Override
            public void onWithdrawn(Decision withdrawal, Purpose purpose) {
                secondHeard.add(purpose.id());
            }
        });

        ConsentException e = assertThrows(ConsentException.class,
                () -> consent.record(DecisionRequest.withdraw("mentee-1", "newsletter")));

        assertEquals(ConsentException.Problem.LISTENER_FAILED, e.problem());
        assertTrue(e.getMessage().contains("stored"), e.getMessage());
        assertEquals(ConsentStatus.WITHDRAWN, consent.state("mentee-1", "newsletter").status());
        assertEquals(List.of("newsletter"), secondHeard, "every listener is called");
    }
}
