package dev.hoheit.audit.tlog;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;

/**
 * Makes timestamped Ed25519 cosignatures of checkpoints (c2sp.org/tlog-cosignature, "cosignature/v1",
 * signature type 0x04), as a witness does. The signed message is
 * {@code "cosignature/v1\ntime <timestamp>\n"} followed by the checkpoint's note text; the signature
 * bytes are the 8-byte big-endian timestamp followed by the 64-byte Ed25519 signature.
 *
 * <p>The message does not contain the cosigner's name: use a distinct key for every cosigner.
 *
 * @since 0.2
 */
public final class Cosigner {

    private final PrivateKey privateKey;
    private final CosignatureVerifier verifier;

    private Cosigner(String name, KeyPair keyPair) {
        NoteKeys.requireEd25519Pair(keyPair);
        this.privateKey = keyPair.getPrivate();
        this.verifier = CosignatureVerifier.ed25519(name, keyPair.getPublic());
    }

    /**
     * A cosigner for a JDK Ed25519 key pair.
     *
     * @param name the cosigner's name: non-empty, without spaces or plus signs (a schema-less URL is recommended)
     * @param keyPair an Ed25519 key pair used for nothing else
     * @return the cosigner
     * @throws TlogException if the name is invalid, the keys are not Ed25519 keys or do not belong together
     * @since 0.2
     */
    public static Cosigner ed25519(String name, KeyPair keyPair) {
        return new Cosigner(NoteText.requireKeyName(name), keyPair);
    }

    /**
     * The cosigner's name.
     *
     * @since 0.2
     */
    public String name() {
        return verifier.name();
    }

    /**
     * The key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x04 || public key), big-endian.
     *
     * @since 0.2
     */
    public int keyId() {
        return verifier.keyId();
    }

    /**
     * The verifier key to publish.
     *
     * @return {@code <name>+<hex key ID>+<base64(0x04 || public key)>}
     * @since 0.2
     */
    public String verifierKey() {
        return verifier.verifierKey();
    }

    /**
     * Cosigns a checkpoint.
     *
     * @param checkpointText the checkpoint's note text (as {@link CheckpointBody#text()} writes it)
     * @param timestampSeconds when the cosignature is made, in seconds since the epoch, not negative
     * @return the signature line; its signature bytes are the timestamp and the Ed25519 signature
     * @throws TlogException if the text is not a checkpoint or the timestamp is negative
     * @since 0.2
     */
    public NoteSignature cosign(String checkpointText, long timestampSeconds) {
        byte[] message = CosignatureVerifier.signedMessage(checkpointText, timestampSeconds);
        byte[] signature = NoteKeys.sign(privateKey, message);
        byte[] timestamped = ByteBuffer.allocate(8 + signature.length).putLong(timestampSeconds).put(signature).array();
        return new NoteSignature(name(), keyId(), timestamped);
    }

    /**
     * The matching verifier.
     *
     * @since 0.2
     */
    public CosignatureVerifier verifier() {
        return verifier;
    }

    /**
     * The verifier key (never the private key).
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return "Cosigner[" + verifierKey() + "]";
    }
}
