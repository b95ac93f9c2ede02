package dev.hoheit.consent;

import java.time.Instant;
import java.util.Optional;

/**
 * One published version of the wording of a purpose, in one language. Never changed once published;
 * a new wording is a new version.
 *
 * @param ref purpose, version and language
 * @param text the exact text, if kept
 * @param sha256 lower-case hex SHA-256 of the text
 * @param url where the text is published, if known
 * @param effectiveFrom from when it applies
 * @param publishedAt when it was stored
 * @since 0.1
 */
public record Notice(NoticeRef ref, Optional<String> text, String sha256, Optional<String> url,
                     Instant effectiveFrom, Instant publishedAt) {

    /** The purpose this notice explains. */
    public String purposeId() {
        return ref.purposeId();
    }

    /** The version number. */
    public int version() {
        return ref.version();
    }

    /** The language tag. */
    public String language() {
        return ref.language();
    }
}
