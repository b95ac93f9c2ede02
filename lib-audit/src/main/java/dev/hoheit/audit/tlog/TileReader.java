package dev.hoheit.audit.tlog;

/**
 * Where tile hashes come from: a database, files, HTTP. {@link TiledTree} asks only for tiles a tree
 * of the size in question has, with the width that tree gives them; an implementation that stores a
 * wider version of the tile returns the first {@code width} hashes of it.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface TileReader {

    /**
     * The first {@code width} hashes of tile {@code index} at {@code level}, concatenated.
     *
     * @param level the tile's level, 0 for leaf hashes
     * @param index the tile's index within its level
     * @param width how many hashes to return, 1 to 256
     * @return {@code width * 32} bytes
     * @throws TileMissingException if the tile is not stored (pruned, or never written), or is
     *     stored narrower than {@code width}
     * @since 0.2
     */
    byte[] read(int level, long index, int width);
}
