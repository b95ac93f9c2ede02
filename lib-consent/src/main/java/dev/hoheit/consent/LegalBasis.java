package dev.hoheit.consent;

/**
 * The legal basis of a purpose under GDPR Art. 6(1). Only {@link #CONSENT} purposes can be refused
 * or withdrawn without consequence for the contract; the others are recorded for transparency.
 *
 * @since 0.1
 */
public enum LegalBasis {
    /** Art. 6(1)(a): the subject consented. */
    CONSENT("Art. 6(1)(a) GDPR"),
    /** Art. 6(1)(b): needed to perform a contract with the subject (the terms of use). */
    CONTRACT("Art. 6(1)(b) GDPR"),
    /** Art. 6(1)(c): a legal obligation of the controller. */
    LEGAL_OBLIGATION("Art. 6(1)(c) GDPR"),
    /** Art. 6(1)(d): vital interests of a person. */
    VITAL_INTERESTS("Art. 6(1)(d) GDPR"),
    /** Art. 6(1)(e): a task in the public interest. */
    PUBLIC_TASK("Art. 6(1)(e) GDPR"),
    /** Art. 6(1)(f): legitimate interests of the controller. */
    LEGITIMATE_INTERESTS("Art. 6(1)(f) GDPR");

    private final String article;

    LegalBasis(String article) {
        this.article = article;
    }

    /** The article of the GDPR, such as {@code Art. 6(1)(a) GDPR}. */
    public String article() {
        return article;
    }
}
