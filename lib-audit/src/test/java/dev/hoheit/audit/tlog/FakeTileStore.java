package dev.hoheit.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory tile store: keeps the widest version of every tile appended, answers any width up to
 * it, and can prune level-0 tiles that end at or before a minimum index. Counts reads.
 */
final class FakeTileStore implements TileReader {

    private final Map<Long, byte[]> tiles = new HashMap<>();
    private long size;
    private long minimumIndex;
    private int reads;
    private final List<String> requests = new ArrayList<>();
    private boolean recording;

    /** A store holding the tree of {@code count} leaves, each the leaf hash of {@link #entry(long)}. */
    static FakeTileStore withLeaves(long count) {
        FakeTileStore store = new FakeTileStore();
        List<byte[]> batch = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            batch.add(Merkle.leafHash(entry(i)));
            if (batch.size() == 10_000) {
                store.append(batch);
                batch.clear();
            }
        }
        store.append(batch);
        return store;
    }

    static byte[] entry(long i) {
        return ("leaf " + i).getBytes(StandardCharsets.UTF_8);
    }

    TileAppender.Appended append(List<byte[]> leafHashes) {
        TileAppender.Appended appended = TileAppender.append(this, size, leafHashes);
        store(appended);
        return appended;
    }

    void store(TileAppender.Appended appended) {
        for (Tile tile : appended.tiles()) {
            byte[] old = tiles.get(key(tile.level(), tile.index()));
            if (old != null && old.length >= tile.hashes().length) {
                throw new AssertionError(tile + " is not wider than the stored one");
            }
            tiles.put(key(tile.level(), tile.index()), tile.hashes());
        }
        size = appended.newSize();
    }

    long size() {
        return size;
    }

    /** Level-0 tiles whose end index is at or before {@code minimumIndex} are no longer served. */
    void prune(long minimumIndex) {
        this.minimumIndex = minimumIndex;
    }

    @Override
    public byte[] read(int level, long index, int width) {
        reads++;
        if (recording) {
            requests.add(level + "/" + index + "/" + width);
        }
        byte[] tile = tiles.get(key(level, index));
        boolean pruned = level == 0 && (index + 1) * Tile.FULL_WIDTH <= minimumIndex;
        if (tile == null || pruned || tile.length < width * Merkle.HASH_SIZE) {
            throw new TileMissingException(level, index);
        }
        if (width < 1 || width > Tile.FULL_WIDTH) {
            throw new AssertionError("width " + width + " requested");
        }
        return Arrays.copyOf(tile, width * Merkle.HASH_SIZE);
    }

    int reads() {
        return reads;
    }

    /** Starts recording requests as "level/index/width"; returns the list, which fills as reads happen. */
    List<String> record() {
        recording = true;
        requests.clear();
        return requests;
    }

    /** Every stored tile at its stored width, as a path, in (level, index) order. */
    List<String> paths() {
        Map<Long, String> sorted = new TreeMap<>();
        tiles.forEach((key, hashes) -> sorted.put(sortKey(key),
                TilePath.tile((int) (key % 8), key / 8, hashes.length / Merkle.HASH_SIZE).path()));
        return List.copyOf(sorted.values());
    }

    /** Every stored tile's content, keyed by its path. */
    Map<String, String> contents() {
        Map<String, String> contents = new TreeMap<>();
        tiles.forEach((key, hashes) -> contents.put(
                TilePath.tile((int) (key % 8), key / 8, hashes.length / Merkle.HASH_SIZE).path(),
                HexFormat.of().formatHex(hashes)));
        return contents;
    }

    private static long key(int level, long index) {
        return index * 8 + level;
    }

    private static long sortKey(long key) {
        return (key % 8) << 58 | key / 8;
    }
}
