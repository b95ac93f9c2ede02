package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

/**
 * Points at one exact notice: a purpose, a version and a language.
 *
 * @param purposeId the purpose
 * @param version the notice version, from 1
 * @param language the language tag, such as {@code de} or {@code en}
 * @since 0.1
 */
public record NoticeRef(String purposeId, int version, String language) {

    /** Validates the reference. */
    public NoticeRef {
        purposeId = CHECKS.token("purpose id", purposeId, 100);
        if (version < 1) {
            throw CHECKS.invalid("notice version must be 1 or more, was " + version);
        }
        language = CHECKS.token("language", language, 35);
    }

    /** Shorthand for the constructor. */
    public static NoticeRef of(String purposeId, int version, String language) {
        return new NoticeRef(purposeId, version, language);
    }

    @Override
    public String toString() {
        return purposeId + " v" + version + " (" + language + ")";
    }
}
