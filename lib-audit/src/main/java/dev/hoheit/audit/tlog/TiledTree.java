package dev.hoheit.audit.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes and proofs of a tree stored as C2SP tlog-tiles, computed from the tiles alone. Each call
 * reads only the tiles it needs, each once: a few per level, so a proof in a tree of a million leaves
 * reads about half a dozen tiles.
 *
 * <p>A complete subtree of height {@code h} is hashed from the level {@code h / 8} tile, from at most
 * 128 of its hashes. Every tile is requested at the width the tree of the given size gives it, so a
 * reader may keep only the tiles the log has published. Because a needed tile always ends after the
 * leaf or tree size in question, proofs keep working when a log prunes the tiles that end at or
 * before its minimum index (C2SP tlog-tiles, "Pruning"): inclusion proofs of leaves at or after the
 * minimum index, and roots and consistency proofs of trees at least that large.
 *
 * <p>Instances hold no state besides the reader; they are as thread-safe as the reader.
 *
 * @since 0.2
 */
public final class TiledTree {

    private static final int TILE_HEIGHT = 8;
    /** Levels with at least one hash in a tree of at most {@code Long.MAX_VALUE} leaves. */
    private static final int LEVELS = Long.SIZE / TILE_HEIGHT;

    private final TileReader reader;

    /**
     * Creates a tree reading tiles from {@code reader}.
     *
     * @param reader where tiles come from
     * @throws TlogException if {@code reader} is null
     * @since 0.2
     */
    public TiledTree(TileReader reader) {
        if (reader == null) {
            throw new TlogException("tile reader is null");
        }
        this.reader = reader;
    }

    /**
     * The width tile {@code index} at {@code level} has in a tree of {@code size} leaves: 256 for a
     * full tile, {@code floor(size / 256^level) mod 256} for the partial tile at the right edge, 0 for
     * a tile the tree does not have.
     *
     * @param level the tile's level
     * @param index the tile's index within its level
     * @param size the tree's size
     * @return 0 to 256
     * @throws TlogException if an argument is negative
     * @since 0.2
     */
    public static int widthAt(int level, long index, long size) {
        if (level < 0) {
            throw new TlogException("tile level " + level + " is negative");
        }
        if (index < 0) {
            throw new TlogException("tile index " + index + " is negative");
        }
        requireSize(size);
        if (level >= LEVELS) {
            return 0;
        }
        long hashes = size >>> (TILE_HEIGHT * level);
        long fullTiles = hashes >>> TILE_HEIGHT;
        if (index < fullTiles) {
            return Tile.FULL_WIDTH;
        }
        return index == fullTiles ? (int) (hashes & (Tile.FULL_WIDTH - 1)) : 0;
    }

    /**
     * The root of the tree of {@code size} leaves: {@code MTH(D[0:size])}.
     *
     * @param size the tree's size
     * @return the root; {@link Merkle#emptyRoot()} for size 0
     * @throws TlogException if {@code size} is negative or the reader returns a malformed tile
     * @throws TileMissingException if a needed tile is not stored
     * @since 0.2
     */
    public byte[] root(long size) {
        requireSize(size);
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        return new Reads(size).range(0, size);
    }

