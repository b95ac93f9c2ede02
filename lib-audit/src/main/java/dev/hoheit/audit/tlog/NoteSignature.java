package dev.hoheit.audit.tlog;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a signed note (c2sp.org/signed-note):
 * {@code "— <key name> <base64(key ID || signature)>\n"}, the dash being an em dash (U+2014).
 *
 * @param keyName the signing key's name: non-empty, without spaces or plus signs
 * @param keyId the 32-bit key ID (the first 4 bytes of the signature line's base64 data, big-endian)
 * @param signature the bytes after the key ID (for Ed25519, the 64-byte signature; for a
 *     cosignature, the 8-byte timestamp followed by the signature); a fresh copy on every call
 * @since 0.2
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    /**
     * Validates the key name and copies the signature.
     *
     * @throws TlogException if the key name is empty or contains a space or a plus sign, or the
     *     signature is empty
     * @since 0.2
     */
    public NoteSignature {
        NoteText.requireKeyName(keyName);
        Objects.requireNonNull(signature, "signature");
        if (signature.length == 0) {
            throw new TlogException("the signature by " + keyName + " is empty");
        }
        signature = signature.clone();
    }

    /**
     * The signature bytes after the key ID.
     *
     * @return a fresh copy
     * @since 0.2
     */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /**
     * The signature line, ending in a newline.
     *
     * @return {@code "— <key name> <base64(key ID || signature)>\n"}
     * @since 0.2
     */
    public String line() {
        byte[] data = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
        return NoteText.SIGNATURE_PREFIX + keyName + " " + NoteText.encodeBase64(data) + "\n";
    }

    /**
     * Parses one signature line, as {@link #line()} writes it (with its final newline).
     *
     * @param line {@code "— <key name> <base64(key ID || signature)>\n"}
     * @return the signature
     * @throws TlogException if the line is malformed
     * @since 0.2
     */
    public static NoteSignature parse(String line) {
        Objects.requireNonNull(line, "signature line");
        if (!line.startsWith(NoteText.SIGNATURE_PREFIX) || !line.endsWith("\n")) {
            throw new TlogException("signature line " + NoteText.quote(line) + " does not start with \"\u2014 \" and end with a newline");
        }
        String content = line.substring(NoteText.SIGNATURE_PREFIX.length(), line.length() - 1);
        int space = content.indexOf(' ');
        if (space < 0 || content.indexOf(' ', space + 1) >= 0 || content.indexOf('\n') >= 0) {
            throw new TlogException("signature line " + NoteText.quote(line) + " is not \"\u2014 <key name> <base64>\"");
        }
        String name = NoteText.requireKeyName(content.substring(0, space));
        byte[] data = NoteText.decodePaddedBase64(content.substring(space + 1), "the signature by " + name);
        if (data.length < 5) {
            throw new TlogException("the signature by " + name + " has " + data.length + " bytes, fewer than a key ID and a signature");
        }
        return new NoteSignature(name, ByteBuffer.wrap(data).getInt(), Arrays.copyOfRange(data, 4, data.length));
    }

    /**
     * Whether both have the same key name, key ID and signature bytes.
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NoteSignature that && keyName.equals(that.keyName) && keyId == that.keyId
                && Arrays.equals(signature, that.signature);
    }

    /**
     * A hash of the key name, key ID and signature bytes.
     *
     * @since 0.2
     */
    @Override
    public int hashCode() {
        return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
    }

    /**
     * The signature line without its newline.
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return line().substring(0, line().length() - 1);
    }
}
