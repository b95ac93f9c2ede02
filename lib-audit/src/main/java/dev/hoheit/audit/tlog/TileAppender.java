package dev.hoheit.audit.tlog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appending leaves to a tree stored as C2SP tlog-tiles: which tiles are new or wider afterwards.
 *
 * <p>Appending {@code n} leaves hashes each tile that becomes full once (255 node hashes per tile),
 * so a batch costs about {@code n} node hashes, and reads at most one tile per level: the partial
 * tile at the right edge, where the new hashes go.
 *
 * @since 0.2
 */
public final class TileAppender {

    private static final int TILE_HEIGHT = 8;

    private TileAppender() {
    }

    /**
     * Appends {@code leafHashes} to the tree of {@code size} leaves whose tiles {@code reader} holds.
     * Returns every tile that is new or wider than before, at every level, each with its whole
     * content: a tile that became full is returned with width 256, and the level above gets its hash.
     * Tiles are in (level, index) order. Appending nothing returns no tiles.
     *
     * @param reader the tiles of the tree of {@code size} leaves; only right-edge partial tiles are read
     * @param size the tree's size before the append
     * @param leafHashes the hashes of the new leaves, in order
     * @return the new size and the changed tiles
     * @throws TlogException if an argument is null or negative, a hash is not 32 bytes, the new size
     *     would overflow, or the reader returns a malformed tile
     * @throws TileMissingException if a right-edge partial tile is not stored
     * @since 0.2
     */
    public static Appended append(TileReader reader, long size, List<byte[]> leafHashes) {
        if (reader == null) {
            throw new TlogException("tile reader is null");
        }
        if (size < 0) {
            throw new TlogException("tree size " + size + " is negative");
        }
        if (leafHashes == null) {
            throw new TlogException("leaf hashes are null");
        }
        if (leafHashes.size() > Integer.MAX_VALUE / Merkle.HASH_SIZE) {
            throw new TlogException("a batch of " + leafHashes.size() + " leaves is too large to append at once");
        }
        if (leafHashes.size() > Long.MAX_VALUE - size) {
            throw new TlogException("appending " + leafHashes.size() + " leaves to " + size + " overflows the size");
        }
        byte[] fresh = new byte[leafHashes.size() * Merkle.HASH_SIZE];
        for (int i = 0; i < leafHashes.size(); i++) {
            byte[] hash = leafHashes.get(i);
            Merkle.requireHash(hash, "leaf hash " + i);
            System.arraycopy(hash, 0, fresh, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
        }
        MessageDigest md = Merkle.digest();
        List<Tile> tiles = new ArrayList<>();
        long before = size;
        for (int level = 0; fresh.length > 0; level++) {
            // `before` hashes were at this level; `fresh` follows them. The first touched tile may be partial.
            long first = before >>> TILE_HEIGHT;
            int kept = (int) (before & (Tile.FULL_WIDTH - 1));
            byte[] hashes = fresh;
            if (kept > 0) {
                byte[] partial = reader.read(level, first, kept);
                if (partial == null || partial.length != kept * Merkle.HASH_SIZE) {
                    throw new TlogException("tile reader returned "
                            + (partial == null ? "null" : partial.length + " bytes") + " for tile " + first
                            + " at level " + level + " of width " + kept + ", not " + kept * Merkle.HASH_SIZE + " bytes");
                }
                hashes = new byte[partial.length + fresh.length];
                System.arraycopy(partial, 0, hashes, 0, partial.length);
                System.arraycopy(fresh, 0, hashes, partial.length, fresh.length);
            }
            int count = hashes.length / Merkle.HASH_SIZE;
            byte[] above = new byte[count / Tile.FULL_WIDTH * Merkle.HASH_SIZE];
            for (int start = 0, t = 0; start < count; start += Tile.FULL_WIDTH, t++) {
                int width = Math.min(Tile.FULL_WIDTH, count - start);
                byte[] content = Arrays.copyOfRange(hashes, start * Merkle.HASH_SIZE, (start + width) * Merkle.HASH_SIZE);
                tiles.add(new Tile(level, first + t, content));
                if (width == Tile.FULL_WIDTH) {
                    Merkle.reduce(md, content, Tile.FULL_WIDTH);
                    System.arraycopy(content, 0, above, t * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
                }
            }
            fresh = above;
            before >>>= TILE_HEIGHT;
        }
        return new Appended(size + leafHashes.size(), tiles);
    }

    /**
     * The outcome of an append: the new tree size and the tiles that are new or wider.
     *
     * @param newSize the tree's size after the append
     * @param tiles the changed tiles, in (level, index) order
     * @since 0.2
     */
    public record Appended(long newSize, List<Tile> tiles) {

        /**
         * Checks the size and copies the list.
         *
         * @throws TlogException if the size is negative, or the list is null or holds null
         * @since 0.2
         */
        public Appended {
            if (newSize < 0) {
                throw new TlogException("tree size " + newSize + " is negative");
            }
            if (tiles == null) {
                throw new TlogException("tiles are null");
            }
            for (Tile tile : tiles) {
                if (tile == null) {
                    throw new TlogException("tiles hold null");
                }
            }
            tiles = List.copyOf(tiles);
        }

        /**
         * A reader that answers from {@link #tiles()} first, then from {@code base}: for the root and
         * proofs of the new tree before the tiles are stored. A tile here answers any width up to its
         * own; other requests go to {@code base}.
         *
         * @param base the reader of the tiles as they were before the append
         * @return the combined reader
         * @throws TlogException if {@code base} is null
         * @since 0.2
         */
        public TileReader overlay(TileReader base) {
            if (base == null) {
                throw new TlogException("base tile reader is null");
            }
            Map<TilePosition, Tile> byPosition = new HashMap<>();
            for (Tile tile : tiles) {
                byPosition.put(new TilePosition(tile.level(), tile.index()), tile);
            }
            return (level, index, width) -> {
                Tile tile = byPosition.get(new TilePosition(level, index));
                if (tile != null && width >= 1 && width <= tile.width()) {
                    return tile.prefix(width);
                }
                return base.read(level, index, width);
            };
        }
    }

    private record TilePosition(int level, long index) {
    }
}
