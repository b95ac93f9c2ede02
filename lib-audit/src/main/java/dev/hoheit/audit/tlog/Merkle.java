package dev.hoheit.audit.tlog;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 §2.1 Merkle tree hashing with SHA-256, and the verification of inclusion
 * and consistency proofs (RFC 9162 §2.1.3.2 and §2.1.4.2).
 *
 * <p>Every method returns a fresh array. The {@code verify*} methods return {@code false} for any
 * malformed input (a null, a hash that is not 32 bytes, a proof of the wrong length) and never throw.
 *
 * @since 0.2
 */
public final class Merkle {

    /**
     * The length of every hash, in bytes.
     *
     * @since 0.2
     */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest.getInstance is slow next to hashing 65 bytes; one instance per thread, reset before each use.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    });

    private Merkle() {
    }

    /**
     * The hash of a leaf: {@code SHA-256(0x00 || entry)}.
     *
     * @param entry the log entry
     * @return the leaf hash
     * @throws TlogException if {@code entry} is null
     * @since 0.2
     */
    public static byte[] leafHash(byte[] entry) {
        if (entry == null) {
            throw new TlogException("entry is null");
        }
        MessageDigest md = digest();
        md.update(LEAF_PREFIX);
        md.update(entry);
        return md.digest();
    }

    /**
     * The hash of an interior node: {@code SHA-256(0x01 || left || right)}.
     *
     * @param left the left child's hash
     * @param right the right child's hash
     * @return the node hash
     * @throws TlogException if either hash is null or not 32 bytes
     * @since 0.2
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        requireHash(left, "left hash");
        requireHash(right, "right hash");
        return nodeHash(digest(), left, right);
    }

    /**
     * The root of the empty tree: the SHA-256 of the empty string.
     *
     * @return the empty tree's root
     * @since 0.2
     */
    public static byte[] emptyRoot() {
        return digest().digest();
    }

    /**
     * The Merkle tree hash (MTH) of the given leaf hashes, as RFC 6962 defines it: split at the
     * largest power of two smaller than the count. Takes time linear in the count.
     *
     * @param leafHashes the leaf hashes, in order
     * @return the root; {@link #emptyRoot()} for no leaves
     * @throws TlogException if the list or a hash is null, or a hash is not 32 bytes
     * @since 0.2
     */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes == null) {
            throw new TlogException("leaf hashes are null");
        }
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        MessageDigest md = digest();
        // The roots of the complete subtrees so far, largest first (a compact range).
        List<byte[]> stack = new ArrayList<>();
        long count = 0;
        for (byte[] leaf : leafHashes) {
            requireHash(leaf, "leaf hash " + count);
            byte[] hash = leaf.clone();
            count++;
            for (long n = count; (n & 1) == 0; n >>>= 1) {
                hash = nodeHash(md, stack.remove(stack.size() - 1), hash);
            }
            stack.add(hash);
        }
        byte[] root = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            root = nodeHash(md, stack.get(i), root);
        }
        return root;
    }

    /**
     * Whether {@code proof} shows that the leaf with {@code leafHash} is at {@code index} in the tree
     * of {@code treeSize} leaves whose root is {@code root} (RFC 9162 §2.1.3.2).
     *
     * @param leafHash the leaf's hash
     * @param index the leaf's index, from 0
     * @param treeSize the tree's size
     * @param proof the inclusion proof (audit path), deepest hash first
     * @param root the tree's root
     * @return true if the proof verifies; false if it does not or any input is malformed
     * @since 0.2
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || !isProof(proof) || index < 0 || index >= treeSize) {
            return false;
        }
        MessageDigest md = digest();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(md, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(md, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} shows that the tree of {@code newSize} leaves with {@code newRoot} extends
     * the tree of {@code oldSize} leaves with {@code oldRoot} (RFC 9162 §2.1.4.2).
     *
     * <p>Equal sizes need an empty proof and equal roots. Every tree extends the empty tree: for
     * {@code oldSize} 0 and a larger {@code newSize} the proof must be empty and {@code oldRoot} is not
     * examined (it may be null).
     *
     * @param oldSize the older tree's size
     * @param newSize the newer tree's size
     * @param oldRoot the older tree's root
     * @param newRoot the newer tree's root
     * @param proof the consistency proof
     * @return true if the proof verifies; false if it does not or any input is malformed
     * @since 0.2
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || oldSize > newSize || !isHash(newRoot) || !isProof(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && isHash(oldRoot) && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return proof.isEmpty();
        }
        if (!isHash(oldRoot)) {
            return false;
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(oldSize) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(oldRoot);
            path.addAll(proof);
        }
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        MessageDigest md = digest();
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(md, c, fr);
                sr = nodeHash(md, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(md, sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    /** The calling thread's SHA-256 instance, reset. */
    static MessageDigest digest() {
        MessageDigest md = SHA256.get();
        md.reset();
        return md;
    }

    static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /**
     * Replaces the {@code count} hashes at the start of {@code hashes} (count a power of two) by the
     * root of the complete subtree they are the leaves of, written to {@code hashes[0..32)}.
     */
    static void reduce(MessageDigest md, byte[] hashes, int count) {
        // One update of 65 bytes is markedly faster than three small ones.
        byte[] input = new byte[1 + 2 * HASH_SIZE];
        input[0] = NODE_PREFIX;
        try {
            for (int n = count; n > 1; n >>>= 1) {
                for (int i = 0; i < n / 2; i++) {
                    System.arraycopy(hashes, 2 * i * HASH_SIZE, input, 1, 2 * HASH_SIZE);
                    md.update(input);
                    md.digest(hashes, i * HASH_SIZE, HASH_SIZE);
                }
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest does not fit 32 bytes", e);
        }
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null) {
            throw new TlogException(what + " is null");
        }
        if (hash.length != HASH_SIZE) {
            throw new TlogException(what + " has " + hash.length + " bytes, not " + HASH_SIZE);
        }
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean isProof(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] hash : proof) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }
}
