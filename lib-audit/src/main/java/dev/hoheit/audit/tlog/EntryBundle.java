package dev.hoheit.audit.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * C2SP tlog-tiles entry bundles: the entries of one level-0 tile, each prefixed with its length as
 * a big-endian unsigned 16-bit number. A bundle holds 1 to 256 entries of at most 65,535 bytes each.
 *
 * @since 0.2
 */
public final class EntryBundle {

    /**
     * The largest entry a bundle can hold, in bytes.
     *
     * @since 0.2
     */
    public static final int MAX_ENTRY = 65535;

    private static final int LENGTH_PREFIX = 2;

    private EntryBundle() {
    }

    /**
     * Encodes entries as a bundle.
     *
     * @param entries 1 to 256 entries, each at most 65,535 bytes (an empty entry is allowed)
     * @return the bundle
     * @throws TlogException if there are no entries or more than 256, or an entry is null or too long
     * @since 0.2
     */
    public static byte[] encode(List<byte[]> entries) {
        if (entries == null) {
            throw new TlogException("entries are null");
        }
        requireCount(entries.size());
        int length = 0;
        for (int i = 0; i < entries.size(); i++) {
            byte[] entry = entries.get(i);
            if (entry == null) {
                throw new TlogException("entry " + i + " is null");
            }
            if (entry.length > MAX_ENTRY) {
                throw new TlogException("entry " + i + " has " + entry.length + " bytes, more than " + MAX_ENTRY);
            }
            length += LENGTH_PREFIX + entry.length;
        }
        byte[] bundle = new byte[length];
        int at = 0;
        for (byte[] entry : entries) {
            bundle[at] = (byte) (entry.length >>> 8);
            bundle[at + 1] = (byte) entry.length;
            System.arraycopy(entry, 0, bundle, at + LENGTH_PREFIX, entry.length);
            at += LENGTH_PREFIX + entry.length;
        }
        return bundle;
    }

    /**
     * Decodes a bundle into its entries.
     *
     * @param bundle the bundle
     * @return the entries, in order, each a fresh array (the list is unmodifiable)
     * @throws TlogException if the bundle is null, empty, truncated (in a length or in an entry), or
     *     holds more than 256 entries
     * @since 0.2
     */
    public static List<byte[]> decode(byte[] bundle) {
        if (bundle == null) {
            throw new TlogException("entry bundle is null");
        }
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (entries.size() == Tile.FULL_WIDTH) {
                throw new TlogException("entry bundle holds more than " + Tile.FULL_WIDTH + " entries");
            }
            if (bundle.length - at < LENGTH_PREFIX) {
                throw new TlogException("entry bundle is truncated in the length of entry " + entries.size()
                        + " at byte " + at);
            }
            int length = ((bundle[at] & 0xff) << 8) | (bundle[at + 1] & 0xff);
            at += LENGTH_PREFIX;
            if (bundle.length - at < length) {
                throw new TlogException("entry bundle is truncated in entry " + entries.size() + ": it needs "
                        + length + " bytes, " + (bundle.length - at) + " are left");
            }
            entries.add(Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        requireCount(entries.size());
        return List.copyOf(entries);
    }

    private static void requireCount(int count) {
        if (count == 0) {
            throw new TlogException("an entry bundle holds at least one entry");
        }
        if (count > Tile.FULL_WIDTH) {
            throw new TlogException("an entry bundle holds at most " + Tile.FULL_WIDTH + " entries, got " + count);
        }
    }
}
