package dev.hoheit.audit.tlog;

/**
 * A C2SP tlog-tiles resource path: {@code tile/<L>/<N>[.p/<W>]} for a tile of hashes and
 * {@code tile/entries/<N>[.p/<W>]} for an entry bundle. {@code <N>} is written in zero-padded groups
 * of three digits, all but the last prefixed with {@code x} (index 1234067 is {@code x001/x234/067});
 * {@code .p/<W>} marks a partial tile of width {@code W}.
 *
 * @param entries true for an entry bundle, false for a tile of hashes
 * @param level the tile's level, 0 to 63; always 0 for an entry bundle
 * @param index the tile's index within its level
 * @param width 256 for a full tile, 1 to 255 for a partial one
 * @since 0.2
 */
public record TilePath(boolean entries, int level, long index, int width) {

    /**
     * The highest level a path may name.
     *
     * @since 0.2
     */
    public static final int MAX_LEVEL = 63;

    private static final String PREFIX = "tile/";
    private static final String ENTRIES = "entries";
    private static final String PARTIAL = ".p";

    /**
     * Checks the components.
     *
     * @throws TlogException if the level is outside 0..63 (or not 0 for entries), the index is
     *     negative, or the width is outside 1..256
     * @since 0.2
     */
    public TilePath {
        if (level < 0 || level > MAX_LEVEL) {
            throw new TlogException("tile level " + level + " is outside 0.." + MAX_LEVEL);
        }
        if (entries && level != 0) {
            throw new TlogException("an entry bundle has no level, got level " + level);
        }
        if (index < 0) {
            throw new TlogException("tile index " + index + " is negative");
        }
        if (width < 1 || width > Tile.FULL_WIDTH) {
            throw new TlogException("tile width " + width + " is outside 1.." + Tile.FULL_WIDTH);
        }
    }

    /**
     * The path of a tile of hashes.
     *
     * @param level the tile's level, 0 to 63
     * @param index the tile's index within its level
     * @param width 256 for a full tile, 1 to 255 for a partial one
     * @return the path
     * @throws TlogException if a component is out of range
     * @since 0.2
     */
    public static TilePath tile(int level, long index, int width) {
        return new TilePath(false, level, index, width);
    }

    /**
     * The path of an entry bundle.
     *
     * @param index the bundle's index (the index of the level-0 tile it matches)
     * @param width 256 for a full bundle, 1 to 255 for a partial one
     * @return the path
     * @throws TlogException if a component is out of range
     * @since 0.2
     */
    public static TilePath entries(long index, int width) {
        return new TilePath(true, 0, index, width);
    }

    /**
     * The path, such as {@code tile/0/x001/x234/067.p/8}, without a leading slash.
     *
     * @return the path
     * @since 0.2
     */
    public String path() {
        StringBuilder path = new StringBuilder(PREFIX).append(entries ? ENTRIES : Integer.toString(level)).append('/');
        String digits = Long.toString(index);
        int groups = (digits.length() + 2) / 3;
        digits = "0".repeat(groups * 3 - digits.length()) + digits;
        for (int g = 0; g < groups; g++) {
            if (g < groups - 1) {
                path.append('x');
            }
            path.append(digits, g * 3, g * 3 + 3);
            if (g < groups - 1) {
                path.append('/');
            }
        }
        if (width < Tile.FULL_WIDTH) {
            path.append(PARTIAL).append('/').append(width);
        }
        return path.toString();
    }

    /**
     * Parses a path strictly: only the form {@link #path()} writes is accepted (no leading slash,
     * no leading zeros in the level, width or index, level 0 to 63, width 1 to 255).
     *
     * @param path the path, such as {@code tile/entries/x001/234.p/17}
     * @return the parsed path
     * @throws TlogException naming the problem if the path is malformed
     * @since 0.2
     */
    public static TilePath parse(String path) {
        if (path == null) {
            throw new TlogException("tile path is null");
        }
        if (!path.startsWith(PREFIX)) {
            throw new TlogException("tile path " + quoted(path) + " does not start with " + PREFIX);
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        int end = parts.length;
        int width = Tile.FULL_WIDTH;
        if (end >= 3 && parts[end - 2].endsWith(PARTIAL)) {
            width = parseDecimal(parts[end - 1], path, "width");
            if (width < 1 || width >= Tile.FULL_WIDTH) {
                throw new TlogException("tile path " + quoted(path) + " has width " + width + ", not 1..255");
            }
            end--;
            parts[end - 1] = parts[end - 1].substring(0, parts[end - 1].length() - PARTIAL.length());
        }
        if (end < 2) {
            throw new TlogException("tile path " + quoted(path) + " has no index");
        }
        boolean entries = parts[0].equals(ENTRIES);
        int level = 0;
        if (!entries) {
            level = parseDecimal(parts[0], path, "level");
            if (level > MAX_LEVEL) {
                throw new TlogException("tile path " + quoted(path) + " has level " + level + ", not 0.." + MAX_LEVEL);
            }
        }
        return new TilePath(entries, level, parseIndex(parts, end, path), width);
    }

    private static long parseIndex(String[] parts, int end, String path) {
        long index = 0;
        for (int i = 1; i < end; i++) {
            boolean last = i == end - 1;
            String group = parts[i];
            if (!last) {
                if (!group.startsWith("x")) {
                    throw new TlogException("tile path " + quoted(path) + " has index group " + quoted(group)
                            + " without the leading x");
                }
                group = group.substring(1);
            }
            if (group.length() != 3 || !isDigits(group)) {
                throw new TlogException("tile path " + quoted(path) + " has index group " + quoted(parts[i])
                        + ", not three digits");
            }
            if (i == 1 && !last && group.equals("000")) {
                throw new TlogException("tile path " + quoted(path) + " has a leading zero index group");
            }
            int value = Integer.parseInt(group);
            if (index > (Long.MAX_VALUE - value) / 1000) {
                throw new TlogException("tile path " + quoted(path) + " has an index beyond " + Long.MAX_VALUE);
            }
            index = index * 1000 + value;
        }
        return index;
    }

    private static int parseDecimal(String text, String path, String what) {
        if (text.isEmpty() || text.length() > 9 || !isDigits(text) || (text.length() > 1 && text.charAt(0) == '0')) {
            throw new TlogException("tile path " + quoted(path) + " has " + what + " " + quoted(text)
                    + ", not a decimal number without leading zeros");
        }
        return Integer.parseInt(text);
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String text) {
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        return "\"" + shown + "\"";
    }
}
