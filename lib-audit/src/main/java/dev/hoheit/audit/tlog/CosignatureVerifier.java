package dev.hoheit.audit.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Verifies timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature, "cosignature/v1", signature
 * type 0x04). Its verifier key is {@code <name>+<hex key ID>+<base64(0x04 || 32-byte public key)>}.
 *
 * @since 0.2
 */
public final class CosignatureVerifier {

    private static final int TIMESTAMP_SIZE = 8;

    private final String name;
    private final int keyId;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private CosignatureVerifier(String name, byte[] rawKey) {
        this.name = name;
        this.rawKey = rawKey;
        this.keyId = NoteKeys.keyId(name, NoteKeys.TYPE_COSIGNATURE_V1, rawKey);
        this.publicKey = NoteKeys.publicKey(rawKey);
    }

    /**
     * Parses a cosigner's verifier key.
     *
     * @param verifierKey {@code <name>+<hex key ID>+<base64(0x04 || public key)>}
     * @return the verifier
     * @throws TlogException if the name is invalid, the key ID does not match the key, the
     *     signature type is not 0x04 or the key is not a 32-byte Ed25519 key
     * @since 0.2
     */
    public static CosignatureVerifier parse(String verifierKey) {
        NoteKeys.VerifierKey parsed = NoteKeys.parseVerifierKey(verifierKey, NoteKeys.TYPE_COSIGNATURE_V1);
        return new CosignatureVerifier(parsed.name(), parsed.publicKey());
    }

    /**
     * A verifier for a cosigner's JDK Ed25519 public key.
     *
     * @param name the cosigner's name: non-empty, without spaces or plus signs
     * @param key an Ed25519 public key
     * @return the verifier
     * @throws TlogException if the name is invalid or the key is not an Ed25519 key
     * @since 0.2
     */
    public static CosignatureVerifier ed25519(String name, PublicKey key) {
        return new CosignatureVerifier(NoteText.requireKeyName(name), NoteKeys.rawPublicKey(key));
    }

    /**
     * The cosigner's name.
     *
     * @since 0.2
     */
    public String name() {
        return name;
    }

    /**
     * The key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x04 || public key), big-endian.
     *
     * @since 0.2
     */
    public int keyId() {
        return keyId;
    }

    /**
     * The cosigner's Ed25519 public key.
     *
     * @since 0.2
     */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The verifier key string, which {@link #parse(String)} reads back.
     *
     * @return {@code <name>+<hex key ID>+<base64(0x04 || public key)>}
     * @since 0.2
     */
    public String verifierKey() {
        return NoteKeys.verifierKey(name, keyId, NoteKeys.TYPE_COSIGNATURE_V1, rawKey);
    }

    /**
     * Checks a cosignature of a checkpoint.
     *
     * @param checkpointText the checkpoint's note text, including its final newline
     * @param signature a signature line of the checkpoint
     * @return the cosignature's timestamp in seconds since the epoch if the signature is this
     *     cosigner's and verifies for {@code checkpointText}; empty otherwise (another key, a
     *     malformed signature, a timestamp above 2^63 - 1, or a text that is not a checkpoint)
     * @since 0.2
     */
    public OptionalLong verify(String checkpointText, NoteSignature signature) {
        Objects.requireNonNull(checkpointText, "checkpoint text");
        if (!signature.keyName().equals(name) || signature.keyId() != keyId) {
            return OptionalLong.empty();
        }
        byte[] bytes = signature.signature();
        if (bytes.length != TIMESTAMP_SIZE + NoteKeys.SIGNATURE_SIZE) {
            return OptionalLong.empty();
        }
        long timestamp = ByteBuffer.wrap(bytes).getLong();
        if (timestamp < 0) {
            return OptionalLong.empty();
        }
        byte[] message;
        try {
            message = signedMessage(checkpointText, timestamp);
        } catch (TlogException e) {
            return OptionalLong.empty();
        }
        boolean valid = NoteKeys.verify(publicKey, message, Arrays.copyOfRange(bytes, TIMESTAMP_SIZE, bytes.length));
        return valid ? OptionalLong.of(timestamp) : OptionalLong.empty();
    }

    /** "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint text, in UTF-8. */
    static byte[] signedMessage(String checkpointText, long timestampSeconds) {
        CheckpointBody.parse(Note.requireText(checkpointText));
        if (timestampSeconds < 0) {
            throw new TlogException("a cosignature timestamp must not be negative: " + timestampSeconds);
        }
        return ("cosignature/v1\ntime " + timestampSeconds + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether both are the same key (name, key ID and public key).
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CosignatureVerifier that && verifierKey().equals(that.verifierKey());
    }

    /**
     * A hash of the verifier key.
     *
     * @since 0.2
     */
    @Override
    public int hashCode() {
        return verifierKey().hashCode();
    }

    /**
     * The verifier key string.
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return verifierKey();
    }
}
