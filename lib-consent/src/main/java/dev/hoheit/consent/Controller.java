package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

/**
 * The controller (GDPR Art. 4(7)) who collects consent: named on every receipt.
 *
 * @param name legal name of the controller
 * @param contact name of a contact person or office (such as the data protection officer)
 * @param address postal address
 * @param email contact e-mail
 * @param phone contact phone number
 * @param jurisdiction jurisdiction whose law applies, such as {@code DE} or {@code EU}
 * @param policyUrl URL of the privacy policy
 * @since 0.1
 */
public record Controller(String name, String contact, String address, String email, String phone,
                         String jurisdiction, String policyUrl) {

    /** Validates that every field is present. */
    public Controller {
        name = CHECKS.text("controller name", name, 500);
        contact = CHECKS.text("controller contact", contact, 500);
        address = CHECKS.text("controller address", address, 1000);
        email = CHECKS.text("controller email", email, 320);
        phone = CHECKS.text("controller phone", phone, 100);
        jurisdiction = CHECKS.text("controller jurisdiction", jurisdiction, 100);
        policyUrl = CHECKS.text("controller policy URL", policyUrl, 2000);
    }
}
