package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The wording of a notice about to be published: either the exact text (its SHA-256 is computed)
 * or a SHA-256 and the URL where that text is published.
 *
 * @param purposeId the purpose the notice explains
 * @param language language tag, such as {@code de}
 * @param text the exact text shown to the subject, or null when only a hash and URL are kept
 * @param sha256 lower-case hex SHA-256 of the UTF-8 text
 * @param url where the text is published, or null
 * @param effectiveFrom from when the notice applies; null means "when published"
 * @since 0.1
 */
public record NoticeDraft(String purposeId, String language, String text, String sha256, String url, Instant effectiveFrom) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates the draft; the hash must match the text when both are given. */
    public NoticeDraft {
        purposeId = CHECKS.token("purpose id", purposeId, 100);
        language = CHECKS.token("language", language, 35);
        url = CHECKS.optionalText("notice URL", url, 2000);
        if (text != null && text.isBlank()) {
            throw CHECKS.invalid("notice text must not be blank");
        }
        if (text != null && text.length() > 1_000_000) {
            throw CHECKS.invalid("notice text is longer than 1,000,000 characters");
        }
        if (text == null && (sha256 == null || url == null)) {
            throw CHECKS.invalid("a notice needs its text, or its SHA-256 and URL");
        }
        if (text != null) {
            String computed = sha256(text);
            if (sha256 != null && !sha256.equals(computed)) {
                throw CHECKS.invalid("notice SHA-256 does not match its text");
            }
            sha256 = computed;
        } else if (!SHA256.matcher(sha256).matches()) {
            throw CHECKS.invalid("notice SHA-256 must be 64 lower-case hex digits");
        }
    }

    /** A notice kept with its exact text. */
    public static NoticeDraft ofText(String purposeId, String language, String text) {
        return new NoticeDraft(purposeId, language, text, null, null, null);
    }

    /** A notice kept as the SHA-256 of its text and the URL where it is published. */
    public static NoticeDraft ofReference(String purposeId, String language, String sha256, String url) {
        return new NoticeDraft(purposeId, language, null, sha256, url, null);
    }

    /** The same draft, also naming the URL where the text is published. */
    public NoticeDraft publishedAt(String newUrl) {
        return new NoticeDraft(purposeId, language, text, sha256, newUrl, effectiveFrom);
    }

    /** The same draft, applying from {@code instant}. */
    public NoticeDraft effectiveFrom(Instant instant) {
        return new NoticeDraft(purposeId, language, text, sha256, url, instant);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
