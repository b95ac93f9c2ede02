package dev.hoheit.audit.tlog;

import java.io.Serial;

/**
 * A {@link TileReader} does not hold a tile: it was pruned, or never written.
 *
 * @since 0.2
 */
public final class TileMissingException extends TlogException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The missing tile's level. */
    private final int level;
    /** The missing tile's index within its level. */
    private final long index;

    /**
     * Creates an exception for the tile at {@code level} and {@code index}.
     *
     * @param level the tile's level
     * @param index the tile's index within its level
     * @since 0.2
     */
    public TileMissingException(int level, long index) {
        super(message(level, index));
        this.level = level;
        this.index = index;
    }

    /**
     * Creates an exception for the tile at {@code level} and {@code index}, with the failure that
     * showed it missing.
     *
     * @param level the tile's level
     * @param index the tile's index within its level
     * @param cause the underlying failure (a 404, a missing file)
     * @since 0.2
     */
    public TileMissingException(int level, long index, Throwable cause) {
        super(message(level, index), cause);
        this.level = level;
        this.index = index;
    }

    /**
     * The missing tile's level.
     *
     * @return the level, 0 for leaf hashes
     * @since 0.2
     */
    public int level() {
        return level;
    }

    /**
     * The missing tile's index within its level.
     *
     * @return the index
     * @since 0.2
     */
    public long index() {
        return index;
    }

    private static String message(int level, long index) {
        return "tile " + index + " at level " + level + " is not stored";
    }
}
