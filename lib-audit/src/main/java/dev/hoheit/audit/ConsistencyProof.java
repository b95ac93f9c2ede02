package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.tlog.Merkle;
import java.util.List;

/**
 * Proof that the tree of {@code newSize} entries extends the tree of {@code oldSize} entries
 * (RFC 9162 §2.1.4): nothing in the first {@code oldSize} entries was changed, removed or
 * reordered. At most about {@code 2 log2 newSize} hashes.
 *
 * @param oldSize the older tree's size
 * @param newSize the newer tree's size
 * @param hashes the proof's hashes, base64
 * @since 0.2
 */
public record ConsistencyProof(long oldSize, long newSize, List<String> hashes) {

    /** Validates the sizes and copies the list. */
    public ConsistencyProof {
        if (oldSize < 0 || newSize < oldSize) {
            throw CHECKS.invalid("consistency proof sizes must satisfy 0 <= old <= new, were " + oldSize + " and " + newSize);
        }
        hashes = List.copyOf(hashes);
    }

    /** Whether the proof shows {@code older} is a prefix of {@code newer} (check both checkpoints' signatures yourself). */
    public boolean verify(Checkpoint older, Checkpoint newer) {
        return older.size() == oldSize && newer.size() == newSize
                && Merkle.verifyConsistency(oldSize, newSize, older.rootHashBytes(), newer.rootHashBytes(),
                InclusionProof.decode(hashes));
    }

    /** The size of the proof in bytes (32 per hash). */
    public int proofBytes() {
        return hashes.size() * Merkle.HASH_SIZE;
    }
}
