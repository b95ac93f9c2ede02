package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A log for tests: a list of leaves, a signing key, and RFC 6962 consistency proofs computed
 * naively from the definition (RFC 6962 section 2.1.2, PROOF and SUBPROOF).
 */
final class TestLog {

    private final String origin;
    private final NoteSigner signer;
    private final String entryPrefix;
    private final List<byte[]> leafHashes = new ArrayList<>();

    TestLog(String origin) {
        this(origin, newKeyPair());
    }

    TestLog(String origin, KeyPair keys) {
        this(origin, NoteSigner.ed25519(origin, keys), origin + " entry ");
    }

    private TestLog(String origin, NoteSigner signer, String entryPrefix) {
        this.origin = origin;
        this.signer = signer;
        this.entryPrefix = entryPrefix;
    }

    /** The same log key signing a different history: every entry differs from this log's. */
    TestLog rewritten() {
        return new TestLog(origin, signer, "rewritten " + entryPrefix);
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    String origin() {
        return origin;
    }

    NoteVerifier verifier() {
        return signer.verifier();
    }

    NoteSigner signer() {
        return signer;
    }

    /** Appends leaves until the log has {@code size} of them. */
    TestLog growTo(long size) {
        while (leafHashes.size() < size) {
            leafHashes.add(Merkle.leafHash((entryPrefix + leafHashes.size()).getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    CheckpointBody checkpoint(long size) {
        return new CheckpointBody(origin, size, root(size));
    }

    /** The checkpoint of {@code size} leaves, signed by the log's key. */
    String note(long size) {
        return signed(checkpoint(size));
    }

    String signed(CheckpointBody checkpoint) {
        return new Note(checkpoint.text(), List.of(signer.sign(checkpoint.text()))).format();
    }

    /** A request from {@code oldSize} to {@code newSize} with its consistency proof. */
    AddCheckpointRequest request(long oldSize, long newSize) {
        growTo(newSize);
        List<byte[]> proof = oldSize == 0 || oldSize == newSize ? List.of() : consistencyProof(oldSize, newSize);
        return new AddCheckpointRequest(oldSize, proof, note(newSize));
    }

    byte[] root(long size) {
        growTo(size);
        return size == 0 ? Merkle.emptyRoot() : hash(0, (int) size);
    }

    List<byte[]> consistencyProof(long oldSize, long newSize) {
        growTo(newSize);
        return subproof((int) oldSize, 0, (int) newSize, true);
    }

    private List<byte[]> subproof(int m, int from, int to, boolean complete) {
        int n = to - from;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!complete) {
                proof.add(hash(from, to));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(subproof(m, from, from + k, complete));
            proof.add(hash(from + k, to));
        } else {
            proof.addAll(subproof(m - k, from + k, to, false));
            proof.add(hash(from, from + k));
        }
        return proof;
    }

    private byte[] hash(int from, int to) {
        if (to - from == 1) {
            return leafHashes.get(from);
        }
        int k = Integer.highestOneBit(to - from - 1);
        return Merkle.nodeHash(hash(from, from + k), hash(from + k, to));
    }
}
