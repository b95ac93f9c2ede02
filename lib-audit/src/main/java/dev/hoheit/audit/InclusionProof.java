package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that one stored entry is in the tree a signed checkpoint commits to (RFC 9162 §2.1.3),
 * at most {@code ceil(log2 size)} hashes. Anyone holding the controller's note verifier key can
 * check it without the database, with this class or any RFC 6962 implementation:
 * {@code leaf = SHA-256(0x00 || entry)}, then the audit path up to the checkpoint's root.
 *
 * <p>The entry holds personal fields as ciphertext, so the proof shows the stored entry is in the
 * log; that it decrypts to {@link #entry()} is the service's statement.
 *
 * @param entry the entry, as read back
 * @param entryBytes the stored entry's canonical bytes (the tree's leaf data), base64
 * @param leafIndex the entry's leaf index ({@code entry.seq() - 1})
 * @param hashes the audit path, base64, from the leaf's sibling upwards
 * @param checkpoint the signed checkpoint whose tree contains the entry
 * @since 0.1
 */
public record InclusionProof(AuditEntry entry, String entryBytes, long leafIndex, List<String> hashes,
                             Checkpoint checkpoint) {

    /** Copies the list. */
    public InclusionProof {
        CHECKS.required("entry", entry);
        CHECKS.required("entry bytes", entryBytes);
        hashes = List.copyOf(hashes);
        CHECKS.required("checkpoint", checkpoint);
    }

    /**
     * Checks the proof against log keys you trust (obtained from the controller, not from the proof):
     * the checkpoint is signed by one of them, the entry's leaf hash is the one read back, and the
     * audit path leads from it to the checkpoint's root.
     */
    public boolean verify(Collection<NoteVerifier> logKeys) {
        try {
            byte[] leaf = Merkle.leafHash(Base64.getDecoder().decode(entryBytes));
            return entry.seq() == leafIndex + 1
                    && HexFormat.of().formatHex(leaf).equals(entry.leafHash())
                    && Merkle.verifyInclusion(leaf, leafIndex, checkpoint.size(), decode(hashes), checkpoint.rootHashBytes())
                    && checkpoint.signedBy(logKeys);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The size of the audit path in bytes (32 per hash). */
    public int pathBytes() {
        return hashes.size() * Merkle.HASH_SIZE;
    }

    static List<byte[]> decode(List<String> base64) {
        return base64.stream().map(Base64.getDecoder()::decode).toList();
    }

    /** A short human-readable summary. */
    @Override
    public String toString() {
        return "InclusionProof[seq=" + entry.seq() + " in tree of " + checkpoint.size() + ", " + hashes.size() + " hashes]";
    }
}