    /**
     * The hash of leaf {@code index}, read from the tree of {@code size} leaves.
     *
     * @param index the leaf's index, from 0
     * @param size the tree's size
     * @return the leaf hash
     * @throws TlogException if {@code index} is negative or not below {@code size}
     * @throws TileMissingException if the leaf's tile is not stored
     * @since 0.2
     */
    public byte[] leafHash(long index, long size) {
        requireIndex(index, size);
        return new Reads(size).subtree(0, index);
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of {@code size} leaves: RFC 9162
     * §2.1.3.1 {@code PATH(index, D[0:size])}, deepest hash first, at most {@code ceil(log2(size))} hashes.
     *
     * @param index the leaf's index, from 0
     * @param size the tree's size
     * @return the proof (unmodifiable; empty for a tree of one leaf)
     * @throws TlogException if {@code index} is negative or not below {@code size}
     * @throws TileMissingException if a needed tile is not stored
     * @since 0.2
     */
    public List<byte[]> inclusionProof(long index, long size) {
        requireIndex(index, size);
        Reads reads = new Reads(size);
        List<byte[]> proof = new ArrayList<>();
        long lo = 0;
        long hi = size;
        // Walk down from the root, collecting the sibling of each node on the path to the leaf.
        while (hi - lo > 1) {
            long split = lo + Long.highestOneBit(hi - lo - 1);
            if (index < split) {
                proof.add(reads.range(split, hi));
                hi = split;
            } else {
                proof.add(reads.range(lo, split));
                lo = split;
            }
        }
        Collections.reverse(proof);
        return List.copyOf(proof);
    }

    /**
     * The consistency proof between the trees of {@code oldSize} and {@code newSize} leaves: RFC 9162
     * §2.1.4.1 {@code PROOF(oldSize, D[0:newSize])}.
     *
     * @param oldSize the older tree's size
     * @param newSize the newer tree's size
     * @return the proof (unmodifiable; empty when {@code oldSize} is 0 or equals {@code newSize})
     * @throws TlogException if a size is negative or {@code oldSize} is above {@code newSize}
     * @throws TileMissingException if a needed tile is not stored
     * @since 0.2
     */
    public List<byte[]> consistencyProof(long oldSize, long newSize) {
        requireSize(oldSize);
        requireSize(newSize);
        if (oldSize > newSize) {
            throw new TlogException("old size " + oldSize + " is above the new size " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return List.of();
        }
        Reads reads = new Reads(newSize);
        List<byte[]> proof = new ArrayList<>();
        long lo = 0;
        long hi = newSize;
        // SUBPROOF(m, D[lo:hi], b) with m = oldSize - lo; b stays true while the range starts at 0.
        boolean fromStart = true;
        while (oldSize != hi) {
            long split = lo + Long.highestOneBit(hi - lo - 1);
            if (oldSize <= split) {
                proof.add(reads.range(split, hi));
                hi = split;
            } else {
                proof.add(reads.range(lo, split));
                lo = split;
                fromStart = false;
            }
        }
        if (!fromStart) {
            proof.add(reads.range(lo, hi));
        }
        Collections.reverse(proof);
        return List.copyOf(proof);
    }

    private static void requireSize(long size) {
        if (size < 0) {
            throw new TlogException("tree size " + size + " is negative");
        }
    }

    private static void requireIndex(long index, long size) {
        requireSize(size);
        if (index < 0) {
            throw new TlogException("leaf index " + index + " is negative");
        }
        if (index >= size) {
            throw new TlogException("leaf index " + index + " is not below the tree size " + size);
        }
    }

    /** The tiles one call has read, in the tree of one size. */
    private final class Reads {

        private final long size;
        private final Map<Long, byte[]> tiles = new HashMap<>();
        private final MessageDigest md = Merkle.digest();

        Reads(long size) {
            this.size = size;
        }

        /**
         * MTH(D[lo:hi]) for a range the RFC recursion produces: a complete aligned subtree, or a range
         * at the right edge starting at a multiple of a power of two at least its length. Such a range
         * is the complete subtrees of its length's binary digits, largest first, folded from the right.
         */
        byte[] range(long lo, long hi) {
            byte[][] parts = new byte[Long.SIZE][];
            int count = 0;
            for (long at = lo; at < hi; ) {
                int height = Math.min(Long.numberOfTrailingZeros(at), 63 - Long.numberOfLeadingZeros(hi - at));
                parts[count++] = subtree(height, at >>> height);
                at += 1L << height;
            }
            byte[] hash = parts[count - 1];
            for (int i = count - 2; i >= 0; i--) {
                hash = Merkle.nodeHash(md, parts[i], hash);
            }
            return hash;
        }

        /** The root of the complete subtree of {@code height} over leaves [position << height, (position + 1) << height). */
        byte[] subtree(int height, long position) {
            int level = height / TILE_HEIGHT;
            int hashes = 1 << (height % TILE_HEIGHT);
            long first = position * hashes;
            long index = first >>> TILE_HEIGHT;
            int offset = (int) (first & (Tile.FULL_WIDTH - 1)) * Merkle.HASH_SIZE;
            byte[] tile = tile(level, index);
            if (hashes == 1) {
                return Arrays.copyOfRange(tile, offset, offset + Merkle.HASH_SIZE);
            }
            byte[] leaves = Arrays.copyOfRange(tile, offset, offset + hashes * Merkle.HASH_SIZE);
            Merkle.reduce(md, leaves, hashes);
            return Arrays.copyOf(leaves, Merkle.HASH_SIZE);
        }

        private byte[] tile(int level, long index) {
            Long key = index * LEVELS + level;
            byte[] tile = tiles.get(key);
            if (tile == null) {
                int width = widthAt(level, index, size);
                tile = reader.read(level, index, width);
                if (tile == null || tile.length != width * Merkle.HASH_SIZE) {
                    throw new TlogException("tile reader returned " + (tile == null ? "null" : tile.length + " bytes")
                            + " for tile " + index + " at level " + level + " of width " + width + ", not "
                            + width * Merkle.HASH_SIZE + " bytes");
                }
                tiles.put(key, tile);
            }
            return tile;
        }
    }
}
