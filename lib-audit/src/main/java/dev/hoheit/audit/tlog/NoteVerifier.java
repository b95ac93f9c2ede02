package dev.hoheit.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A verifier key for Ed25519 note signatures (signature type 0x01, c2sp.org/signed-note), written
 * {@code <name>+<hex key ID>+<base64(0x01 || 32-byte public key)>}.
 *
 * @since 0.2
 */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] rawKey;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] rawKey) {
        this.name = name;
        this.rawKey = rawKey;
        this.keyId = NoteKeys.keyId(name, NoteKeys.TYPE_ED25519, rawKey);
        this.publicKey = NoteKeys.publicKey(rawKey);
    }

    /**
     * Parses a verifier key.
     *
     * @param verifierKey {@code <name>+<hex key ID>+<base64(0x01 || public key)>}
     * @return the verifier
     * @throws TlogException if the name is invalid, the key ID does not match the key, the
     *     signature type is not Ed25519 (0x01) or the key is not a 32-byte Ed25519 key
     * @since 0.2
     */
    public static NoteVerifier parse(String verifierKey) {
        NoteKeys.VerifierKey parsed = NoteKeys.parseVerifierKey(verifierKey, NoteKeys.TYPE_ED25519);
        return new NoteVerifier(parsed.name(), parsed.publicKey());
    }

    /**
     * A verifier for a JDK Ed25519 public key.
     *
     * @param name the key name: non-empty, without spaces or plus signs
     * @param key an Ed25519 public key
     * @return the verifier
     * @throws TlogException if the name is invalid or the key is not an Ed25519 key
     * @since 0.2
     */
    public static NoteVerifier ed25519(String name, PublicKey key) {
        return new NoteVerifier(NoteText.requireKeyName(name), NoteKeys.rawPublicKey(key));
    }

    /**
     * The key name.
     *
     * @since 0.2
     */
    public String name() {
        return name;
    }

    /**
     * The key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian.
     *
     * @since 0.2
     */
    public int keyId() {
        return keyId;
    }

    /**
     * The Ed25519 public key.
     *
     * @since 0.2
     */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * The verifier key string, which {@link #parse(String)} reads back.
     *
     * @return {@code <name>+<hex key ID>+<base64(0x01 || public key)>}
     * @since 0.2
     */
    public String verifierKey() {
        return NoteKeys.verifierKey(name, keyId, NoteKeys.TYPE_ED25519, rawKey);
    }

    /**
     * Whether {@code signature} is this key's valid signature of {@code text}. False if the
     * signature's key name or key ID is another key's, or the signature is malformed.
     *
     * @param text the note text, including its final newline
     * @param signature a signature line of the note
     * @return whether the signature verifies
     * @since 0.2
     */
    public boolean verify(String text, NoteSignature signature) {
        Objects.requireNonNull(text, "text");
        return verify(text.getBytes(StandardCharsets.UTF_8), signature);
    }

    boolean matches(NoteSignature signature) {
        return signature.keyName().equals(name) && signature.keyId() == keyId;
    }

    boolean verify(byte[] message, NoteSignature signature) {
        return matches(signature) && NoteKeys.verify(publicKey, message, signature.signature());
    }

    /**
     * Whether both are the same key (name, key ID and public key).
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier that && verifierKey().equals(that.verifierKey());
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
