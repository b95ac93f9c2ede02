package dev.hoheit.audit;

import dev.hoheit.audit.internal.CheckpointJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A signed statement "the chain had {@code seq} events and its head hash was {@code headHash}".
 * Export checkpoints ({@link #toJson()}) and keep them outside the database: a later
 * {@link AuditLog#verify(java.util.Collection)} then detects any rewrite or truncation since.
 *
 * @param seq the position of the head event
 * @param headHash the chain hash at that position, lower-case hex
 * @param headTime when the head event was recorded
 * @param sealedAt when the checkpoint was signed
 * @param keyId id of the signing key (first 16 hex digits of the SHA-256 of the public key)
 * @param publicKey the Ed25519 public key, X.509 encoded, base64
 * @param signature the Ed25519 signature, base64
 * @since 0.1
 */
public record Checkpoint(long seq, String headHash, Instant headTime, Instant sealedAt, String keyId,
                         String publicKey, String signature) {

    private static final byte[] DOMAIN = "hoheit-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);

    /** Validates the fields. */
    public Checkpoint {
        if (seq < 0) {
            throw Checks.invalid("checkpoint position must not be negative");
        }
        Checks.required("head hash", headHash);
        Checks.required("head time", headTime);
        Checks.required("sealed at", sealedAt);
        Checks.required("key id", keyId);
        Checks.required("public key", publicKey);
        Checks.required("signature", signature);
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(long seq, byte[] headHash, Instant headTime, Instant sealedAt) {
        ByteBuffer buffer = ByteBuffer.allocate(DOMAIN.length + 8 + headHash.length + 24 + 24);
        buffer.put(DOMAIN).putLong(seq).put(headHash)
                .putLong(headTime.getEpochSecond()).putInt(headTime.getNano())
                .putLong(sealedAt.getEpochSecond()).putInt(sealedAt.getNano());
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    /** Whether the signature is valid for the embedded public key. */
    public boolean hasValidSignature() {
        return hasValidSignature(signingKey());
    }

    /** Whether the signature is valid for {@code trustedKey} (a key you got from the controller). */
    public boolean hasValidSignature(PublicKey trustedKey) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(trustedKey);
            verifier.update(signedBytes(seq, HexFormat.of().parseHex(headHash), headTime, sealedAt));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The embedded public key, decoded. */
    public PublicKey signingKey() {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "checkpoint " + seq + " has an unreadable public key", e);
        }
    }

    /** One line of JSON ({@code hoheit-audit-checkpoint/1}), for publishing outside the database. */
    public String toJson() {
        return CheckpointJson.write(this);
    }

    /**
     * Parses one line written by {@link #toJson()}.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) if it is not a checkpoint
     */
    public static Checkpoint fromJson(String json) {
        return CheckpointJson.read(json);
    }
}
