package dev.hoheit.consent;

import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;

/** Shared test data: a controller, a clock at a fixed start, and a service on a test database. */
final class Fixtures {

    static final Controller CONTROLLER = new Controller("Smoffen GmbH", "Datenschutzbeauftragte",
            "Hauptstr. 1, 10115 Berlin", "privacy@smoffen.example", "+49 30 1234567", "DE",
            "https://smoffen.example/privacy");

    static final String TERMS_TEXT = "Nutzungsbedingungen für Mentees, Fassung 1.";
    static final String PRIVACY_TEXT = "Datenschutzerklärung, Fassung 1.";

    private Fixtures() {
    }

    static MutableClock clock() {
        return MutableClock.at("2026-01-05T09:00:00Z");
    }

    static ConsentService service(TestDatabase db, MutableClock clock) {
        return ConsentService.create(db.dataSource(), ConsentConfig.of(CONTROLLER).withClock(clock).withoutMigration());
    }

    /** Defines the mentee terms (required), the privacy policy (required) and a newsletter (optional), each with notice v1. */
    static void defineStandardPurposes(ConsentService consent) {
        consent.definePurpose(Purpose.required("terms-mentee", "Nutzungsbedingungen (Mentee)").forRoles("mentee")
                .withDataCategories(java.util.List.of("account", "smoff-time")));
        consent.definePurpose(Purpose.required("terms-mentor", "Nutzungsbedingungen (Mentor)").forRoles("mentor"));
        consent.definePurpose(Purpose.required("privacy-policy", "Datenschutzerklärung"));
        consent.definePurpose(Purpose.optional("newsletter", "Newsletter").forRoles("mentee", "mentor"));
        consent.publishNotice(NoticeDraft.ofText("terms-mentee", "de", TERMS_TEXT));
        consent.publishNotice(NoticeDraft.ofText("terms-mentor", "de", "Nutzungsbedingungen für Mentoren."));
        consent.publishNotice(NoticeDraft.ofText("privacy-policy", "de", PRIVACY_TEXT));
        consent.publishNotice(NoticeDraft.ofText("newsletter", "de", "Wir schicken monatlich Tipps."));
    }

    static DecisionRequest grant(String subject, String purpose, int version) {
        return DecisionRequest.grant(subject, NoticeRef.of(purpose, version, "de")).as("mentee").via("checkbox");
    }
}
