package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.util.Set;

@MigrateWith(ConsentTestSchema.class)
class SubjectRightsTest {

    private static ConsentService populated(TestDatabase db) {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
        consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        consent.record(DecisionRequest.withdraw("mentee-1", "newsletter"));
        AccessGrant mentor = consent.grantAccess(GrantRequest.of("mentee-1", "mentor-1", "mentor", Set.of("plans", "pictures")));
        consent.revoke(mentor.id(), "mentee-1", null);
        consent.grantAccess(GrantRequest.of("mentee-2", "mentee-1", "mentor", Set.of("smoff-time")));
        consent.record(Fixtures.grant("mentee-2", "terms-mentee", 1));
        return consent;
    }

    @DatabaseTest
    void export_contains_every_decision_and_every_grant_with_history(TestDatabase db) throws Exception {
        ConsentService consent = populated(db);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        SubjectRecords counts = consent.exportSubject("mentee-1", out);

        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertEquals("hoheit-consent-export/1", json.get("format").asText());
        assertEquals("mentee-1", json.get("subjectId").asText());
        assertEquals(3, json.get("decisions").size());
        assertEquals("WITHDRAWN", json.get("decisions").get(2).get("choice").asText());
        assertEquals(1, json.get("grantsOverMyData").size());
        assertEquals(2, json.get("grantsOverMyData").get(0).get("history").size());
        assertEquals("REVOKED", json.get("grantsOverMyData").get(0).get("status").asText());
        assertEquals(1, json.get("grantsToMe").size());
        assertEquals("mentee-2", json.get("grantsToMe").get(0).get("subjectId").asText());
        assertEquals(new SubjectRecords(3, 1, 1, 3), counts);
        assertEquals(db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = 'mentee-1'"), counts.decisions());
    }

    @DatabaseTest
    void erasure_removes_the_subject_from_every_table_and_leaves_others_alone(TestDatabase db) {
        ConsentService consent = populated(db);

        SubjectRecords erased = consent.eraseSubject("mentee-1");

        assertEquals(new SubjectRecords(3, 1, 1, 3), erased);
        for (String table : ConsentSchema.TABLES) {
            for (String column : new String[] {"subject_id", "grantee_id", "actor_id", "created_by"}) {
                if (hasColumn(db, table, column)) {
                    assertEquals(0, db.queryLong("SELECT count(*) FROM " + table + " WHERE " + column + " = 'mentee-1'"),
                            table + "." + column + " still mentions the erased subject");
                }
            }
        }
        assertEquals(1, db.queryLong("SELECT count(*) FROM consent_decision WHERE subject_id = 'mentee-2'"));
        assertTrue(consent.history("mentee-1").isEmpty());
        assertEquals(ConsentStatus.UNDECIDED, consent.state("mentee-1", "terms-mentee").status());
        assertEquals(new SubjectRecords(0, 0, 0, 0), consent.eraseSubject("mentee-1"), "erasing twice finds nothing");
        consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1));
        assertEquals(1, consent.history("mentee-1").get(0).sequence(), "a new account with the same id starts afresh");
    }

    private static boolean hasColumn(TestDatabase db, String table, String column) {
        return db.queryLong("SELECT count(*) FROM information_schema.columns WHERE lower(table_name) = ? AND lower(column_name) = ?"
                + (db.kind() == dev.hoheit.testkit.DatabaseKind.POSTGRESQL ? " AND table_schema = current_schema()" : ""),
                table, column) > 0;
    }
}
