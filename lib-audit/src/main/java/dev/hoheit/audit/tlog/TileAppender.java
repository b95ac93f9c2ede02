package dev.hoheit.audit.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appending leaves to a tiled tree: which tiles change. Reads only the right-edge partial tiles.
 *
 * @since 0.2
 */
public final class TileAppender {

    private TileAppender() {
    }

    /** The tiles an append produced, and the tree's new size. */
    public record Appended(long newSize, List<Tile> tiles) {

        /** Copies the list. */
        public Appended {
            tiles = List.copyOf(tiles);
        }

        /** A reader that answers from {@link #tiles()} first, then from {@code base}. */
        public TileReader overlay(TileReader base) {
            return (level, index, width) -> {
                for (Tile tile : tiles) {
                    if (tile.level() == level && tile.index() == index && tile.width() >= width) {
                        return java.util.Arrays.copyOf(tile.hashes(), width * Merkle.HASH_SIZE);
                    }
                }
                return base.read(level, index, width);
            };
        }
    }

    /**
     * Appends {@code leafHashes} to the tree of {@code size} leaves whose tiles {@code reader} holds.
     * Returns every tile that is new or wider than before, at every level, each with its whole
     * content, in (level, index) order.
     */
    public static Appended append(TileReader reader, long size, List<byte[]> leafHashes) {
        if (size < 0) {
            throw new TlogException("tree size must not be negative, was " + size);
        }
        Map<Long, Level> levels = new TreeMap<>();
        long newSize = size;
        for (byte[] leaf : leafHashes) {
            if (leaf == null || leaf.length != Merkle.HASH_SIZE) {
                throw new TlogException("a leaf hash must be " + Merkle.HASH_SIZE + " bytes");
            }
            add(reader, levels, 0, newSize, leaf);
            newSize++;
        }
        List<Tile> tiles = new ArrayList<>();
        for (Level level : levels.values()) {
            tiles.addAll(level.changed);
            if (level.open != null && level.open.size() > 0) {
                tiles.add(new Tile(level.level, level.openIndex, level.open.toByteArray()));
            }
        }
        tiles.sort((a, b) -> a.level() != b.level() ? Integer.compare(a.level(), b.level()) : Long.compare(a.index(), b.index()));
        return new Appended(newSize, tiles);
    }

    /** Adds one hash at {@code level}, where the tree of {@code sizeBefore} leaves had the hashes it had. */
    private static void add(TileReader reader, Map<Long, Level> levels, int level, long sizeBefore, byte[] hash) {
        Level current = levels.computeIfAbsent((long) level, l -> new Level(level));
        if (current.open == null) {
            long hashesBefore = sizeBefore >>> (8 * level);
            current.openIndex = hashesBefore >>> 8;
            current.open = new ByteArrayOutputStream(256 * Merkle.HASH_SIZE);
            int width = (int) (hashesBefore & 255);
            if (width > 0) {
                byte[] existing = reader.read(level, current.openIndex, width);
                current.open.write(existing, 0, width * Merkle.HASH_SIZE);
            }
        }
        current.open.write(hash, 0, Merkle.HASH_SIZE);
        if (current.open.size() == 256 * Merkle.HASH_SIZE) {
            byte[] full = current.open.toByteArray();
            current.changed.add(new Tile(level, current.openIndex, full));
            List<byte[]> hashes = new ArrayList<>(256);
            for (int i = 0; i < 256; i++) {
                hashes.add(java.util.Arrays.copyOfRange(full, i * Merkle.HASH_SIZE, (i + 1) * Merkle.HASH_SIZE));
            }
            // The level above gets this tile's hash; what it held before is read for the size before this leaf.
            add(reader, levels, level + 1, current.openIndex << (8 * (level + 1)), Merkle.rootOf(hashes));
            current.openIndex++;
            current.open = new ByteArrayOutputStream(256 * Merkle.HASH_SIZE);
        }
    }

    private static final class Level {
        final int level;
        final List<Tile> changed = new ArrayList<>();
        long openIndex;
        ByteArrayOutputStream open;

        Level(int level) {
            this.level = level;
        }
    }
}
