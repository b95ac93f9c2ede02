package dev.hoheit.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that one stored event is part of the chain sealed by a checkpoint. Anyone holding the
 * controller's public key can check it without the database:
 *
 * <ol>
 *   <li>{@code leaf = SHA-256(0x00 || record)}, where {@code record} is the stored event's canonical bytes;</li>
 *   <li>{@code h = SHA-256(0x01 || previousHash || leaf)};</li>
 *   <li>for each following leaf hash {@code l}: {@code h = SHA-256(0x01 || h || l)};</li>
 *   <li>{@code h} equals the checkpoint's head hash, and the checkpoint's signature verifies.</li>
 * </ol>
 *
 * <p>The record holds personal fields as ciphertext, so the proof shows the stored record is sealed;
 * that it decrypts to the entry shown is the service's statement.
 *
 * @param entry the entry, as read back
 * @param record the stored event's canonical bytes, base64
 * @param previousHash the chain hash before the event, hex
 * @param followingLeaves the leaf hashes of the events after it up to the checkpoint, hex
 * @param checkpoint the signed checkpoint that seals it
 * @since 0.1
 */
public record InclusionProof(AuditEntry entry, String record, String previousHash, List<String> followingLeaves,
                             Checkpoint checkpoint) {

    /** Copies the list. */
    public InclusionProof {
        followingLeaves = List.copyOf(followingLeaves);
    }

    /** Checks the proof against a public key you trust (obtained from the controller, not from the proof). */
    public boolean verify(PublicKey trustedKey) {
        try {
            HexFormat hex = HexFormat.of();
            byte[] leaf = sha256(new byte[] {0}, Base64.getDecoder().decode(record));
            byte[] head = sha256(new byte[] {1}, hex.parseHex(previousHash), leaf);
            for (String following : followingLeaves) {
                head = sha256(new byte[] {1}, head, hex.parseHex(following));
            }
            return hex.formatHex(head).equals(checkpoint.headHash())
                    && entry.hash().equals(hex.formatHex(sha256(new byte[] {1}, hex.parseHex(previousHash), leaf)))
                    && checkpoint.hasValidSignature(trustedKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** A short human-readable summary. */
    @Override
    public String toString() {
        return "InclusionProof[seq=" + entry.seq() + ", sealed at " + checkpoint.seq() + ", "
                + followingLeaves.size() + " following leaves]";
    }
}
