package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ReadmeBlocks;
import dev.hoheit.testkit.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The usage example of the README, verbatim between the markers, so it always compiles and works. */
class ReadmeExampleTest {

    @DatabaseTest
    void the_readme_example_works(TestDatabase db) {
        DataSource dataSource = db.dataSource();
        String termsText = "Nutzungsbedingungen";
        String userAgent = "Mozilla/5.0";
        // README example start
        Controller controller = new Controller("Smoffen GmbH", "Datenschutz", "Hauptstr. 1, 10115 Berlin",
                "privacy@smoffen.example", "+49 30 1234567", "DE", "https://smoffen.example/privacy");
        ConsentService consent = ConsentService.create(dataSource, ConsentConfig.of(controller));

        consent.definePurpose(Purpose.required("terms-mentee", "Nutzungsbedingungen").forRoles("mentee"));
        Notice terms = consent.publishNotice(NoticeDraft.ofText("terms-mentee", "de", termsText));

        Decision yes = consent.record(DecisionRequest.grant("mentee-42", terms.ref())
                .as("mentee").via("checkbox").withEvidence(Evidence.of("web", userAgent)));
        boolean granted = consent.state("mentee-42", "terms-mentee").status().isGranted();   // true
        String receipt = consent.receipt(yes.id(), ReceiptFormat.KANTARA_V1_1);               // JSON

        AccessGrant mentor = consent.grantAccess(GrantRequest.of("mentee-42", "mentor-7", "mentor",
                Set.of("smoff-time", "plans", "pictures")));
        boolean mayView = consent.permits("mentor-7", "mentee-42", "plans", Instant.now());     // true
        consent.revoke(mentor.id(), "mentee-42", "no longer needed");                          // access ends at once
        // README example end

        assertTrue(granted);
        assertTrue(receipt.contains("\"consentReceiptID\""));
        assertTrue(mayView);
        assertFalse(consent.permits("mentor-7", "mentee-42", "plans", Instant.now()));
    }

    @Test
    void the_readme_shows_exactly_this_example() throws Exception {
        ReadmeBlocks.assertReadmeContainsExample(Path.of("src/test/java/dev/hoheit/consent/ReadmeExampleTest.java"));
    }
}
