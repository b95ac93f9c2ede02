package dev.hoheit.audit.tlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes and proofs of a tree stored as C2SP tiles (RFC 9162 §2.1). Reads only the tiles it needs,
 * each once per instance: make one per computation.
 *
 * @since 0.2
 */
public final class TiledTree {

    private final TileReader reader;
    private final Map<String, byte[]> read = new HashMap<>();

    /** A tree whose tiles {@code reader} holds. */
    public TiledTree(TileReader reader) {
        if (reader == null) {
            throw new TlogException("tile reader must not be null");
        }
        this.reader = reader;
    }

    /** The width tile ({@code level}, {@code index}) has in a tree of {@code size} leaves: 256 when full, 0 when it does not exist. */
    public static int widthAt(int level, long index, long size) {
        if (level < 0 || level > 63 || index < 0 || size < 0) {
            throw new TlogException("tile coordinates must not be negative (level " + level + ", index " + index + ", size " + size + ")");
        }
        if (8L * level >= 64) {
            return 0;
        }
        long hashes = size >>> (8 * level);
        long fullTiles = hashes >>> 8;
        if (index < fullTiles) {
            return 256;
        }
        return index == fullTiles ? (int) (hashes & 255) : 0;
    }

    /** {@code MTH(D[0:size])}; the hash of the empty string for 0. */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? Merkle.emptyRoot() : subtree(0, size, size);
    }

    /** The leaf hash at {@code index} in a tree of {@code size} leaves. */
    public byte[] leafHash(long index, long size) {
        requireIndex(index, size);
        return complete(0, index, size);
    }

    /** RFC 9162 §2.1.3.1 {@code PATH(index, D[0:size])}, from the leaf's sibling upwards. */
    public List<byte[]> inclusionProof(long index, long size) {
        requireIndex(index, size);
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, size, proof);
        return proof;
    }

    /** RFC 9162 §2.1.4.1 {@code PROOF(oldSize, D[0:newSize])}; empty when the sizes are equal or the old one is 0. */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(oldSize);
        requireSize(newSize);
        if (oldSize > newSize) {
            throw new TlogException("old size " + oldSize + " is larger than new size " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            subproof(oldSize, 0, newSize, true, newSize, proof);
        }
        return proof;
    }

    private void path(long m, long lo, long hi, long size, List<byte[]> proof) {
        long n = hi - lo;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, lo, lo + k, size, proof);
            proof.add(subtree(lo + k, hi, size));
        } else {
            path(m - k, lo + k, hi, size, proof);
            proof.add(subtree(lo, lo + k, size));
        }
    }

    private void subproof(long m, long lo, long hi, boolean whole, long size, List<byte[]> proof) {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(lo, hi, size));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, size, proof);
            proof.add(subtree(lo + k, hi, size));
        } else {
            subproof(m - k, lo + k, hi, false, size, proof);
            proof.add(subtree(lo, lo + k, size));
        }
    }

    /** {@code MTH(D[lo:hi])} for a node of the tree: lo is a multiple of the largest power of two below hi - lo. */
    private byte[] subtree(long lo, long hi, long size) {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && lo % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return complete(height, lo >>> height, size);
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(subtree(lo, lo + k, size), subtree(lo + k, hi, size));
    }

    /** The hash of the complete subtree of {@code height} at position {@code index} (its first leaf is index * 2^height). */
    private byte[] complete(int height, long index, long size) {
        int level = height / 8;
        int rise = height % 8;
        long first = index << rise;            // first hash at the tile level
        long tileIndex = first >>> 8;
        int offset = (int) (first & 255);
        int count = 1 << rise;
        int width = widthAt(level, tileIndex, size);
        if (width < offset + count) {
            throw new TlogException("the tree of size " + size + " has no complete subtree of height " + height + " at " + index);
        }
        byte[] tile = tile(level, tileIndex, width);
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = (offset + i) * Merkle.HASH_SIZE;
            hashes.add(java.util.Arrays.copyOfRange(tile, at, at + Merkle.HASH_SIZE));
        }
        return count == 1 ? hashes.get(0) : Merkle.rootOf(hashes);
    }

    private byte[] tile(int level, long index, int width) {
        String key = level + "/" + index + "/" + width;
        byte[] cached = read.get(key);
        if (cached == null) {
            cached = reader.read(level, index, width);
            if (cached == null || cached.length != width * Merkle.HASH_SIZE) {
                throw new TlogException("tile " + level + "/" + index + " read with " + (cached == null ? 0 : cached.length)
                        + " bytes, expected " + width * Merkle.HASH_SIZE);
            }
            read.put(key, cached);
        }
        return cached;
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new TlogException("tree size must not be negative, was " + size);
        }
    }

    private static void requireIndex(long index, long size) {
        if (index < 0 || index >= size) {
            throw new TlogException("leaf index " + index + " is outside the tree of size " + size);
        }
    }
}
