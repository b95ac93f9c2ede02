package dev.hoheit.audit.tlog;

import java.util.Base64;

/** The text rules shared by notes, checkpoints, keys and witness requests (c2sp.org/signed-note). */
final class NoteText {

    /** The em dash (U+2014) that starts a signature line. */
    static final String SIGNATURE_PREFIX = "\u2014 ";

    private static final int MAX_DECIMAL_DIGITS = 19;

    private NoteText() {
    }

    /** Checks a key name: non-empty, no Unicode space, no plus sign, no control character. */
    static String requireKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new TlogException("a key name must not be empty");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (c == '+' || c < 0x20 || c == 0x85 || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new TlogException("key name " + quote(name) + " contains a space, a plus sign or a control character");
            }
            i += Character.charCount(c);
        }
        requireUtf8(name, "key name");
        return name;
    }

    /** Checks that {@code text} has no control character other than newline and is valid UTF-8. */
    static void requireNoteCharacters(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new TlogException(what + " contains the control character U+" + String.format("%04X", (int) c));
            }
        }
        requireUtf8(text, what);
    }

    /** Rejects unpaired surrogates: such a string has no UTF-8 encoding. */
    static void requireUtf8(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new TlogException(what + " is not valid UTF-8 (unpaired surrogate)");
            }
        }
    }

    /** Standard base64 (RFC 4648 section 4) with padding, in its one canonical spelling. */
    static byte[] decodeBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TlogException(what + " is not valid base64", e);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new TlogException(what + " is not canonical padded base64");
        }
        return bytes;
    }

    /**
     * Padded standard base64 whose unused low bits may be set, as Go's decoder accepts them: used
     * for signature lines only, so a signature spelled that way fails verification instead of
     * making the whole note malformed.
     */
    static byte[] decodePaddedBase64(String text, String what) {
        if (text.length() % 4 != 0) {
            throw new TlogException(what + " is not padded base64");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new TlogException(what + " is not valid base64", e);
        }
    }

    static String encodeBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An ASCII decimal without leading zeroes ({@code 0} for zero), at most {@link Long#MAX_VALUE}. */
    static long parseDecimal(String text, String what) {
        int length = text.length();
        boolean digits = length > 0 && length <= MAX_DECIMAL_DIGITS;
        for (int i = 0; digits && i < length; i++) {
            char c = text.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (!digits || (length > 1 && text.charAt(0) == '0')) {
            throw new TlogException(what + " " + quote(text) + " is not a decimal number without leading zeroes");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TlogException(what + " " + quote(text) + " is too large", e);
        }
    }

    /** A value for an error message: quoted and cut short, so a huge input does not make a huge message. */
    static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return '"' + shown.replace("\n", "\\n") + '"';
    }

    static String hex(int keyId) {
        return String.format("%08x", keyId);
    }
}
