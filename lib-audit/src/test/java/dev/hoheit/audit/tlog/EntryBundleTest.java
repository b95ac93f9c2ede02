package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class EntryBundleTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void entries_are_length_prefixed_big_endian() {
        byte[] bundle = EntryBundle.encode(MerkleTest.hex("", "00", "2021", "ff".repeat(300)));
        assertEquals("0000" + "000100" + "00022021" + "012c" + "ff".repeat(300), HEX.formatHex(bundle));
    }

    @Test
    void a_bundle_round_trips_up_to_256_entries_of_up_to_65535_bytes() {
        List<byte[]> entries = new ArrayList<>();
        entries.add(new byte[0]);
        entries.add(filled(EntryBundle.MAX_ENTRY, 0x5a));
        for (int i = 2; i < 256; i++) {
            entries.add(FakeTileStore.entry(i));
        }
        List<byte[]> decoded = EntryBundle.decode(EntryBundle.encode(entries));
        assertEquals(hexes(entries), hexes(decoded));
        assertEquals(hexes(entries.subList(0, 1)), hexes(EntryBundle.decode(EntryBundle.encode(entries.subList(0, 1)))));
    }

    @Test
    void entries_over_65535_bytes_and_bad_counts_are_refused() {
        assertMessage("entry 1 has 65536 bytes, more than 65535",
                () -> EntryBundle.encode(List.of(new byte[1], new byte[65_536])));
        assertMessage("an entry bundle holds at least one entry", () -> EntryBundle.encode(List.of()));
        assertMessage("an entry bundle holds at most 256 entries, got 257",
                () -> EntryBundle.encode(Collections.nCopies(257, new byte[1])));
        assertMessage("entry 0 is null", () -> EntryBundle.encode(Arrays.asList((byte[]) null)));
        assertMessage("entries are null", () -> EntryBundle.encode(null));
    }

    @Test
    void truncated_and_overfull_bundles_are_refused() {
        byte[] bundle = EntryBundle.encode(MerkleTest.hex("00", "2021"));
        assertMessage("entry bundle is truncated in the length of entry 1 at byte 3",
                () -> EntryBundle.decode(Arrays.copyOf(bundle, 4)));
        assertMessage("entry bundle is truncated in entry 1: it needs 2 bytes, 1 are left",
                () -> EntryBundle.decode(Arrays.copyOf(bundle, bundle.length - 1)));
        assertMessage("entry bundle is truncated in entry 0: it needs 65535 bytes, 0 are left",
                () -> EntryBundle.decode(HEX.parseHex("ffff")));
        assertMessage("an entry bundle holds at least one entry", () -> EntryBundle.decode(new byte[0]));
        assertMessage("entry bundle holds more than 256 entries", () -> EntryBundle.decode(new byte[2 * 257]));
        assertMessage("entry bundle is null", () -> EntryBundle.decode(null));
        assertEquals(256, EntryBundle.decode(new byte[2 * 256]).size(), "256 empty entries");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static List<String> hexes(List<byte[]> values) {
        return values.stream().map(HEX::formatHex).toList();
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(TlogException.class, call).getMessage());
    }
}
