package dev.hoheit.consent.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.consent.Choice;
import dev.hoheit.consent.ConsentConfig;
import dev.hoheit.consent.Controller;
import dev.hoheit.consent.Decision;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.Purpose;
import java.util.List;

/**
 * Renders stored decisions as standard receipts. Both formats are built from the same stored
 * decision, purpose, notice and controller; nothing is stored twice.
 */
final class ReceiptRenderer {

    static final String KANTARA_VERSION = "KI-CR-v1.1.0";
    static final String ISO_27560_SCHEMA = "ISO/IEC TS 27560:2023";

    private final ConsentConfig config;

    ReceiptRenderer(ConsentConfig config) {
        this.config = config;
    }

    /**
     * Kantara Initiative Consent Receipt v1.1. The specification has no field for a refusal or a
     * withdrawal, so the choice and the exact notice travel in the {@code hoheit} extension object.
     */
    String kantara(Decision decision, Purpose purpose, Notice notice) {
        Controller controller = config.controller();
        ObjectNode receipt = ConsentJson.MAPPER.createObjectNode();
        receipt.put("version", KANTARA_VERSION);
        receipt.put("jurisdiction", controller.jurisdiction());
        receipt.put("consentTimestamp", decision.decidedAt().getEpochSecond());
        receipt.put("collectionMethod", decision.method());
        receipt.put("consentReceiptID", decision.id().toString());
        receipt.put("language", notice.language());
        receipt.put("piiPrincipalId", decision.subjectId());
        ObjectNode piiController = receipt.putArray("piiControllers").addObject();
        piiController.put("piiController", controller.name());
        piiController.put("onBehalf", false);
        piiController.put("contact", controller.contact());
        ObjectNode address = piiController.putObject("address");
        address.put("streetAddress", controller.address());
        address.put("addressCountry", controller.jurisdiction());
        piiController.put("email", controller.email());
        piiController.put("phone", controller.phone());
        receipt.put("policyUrl", controller.policyUrl());
        ObjectNode service = receipt.putArray("services").addObject();
        service.put("service", config.serviceName());
        ObjectNode entry = service.putArray("purposes").addObject();
        entry.put("purpose", purpose.title());
        entry.putArray("purposeCategory").add(purpose.id());
        entry.put("consentType", "EXPLICIT");
        ArrayNode piiCategory = entry.putArray("piiCategory");
        purpose.dataCategories().forEach(piiCategory::add);
        entry.put("primaryPurpose", purpose.required());
        entry.put("termination", termination(decision));
        entry.put("thirdPartyDisclosure", !purpose.thirdParties().isEmpty());
        if (!purpose.thirdParties().isEmpty()) {
            entry.put("thirdPartyName", String.join(", ", purpose.thirdParties()));
        }
        receipt.put("sensitive", false);
        receipt.putArray("spiCat");
        ObjectNode extension = receipt.putObject("hoheit");
        extension.put("choice", decision.choice().name());
        extension.put("subjectRole", decision.subjectRole());
        extension.put("legalBasis", purpose.legalBasis().article());
        extension.set("notice", notice(notice));
        decision.expiresAt().ifPresent(expiry -> extension.put("expiresAt", expiry.toString()));
        return write(receipt);
    }

    /**
     * A consent record in the information structure of ISO/IEC TS 27560:2023: a record header, the
     * PII processing section (notice, purposes, legal basis, PII categories, collection method), party
     * identification (the controller) and the event section, which lists every decision of this
     * subject on this purpose up to and including the rendered one.
     */
    String iso27560(Decision decision, Purpose purpose, Notice notice, List<Decision> events) {
        Controller controller = config.controller();
        ObjectNode record = ConsentJson.MAPPER.createObjectNode();
        ObjectNode header = record.putObject("record_header");
        header.put("schema_version", ISO_27560_SCHEMA);
        header.put("record_id", decision.id().toString());
        header.put("pii_principal_id", decision.subjectId());
        header.put("record_created", decision.decidedAt().toString());

        ObjectNode processing = record.putObject("pii_processing");
        processing.set("privacy_notice", notice(notice));
        processing.put("language", notice.language());
        ObjectNode purposeNode = processing.putArray("purposes").addObject();
        purposeNode.put("purpose_id", purpose.id());
        purposeNode.put("purpose", purpose.title());
        purposeNode.put("purpose_description", purpose.description());
        purposeNode.put("lawful_basis", purpose.legalBasis().article());
        purposeNode.put("required_for_service", purpose.required());
        ArrayNode categories = purposeNode.putArray("pii_categories");
        purpose.dataCategories().forEach(categories::add);
        purposeNode.put("third_party_disclosure", !purpose.thirdParties().isEmpty());
        ArrayNode recipients = purposeNode.putArray("recipients");
        purpose.thirdParties().forEach(recipients::add);
        processing.put("collection_method", decision.method());
        processing.put("withdrawal_method", config.withdrawalHint());
        ObjectNode validity = processing.putObject("validity");
        decision.expiresAt().ifPresentOrElse(expiry -> validity.put("expires_at", expiry.toString()),
                () -> validity.put("expires_at", (String) null));

        ObjectNode party = record.putArray("party_identification").addObject();
        party.put("party_id", "controller");
        party.put("party_role", "PII controller");
        party.put("party_name", controller.name());
        party.put("party_contact", controller.contact());
        party.put("party_address", controller.address());
        party.put("party_email", controller.email());
        party.put("party_phone", controller.phone());
        party.put("party_url", controller.policyUrl());
        party.put("jurisdiction", controller.jurisdiction());

        ArrayNode eventNodes = record.putArray("event");
        for (Decision event : events) {
            ObjectNode node = eventNodes.addObject();
            node.put("event_id", event.id().toString());
            node.put("event_time", event.decidedAt().toString());
            node.put("event_type", eventType(event.choice()));
            node.put("event_by", event.subjectId());
            node.put("event_by_role", event.subjectRole());
            node.put("event_state", eventState(event.choice()));
            node.put("notice_version", event.notice().version());
            node.put("collection_method", event.method());
            event.evidence().ifPresent(evidence -> node.put("event_channel", evidence.channel()));
        }
        return write(record);
    }

    private String termination(Decision decision) {
        return decision.expiresAt()
                .map(expiry -> "Expires at " + expiry + ". " + config.withdrawalHint())
                .orElse(config.withdrawalHint());
    }

    private static ObjectNode notice(Notice notice) {
        ObjectNode node = ConsentJson.MAPPER.createObjectNode();
        node.put("notice_id", notice.purposeId() + "/v" + notice.version() + "/" + notice.language());
        node.put("purpose_id", notice.purposeId());
        node.put("version", notice.version());
        node.put("language", notice.language());
        node.put("sha256", notice.sha256());
        notice.url().ifPresent(url -> node.put("url", url));
        node.put("effective_from", notice.effectiveFrom().toString());
        return node;
    }

    private static String eventType(Choice choice) {
        return switch (choice) {
            case GRANTED -> "consent_given";
            case REFUSED -> "consent_refused";
            case WITHDRAWN -> "consent_withdrawn";
        };
    }

    private static String eventState(Choice choice) {
        return switch (choice) {
            case GRANTED -> "given";
            case REFUSED -> "refused";
            case WITHDRAWN -> "withdrawn";
        };
    }

    private static String write(ObjectNode node) {
        try {
            return ConsentJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }
}
