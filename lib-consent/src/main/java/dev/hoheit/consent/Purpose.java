package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Something personal data is processed for, which a subject is asked about: the privacy policy,
 * the terms of use, a newsletter. Defined once; its wording lives in versioned {@link Notice}s.
 *
 * <p>Create one with {@link #required} or {@link #optional} and refine it with the {@code with...}
 * methods. A purpose is immutable once defined: a changed meaning needs a new purpose id.
 *
 * @param id stable identifier, such as {@code privacy-policy} (letters, digits, {@code . _ : @ -})
 * @param title short human-readable title
 * @param description what the processing is, in one or two sentences (may be empty)
 * @param legalBasis the legal basis of the processing
 * @param required whether an account depends on it: withdrawing a required purpose ends the account
 * @param roles the roles asked about this purpose at registration; empty means every role
 * @param dataCategories categories of personal data processed (receipts list them), such as {@code account}
 * @param thirdParties third parties the data is disclosed to; empty means none
 * @since 0.1
 */
public record Purpose(String id, String title, String description, LegalBasis legalBasis, boolean required,
                      Set<String> roles, List<String> dataCategories, List<String> thirdParties) {

    /** Validates and copies the arguments. */
    public Purpose {
        id = CHECKS.token("purpose id", id, 100);
        title = CHECKS.text("purpose title", title, 500);
        description = description == null ? "" : description.strip();
        if (description.length() > 4000) {
            throw CHECKS.invalid("purpose description is longer than 4000 characters");
        }
        legalBasis = CHECKS.required("legal basis", legalBasis);
        roles = CHECKS.tokens("role", roles, 64);
        dataCategories = CHECKS.texts("data category", dataCategories, 100);
        thirdParties = CHECKS.texts("third party", thirdParties, 200);
        if (String.join(",", roles).length() > 1000 || String.join(",", dataCategories).length() > 1000
                || String.join(",", thirdParties).length() > 1000) {
            throw CHECKS.invalid("purpose " + id + ": roles, data categories or third parties are too long");
        }
        if (dataCategories.stream().anyMatch(c -> c.contains(",")) || thirdParties.stream().anyMatch(p -> p.contains(","))) {
            throw CHECKS.invalid("purpose " + id + ": data categories and third parties may not contain commas");
        }
    }

    /** A purpose an account depends on (terms of use, privacy policy): legal basis {@link LegalBasis#CONTRACT}. */
    public static Purpose required(String id, String title) {
        return new Purpose(id, title, "", LegalBasis.CONTRACT, true, Set.of(), List.of(), List.of());
    }

    /** An optional purpose the subject may refuse (newsletter, research): legal basis {@link LegalBasis#CONSENT}. */
    public static Purpose optional(String id, String title) {
        return new Purpose(id, title, "", LegalBasis.CONSENT, false, Set.of(), List.of(), List.of());
    }

    /** The same purpose with a description. */
    public Purpose withDescription(String newDescription) {
        return new Purpose(id, title, newDescription, legalBasis, required, roles, dataCategories, thirdParties);
    }

    /** The same purpose with another legal basis. */
    public Purpose withLegalBasis(LegalBasis newBasis) {
        return new Purpose(id, title, description, newBasis, required, roles, dataCategories, thirdParties);
    }

    /** The same purpose, asked only of these roles (mentor terms differ from mentee terms, say). */
    public Purpose forRoles(String... newRoles) {
        return new Purpose(id, title, description, legalBasis, required, Set.of(newRoles), dataCategories, thirdParties);
    }

    /** The same purpose with these categories of personal data. */
    public Purpose withDataCategories(Collection<String> categories) {
        return new Purpose(id, title, description, legalBasis, required, roles, List.copyOf(categories), thirdParties);
    }

    /** The same purpose, disclosing data to these third parties. */
    public Purpose withThirdParties(Collection<String> parties) {
        return new Purpose(id, title, description, legalBasis, required, roles, dataCategories, List.copyOf(parties));
    }

    /** Whether subjects in {@code role} are asked about this purpose. */
    public boolean appliesTo(String role) {
        return roles.isEmpty() || roles.contains(role);
    }
}
