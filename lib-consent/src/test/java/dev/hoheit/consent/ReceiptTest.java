package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.MigrateWith;
import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Receipts checked field by field: the required fields of the Kantara Consent Receipt v1.1 and the
 * sections of an ISO/IEC TS 27560 consent record.
 */
@MigrateWith(ConsentTestSchema.class)
class ReceiptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DatabaseTest
    void kantara_receipt_carries_every_required_field(TestDatabase db) throws Exception {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        Decision d = consent.record(Fixtures.grant("mentee-1", "terms-mentee", 1).withEvidence(Evidence.of("web", "UA")));

        JsonNode r = JSON.readTree(consent.receipt(d.id(), ReceiptFormat.KANTARA_V1_1));

        assertEquals("KI-CR-v1.1.0", r.get("version").asText());
        assertEquals("DE", r.get("jurisdiction").asText());
        assertEquals(clock.instant().getEpochSecond(), r.get("consentTimestamp").asLong());
        assertTrue(r.get("consentTimestamp").isIntegralNumber());
        assertEquals("checkbox", r.get("collectionMethod").asText());
        assertEquals(d.id().toString(), r.get("consentReceiptID").asText());
        assertEquals("de", r.get("language").asText());
        assertEquals("mentee-1", r.get("piiPrincipalId").asText());
        JsonNode controller = r.get("piiControllers").get(0);
        assertEquals("Smoffen GmbH", controller.get("piiController").asText());
        assertEquals("Datenschutzbeauftragte", controller.get("contact").asText());
        assertEquals("Hauptstr. 1, 10115 Berlin", controller.get("address").get("streetAddress").asText());
        assertEquals("privacy@smoffen.example", controller.get("email").asText());
        assertEquals("+49 30 1234567", controller.get("phone").asText());
        assertFalse(controller.get("onBehalf").asBoolean());
        assertEquals("https://smoffen.example/privacy", r.get("policyUrl").asText());
        JsonNode service = r.get("services").get(0);
        assertEquals("Smoffen GmbH", service.get("service").asText());
        JsonNode purpose = service.get("purposes").get(0);
        assertEquals("Nutzungsbedingungen (Mentee)", purpose.get("purpose").asText());
        assertEquals("terms-mentee", purpose.get("purposeCategory").get(0).asText());
        assertEquals("EXPLICIT", purpose.get("consentType").asText());
        assertEquals(List.of("account", "smoff-time"), JSON.convertValue(purpose.get("piiCategory"), List.class));
        assertTrue(purpose.get("primaryPurpose").asBoolean());
        assertTrue(purpose.get("termination").asText().contains("withdrawn"));
        assertFalse(purpose.get("thirdPartyDisclosure").asBoolean());
        assertFalse(r.get("sensitive").asBoolean());
        assertTrue(r.get("spiCat").isArray());
        JsonNode notice = r.get("hoheit").get("notice");
        assertEquals("GRANTED", r.get("hoheit").get("choice").asText());
        assertEquals(1, notice.get("version").asInt());
        assertEquals(NoticeDraft.sha256(Fixtures.TERMS_TEXT), notice.get("sha256").asText());
    }

    @DatabaseTest
    void iso_27560_record_has_header_processing_parties_and_the_event_history(TestDatabase db) throws Exception {
        MutableClock clock = Fixtures.clock();
        ConsentService consent = Fixtures.service(db, clock);
        Fixtures.defineStandardPurposes(consent);
        Decision granted = consent.record(Fixtures.grant("mentee-1", "newsletter", 1));
        clock.advance(Duration.ofDays(2));
        Decision withdrawn = consent.record(DecisionRequest.withdraw("mentee-1", "newsletter").as("mentee").via("console"));

        JsonNode r = JSON.readTree(consent.receipt(withdrawn.id(), ReceiptFormat.ISO_IEC_TS_27560));

        JsonNode header = r.get("record_header");
        assertEquals("ISO/IEC TS 27560:2023", header.get("schema_version").asText());
        assertEquals(withdrawn.id().toString(), header.get("record_id").asText());
        assertEquals("mentee-1", header.get("pii_principal_id").asText());
        JsonNode processing = r.get("pii_processing");
        assertEquals("newsletter/v1/de", processing.get("privacy_notice").get("notice_id").asText());
        assertEquals(64, processing.get("privacy_notice").get("sha256").asText().length());
        JsonNode purpose = processing.get("purposes").get(0);
        assertEquals("Newsletter", purpose.get("purpose").asText());
        assertEquals("Art. 6(1)(a) GDPR", purpose.get("lawful_basis").asText());
        assertFalse(purpose.get("required_for_service").asBoolean());
        assertFalse(purpose.get("third_party_disclosure").asBoolean());
        assertEquals("console", processing.get("collection_method").asText());
        assertFalse(processing.get("withdrawal_method").asText().isBlank());
        JsonNode party = r.get("party_identification").get(0);
        assertEquals("PII controller", party.get("party_role").asText());
        assertEquals("Smoffen GmbH", party.get("party_name").asText());
        assertEquals("privacy@smoffen.example", party.get("party_email").asText());
        JsonNode events = r.get("event");
        assertEquals(2, events.size());
        assertEquals(granted.id().toString(), events.get(0).get("event_id").asText());
        assertEquals("consent_given", events.get(0).get("event_type").asText());
        assertEquals("given", events.get(0).get("event_state").asText());
        assertEquals("consent_withdrawn", events.get(1).get("event_type").asText());
        assertEquals("withdrawn", events.get(1).get("event_state").asText());
        assertEquals(clock.instant().toString(), events.get(1).get("event_time").asText());
        assertEquals("mentee-1", events.get(1).get("event_by").asText());
    }

    @DatabaseTest
    void both_formats_come_from_the_same_stored_decision(TestDatabase db) throws Exception {
        ConsentService consent = Fixtures.service(db, Fixtures.clock());
        Fixtures.defineStandardPurposes(consent);
        Decision refusal = consent.record(DecisionRequest.refuse("mentee-1", NoticeRef.of("newsletter", 1, "de")).as("mentee"));

        JsonNode kantara = JSON.readTree(consent.receipt(refusal.id(), ReceiptFormat.KANTARA_V1_1));
        JsonNode iso = JSON.readTree(consent.receipt(refusal.id(), ReceiptFormat.ISO_IEC_TS_27560));

        assertEquals(kantara.get("consentReceiptID").asText(), iso.get("record_header").get("record_id").asText());
        assertEquals("REFUSED", kantara.get("hoheit").get("choice").asText());
        assertEquals("refused", iso.get("event").get(0).get("event_state").asText());
        assertEquals(kantara.get("hoheit").get("notice").get("sha256"), iso.get("pii_processing").get("privacy_notice").get("sha256"));
        assertEquals(ConsentException.Problem.UNKNOWN_DECISION, assertThrows(ConsentException.class,
                () -> consent.receipt(UUID.randomUUID(), ReceiptFormat.KANTARA_V1_1)).problem());
    }
}
