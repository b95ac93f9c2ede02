package dev.hoheit.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * Signs note texts with an Ed25519 key (signature type 0x01, c2sp.org/signed-note).
 *
 * <pre>{@code
 * NoteSigner signer = NoteSigner.ed25519("example.com/log", keyPair);
 * Note note = new Note(checkpoint.text(), List.of(signer.sign(checkpoint.text())));
 * String published = note.format();
 * }</pre>
 *
 * @since 0.2
 */
public final class NoteSigner {

    private final String name;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, KeyPair keyPair) {
        NoteKeys.requireEd25519Pair(keyPair);
        this.name = name;
        this.privateKey = keyPair.getPrivate();
        this.verifier = NoteVerifier.ed25519(name, keyPair.getPublic());
    }

    /**
     * A signer for a JDK Ed25519 key pair.
     *
     * @param name the key name: non-empty, without spaces or plus signs (for a log, its origin)
     * @param keyPair an Ed25519 key pair
     * @return the signer
     * @throws TlogException if the name is invalid, the keys are not Ed25519 keys or do not belong together
     * @since 0.2
     */
    public static NoteSigner ed25519(String name, KeyPair keyPair) {
        return new NoteSigner(NoteText.requireKeyName(name), keyPair);
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
        return verifier.keyId();
    }

    /**
     * The verifier key to publish.
     *
     * @return {@code <name>+<hex key ID>+<base64(0x01 || public key)>}
     * @since 0.2
     */
    public String verifierKey() {
        return verifier.verifierKey();
    }

    /**
     * Signs a note text.
     *
     * @param text the note text: ends in a newline, no control character other than newline
     * @return the signature line
     * @throws TlogException if the text is not a valid note text
     * @since 0.2
     */
    public NoteSignature sign(String text) {
        Note.requireText(text);
        byte[] signature = NoteKeys.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return new NoteSignature(name, keyId(), signature);
    }

    /**
     * The matching verifier.
     *
     * @since 0.2
     */
    public NoteVerifier verifier() {
        return verifier;
    }

    /**
     * The verifier key (never the private key).
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return "NoteSigner[" + verifierKey() + "]";
    }
}
