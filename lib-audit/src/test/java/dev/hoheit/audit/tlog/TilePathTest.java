package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TilePathTest {

    @Test
    void the_spec_examples_are_written_and_parsed() {
        // C2SP tlog-tiles: "index 1234067 will be encoded as x001/x234/067".
        assertRoundTrip("tile/0/x001/x234/067", TilePath.tile(0, 1_234_067, 256));
        assertRoundTrip("tile/0/x001/x234/067.p/8", TilePath.tile(0, 1_234_067, 8));
        assertRoundTrip("tile/entries/x001/x234/067", TilePath.entries(1_234_067, 256));
        assertRoundTrip("tile/entries/x001/x234/067.p/255", TilePath.entries(1_234_067, 255));
        // The index encodings of golang.org/x/mod sumdb/tlog/tlog_test.go (tilePaths), with C2SP's fixed height 8.
        assertRoundTrip("tile/4/001", TilePath.tile(4, 1, 256));
        assertRoundTrip("tile/4/001.p/5", TilePath.tile(4, 1, 5));
        assertRoundTrip("tile/3/x123/x456/078", TilePath.tile(3, 123_456_078, 256));
        assertRoundTrip("tile/3/x123/x456/078.p/2", TilePath.tile(3, 123_456_078, 2));
        assertRoundTrip("tile/1/x003/x057/500", TilePath.tile(1, 3_057_500, 256));
        assertRoundTrip("tile/entries/x003/x057/500", TilePath.entries(3_057_500, 256));
        // Edges.
        assertRoundTrip("tile/0/000.p/1", TilePath.tile(0, 0, 1));
        assertRoundTrip("tile/63/999", TilePath.tile(63, 999, 256));
        assertRoundTrip("tile/0/x001/000", TilePath.tile(0, 1000, 256));
        assertRoundTrip("tile/2/x009/x223/x372/x036/x854/x775/807", TilePath.tile(2, Long.MAX_VALUE, 256));
    }

    @Test
    void paths_round_trip_for_many_indexes_and_widths() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            // Non-negative indexes of every length from 1 to 19 digits.
            long index = random.nextLong() >>> (1 + i % 63);
            for (int width : new int[] {1, 17, 255, 256}) {
                TilePath tile = TilePath.tile(i % 64, index, width);
                assertEquals(tile, TilePath.parse(tile.path()));
                TilePath entries = TilePath.entries(index, width);
                assertEquals(entries, TilePath.parse(entries.path()));
            }
        }
    }

    @Test
    void malformed_paths_are_rejected_naming_the_problem() {
        List<String> malformed = List.of(
                "", "tile/", "tile/0", "tile/0/", "/tile/0/001", "tiles/0/001", "TILE/0/001",
                "tile/3/5/123/456/078", "tile/3/-1/123/456/078", "tile/1/data/x003/x057/500",
                "tile/00/001", "tile/01/001", "tile/64/001", "tile/-1/001", "tile/+1/001", "tile/a/001",
                "tile/0/1", "tile/0/01", "tile/0/0001", "tile/0/x001", "tile/0/001/", "tile/0//001",
                "tile/0/x000/001", "tile/0/x01/001", "tile/0/001/x002", "tile/0/00a", "tile/0/x0a1/001",
                "tile/0/001.p", "tile/0/001.p/", "tile/0/001.p/0", "tile/0/001.p/256", "tile/0/001.p/05",
                "tile/0/001.p/5/6", "tile/0/.p/5", "tile/0/001.q/5", "tile/0/001.p/-5", "tile/0/001.p/x",
                "tile/entries", "tile/entries/", "tile/entries/0/001", "tile/entries/001.p/256",
                "tile/0/x009/x223/x372/x036/x854/x775/808", "tile/0/x100/x000/x000/x000/x000/x000/x000/000");
        for (String path : malformed) {
            TlogException e = assertThrows(TlogException.class, () -> TilePath.parse(path), path);
            assertTrue(e.getMessage().startsWith("tile path \"" + path + "\""), e.getMessage());
        }
        assertEquals("tile path \"tile/64/001\" has level 64, not 0..63",
                assertThrows(TlogException.class, () -> TilePath.parse("tile/64/001")).getMessage());
        assertEquals("tile path \"tile/0/001.p/256\" has width 256, not 1..255",
                assertThrows(TlogException.class, () -> TilePath.parse("tile/0/001.p/256")).getMessage());
        assertEquals("tile path is null", assertThrows(TlogException.class, () -> TilePath.parse(null)).getMessage());
    }

    @Test
    void out_of_range_components_are_rejected() {
        assertMessage("tile width 0 is outside 1..256", () -> TilePath.tile(0, 0, 0));
        assertMessage("tile width 257 is outside 1..256", () -> TilePath.entries(0, 257));
        assertMessage("tile level 64 is outside 0..63", () -> TilePath.tile(64, 0, 1));
        assertMessage("tile level -1 is outside 0..63", () -> TilePath.tile(-1, 0, 1));
        assertMessage("tile index -1 is negative", () -> TilePath.tile(0, -1, 1));
        assertMessage("an entry bundle has no level, got level 1", () -> new TilePath(true, 1, 0, 1));
    }

    @Test
    void a_tile_knows_its_path_and_copies_its_hashes() {
        byte[] hashes = new byte[3 * 32];
        hashes[40] = 7;
        Tile tile = new Tile(1, 1_234_067, hashes);
        hashes[40] = 0;
        assertEquals("tile/1/x001/x234/067.p/3", tile.path().path());
        assertEquals(3, tile.width());
        assertEquals(7, tile.hash(1)[8]);
        tile.hashes()[40] = 0;
        assertEquals(7, tile.hashes()[40]);
        assertEquals(tile, new Tile(1, 1_234_067, tile.hashes()));
        assertEquals(tile.hashCode(), new Tile(1, 1_234_067, tile.hashes()).hashCode());
        assertEquals("Tile[level=1, index=1234067, width=3]", tile.toString());
        assertTrue(new Tile(0, 0, new byte[256 * 32]).full());
        assertMessage("hash 3 is outside a tile of width 3", () -> tile.hash(3));
        assertMessage("tile of 0 bytes is not 1 to 256 hashes of 32 bytes", () -> new Tile(0, 0, new byte[0]));
        assertMessage("tile of 33 bytes is not 1 to 256 hashes of 32 bytes", () -> new Tile(0, 0, new byte[33]));
        assertMessage("tile of 8224 bytes is not 1 to 256 hashes of 32 bytes", () -> new Tile(0, 0, new byte[257 * 32]));
        assertMessage("tile hashes are null", () -> new Tile(0, 0, null));
        assertMessage("tile index -2 is negative", () -> new Tile(0, -2, new byte[32]));
        assertMessage("tile level 64 is outside 0..63", () -> new Tile(64, 0, new byte[32]));
    }

    private static void assertRoundTrip(String path, TilePath tile) {
        assertEquals(path, tile.path());
        assertEquals(tile, TilePath.parse(path));
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(TlogException.class, call).getMessage());
    }
}
