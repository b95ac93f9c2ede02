package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_TILE;

import dev.hoheit.audit.tlog.Tile;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TileReader;
import dev.hoheit.audit.tlog.TiledTree;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The tree's C2SP tiles in {@code audit_tile}: one row per tile, holding its widest version. A
 * partial tile grows in place (a narrower partial tile of an earlier tree size is a prefix of it).
 *
 * <p>Full tiles never change, so proof generation keeps recently read ones in memory; verification
 * reads around the cache ({@link #uncached}), so it sees what the database really holds.
 */
final class TileStore {

    private static final int CACHED_TILES = 2_048; // 16 MiB of full tiles at most

    private final DSLContext db;
    private final Map<Long, byte[]> fullTiles = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_TILES;
        }
    };

    TileStore(DSLContext db) {
        this.db = db;
    }

    /** Reads tiles through {@code context} (a transaction's, or the pool's), caching full tiles. */
    TileReader cached(DSLContext context) {
        return (level, index, width) -> {
            if (width == 256) {
                long key = key(level, index);
                byte[] hit;
                synchronized (fullTiles) {
                    hit = fullTiles.get(key);
                }
                if (hit != null) {
                    return hit.clone();
                }
                byte[] read = read(context, level, index, width);
                synchronized (fullTiles) {
                    fullTiles.put(key, read.clone());
                }
                return read;
            }
            return read(context, level, index, width);
        };
    }

    /** Reads tiles straight from the database. */
    static TileReader uncached(DSLContext context) {
        return (level, index, width) -> read(context, level, index, width);
    }

    /** Every stored tile of {@code level}, by index, straight from the database. */
    static Map<Long, byte[]> uncachedRows(DSLContext context, int level) {
        Map<Long, byte[]> rows = new LinkedHashMap<>();
        context.select(AUDIT_TILE.TILE_INDEX, AUDIT_TILE.TILE_WIDTH, AUDIT_TILE.HASHES).from(AUDIT_TILE)
                .where(AUDIT_TILE.TILE_LEVEL.eq(level)).orderBy(AUDIT_TILE.TILE_INDEX)
                .forEach(row -> rows.put(row.value1(), Arrays.copyOf(row.value3(), Math.min(row.value3().length, row.value2() * 32))));
        return rows;
    }

    /** Reads tiles through the pool, caching full tiles. */
    TileReader reader() {
        return cached(db);
    }

    /** The tree over {@link #reader()}. */
    TiledTree tree() {
        return new TiledTree(reader());
    }

    private static byte[] read(DSLContext context, int level, long index, int width) {
        Record2<Integer, byte[]> row = context.select(AUDIT_TILE.TILE_WIDTH, AUDIT_TILE.HASHES).from(AUDIT_TILE)
                .where(AUDIT_TILE.TILE_LEVEL.eq(level).and(AUDIT_TILE.TILE_INDEX.eq(index)))
                .fetchOne();
        if (row == null || row.value1() < width || row.value2().length < width * 32) {
            throw new TileMissingException(level, index);
        }
        byte[] hashes = row.value2();
        return hashes.length == width * 32 ? hashes : Arrays.copyOf(hashes, width * 32);
    }

    /**
     * Stores the tiles an append produced: a tile the tree of {@code oldSize} already had is
     * widened, any other is inserted.
     */
    static void write(DSLContext context, List<Tile> tiles, long oldSize) {
        for (Tile tile : tiles) {
            if (TiledTree.widthAt(tile.level(), tile.index(), oldSize) > 0) {
                context.update(AUDIT_TILE)
                        .set(AUDIT_TILE.TILE_WIDTH, tile.width())
                        .set(AUDIT_TILE.HASHES, tile.hashes())
                        .where(AUDIT_TILE.TILE_LEVEL.eq(tile.level()).and(AUDIT_TILE.TILE_INDEX.eq(tile.index())))
                        .execute();
            } else {
                context.insertInto(AUDIT_TILE)
                        .set(AUDIT_TILE.TILE_LEVEL, tile.level())
                        .set(AUDIT_TILE.TILE_INDEX, tile.index())
                        .set(AUDIT_TILE.TILE_WIDTH, tile.width())
                        .set(AUDIT_TILE.HASHES, tile.hashes())
                        .execute();
            }
        }
    }

    /** Deletes the level-0 tiles that lie wholly below {@code minIndex} (C2SP tlog-tiles pruning). */
    int pruneBelow(long minIndex) {
        long fullTilesBelow = minIndex / 256;
        int deleted = db.deleteFrom(AUDIT_TILE)
                .where(AUDIT_TILE.TILE_LEVEL.eq(0).and(AUDIT_TILE.TILE_INDEX.lt(fullTilesBelow)))
                .execute();
        synchronized (fullTiles) {
            fullTiles.keySet().removeIf(key -> key >>> 56 == 0 && (key & 0x00FF_FFFF_FFFF_FFFFL) < fullTilesBelow);
        }
        return deleted;
    }

    /** Forgets cached tiles (after a failed write, or when the database may have been restored). */
    void clearCache() {
        synchronized (fullTiles) {
            fullTiles.clear();
        }
    }

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }
}
