package dev.hoheit.audit.tlog;

import java.util.Arrays;

/**
 * One C2SP tlog-tiles tile: up to 256 consecutive hashes at one level of the tree. At level 0 they
 * are leaf hashes; at level {@code l} hash {@code i} of tile {@code n} is the Merkle tree hash of the
 * leaves {@code [(n * 256 + i) * 256^l, (n * 256 + i + 1) * 256^l)}.
 *
 * <p>The hashes are copied in and out; two tiles are equal when level, index and hashes are.
 *
 * @param level the tile's level, 0 to 63
 * @param index the tile's index within its level
 * @param hashes the hashes, concatenated: 1 to 256 of 32 bytes each
 * @since 0.2
 */
public record Tile(int level, long index, byte[] hashes) {

    /**
     * How many hashes a full tile holds.
     *
     * @since 0.2
     */
    public static final int FULL_WIDTH = 256;

    /**
     * Checks and copies the hashes.
     *
     * @throws TlogException if the level is outside 0..63, the index is negative, or the hashes are
     *     not 1 to 256 hashes of 32 bytes
     * @since 0.2
     */
    public Tile {
        if (level < 0 || level > TilePath.MAX_LEVEL) {
            throw new TlogException("tile level " + level + " is outside 0.." + TilePath.MAX_LEVEL);
        }
        if (index < 0) {
            throw new TlogException("tile index " + index + " is negative");
        }
        if (hashes == null) {
            throw new TlogException("tile hashes are null");
        }
        if (hashes.length == 0 || hashes.length % Merkle.HASH_SIZE != 0
                || hashes.length > FULL_WIDTH * Merkle.HASH_SIZE) {
            throw new TlogException("tile of " + hashes.length + " bytes is not 1 to " + FULL_WIDTH
                    + " hashes of " + Merkle.HASH_SIZE + " bytes");
        }
        hashes = hashes.clone();
    }

    /**
     * The hashes, concatenated.
     *
     * @return a fresh copy
     * @since 0.2
     */
    @Override
    public byte[] hashes() {
        return hashes.clone();
    }

    /**
     * How many hashes the tile holds.
     *
     * @return 1 to 256
     * @since 0.2
     */
    public int width() {
        return hashes.length / Merkle.HASH_SIZE;
    }

    /**
     * Whether the tile holds all 256 hashes.
     *
     * @return true for a full tile, false for a partial one
     * @since 0.2
     */
    public boolean full() {
        return width() == FULL_WIDTH;
    }

    /**
     * One hash of the tile.
     *
     * @param i the hash's position in the tile, from 0
     * @return a fresh copy of the hash
     * @throws TlogException if {@code i} is outside the tile
     * @since 0.2
     */
    public byte[] hash(int i) {
        if (i < 0 || i >= width()) {
            throw new TlogException("hash " + i + " is outside a tile of width " + width());
        }
        return Arrays.copyOfRange(hashes, i * Merkle.HASH_SIZE, (i + 1) * Merkle.HASH_SIZE);
    }

    /**
     * Where the tile is served: its C2SP tlog-tiles path.
     *
     * @return the path of this tile at its width
     * @since 0.2
     */
    public TilePath path() {
        return TilePath.tile(level, index, width());
    }

    /** The first {@code width} hashes, for a reader; {@code width} is at most the tile's. */
    byte[] prefix(int width) {
        return Arrays.copyOf(hashes, width * Merkle.HASH_SIZE);
    }

    /**
     * Equal when level, index and every hash are equal.
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Tile tile && tile.level == level && tile.index == index
                && Arrays.equals(tile.hashes, hashes);
    }

    /**
     * A hash code over level, index and hashes.
     *
     * @since 0.2
     */
    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hashes);
    }

    /**
     * Level, index and width, without the hashes.
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return "Tile[level=" + level + ", index=" + index + ", width=" + width() + "]";
    }
}
