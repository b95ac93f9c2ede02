package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TileAppenderTest {

    private static final int SIZE = 70_000;
    private static final List<byte[]> LEAVES = TiledTreeTest.leafHashes(SIZE);
    private static final FakeTileStore REFERENCE = FakeTileStore.withLeaves(SIZE);

    @Test
    void appending_in_any_batch_split_gives_the_same_tiles_and_roots() {
        Random random = new Random(42);
        List<IntUnaryOperator> splits = List.of(
                batch -> 1,
                batch -> 255,
                batch -> 256,
                batch -> 257,
                batch -> List.of(255, 256, 257).get(batch % 3),
                batch -> 1 + random.nextInt(10_000),
                batch -> 1 + random.nextInt(300),
                batch -> SIZE);
        TiledTree reference = new TiledTree(REFERENCE);
        for (IntUnaryOperator split : splits) {
            FakeTileStore store = new FakeTileStore();
            for (int batch = 0; store.size() < SIZE; batch++) {
                int from = (int) store.size();
                int to = Math.min(SIZE, from + split.applyAsInt(batch));
                TileAppender.Appended appended = TileAppender.append(store, from, LEAVES.subList(from, to));
                assertEquals(to, appended.newSize());
                if (to - from > 1 || to % 4099 == 0) {
                    byte[] root = new TiledTree(appended.overlay(store)).root(to);
                    assertEquals(hex(reference.root(to)), hex(root), "root after appending up to " + to);
                }
                store.store(appended);
            }
            assertEquals(REFERENCE.contents(), store.contents());
        }
        for (int size : List.of(1, 255, 256, 257, 65_536, 65_537, SIZE)) {
            assertEquals(hex(Merkle.rootOf(LEAVES.subList(0, size))), hex(reference.root(size)), "root " + size);
        }
    }

    @Test
    void each_append_returns_exactly_the_tiles_that_are_new_or_wider_in_order() {
        long[][] appends = {{0, 1}, {0, 256}, {0, 257}, {1, 1}, {255, 1}, {255, 2}, {256, 1}, {300, 600},
            {65_535, 1}, {65_535, 2}, {65_280, 256}, {60_000, 10_000}, {69_999, 1}, {0, SIZE}};
        for (long[] append : appends) {
            int from = (int) append[0];
            int to = from + (int) append[1];
            FakeTileStore before = FakeTileStore.withLeaves(from);
            TileAppender.Appended appended = TileAppender.append(before, from, LEAVES.subList(from, to));
            List<String> expected = new ArrayList<>();
            for (int level = 0; level < 8; level++) {
                for (long index = 0; TiledTree.widthAt(level, index, to) > 0; index++) {
                    int width = TiledTree.widthAt(level, index, to);
                    if (width > TiledTree.widthAt(level, index, from)) {
                        expected.add(TilePath.tile(level, index, width).path());
                    }
                }
            }
            String what = "appending " + append[1] + " to " + from;
            assertEquals(expected, appended.tiles().stream().map(tile -> tile.path().path()).toList(), what);
            for (Tile tile : appended.tiles()) {
                assertArrayEquals(REFERENCE.read(tile.level(), tile.index(), tile.width()), tile.hashes(), what + ": " + tile);
            }
        }
    }

    @Test
    void appending_reads_only_the_partial_tiles_at_the_right_edge() {
        FakeTileStore store = FakeTileStore.withLeaves(65_535);
        List<String> reads = store.record();
        TileAppender.Appended appended = store.append(LEAVES.subList(65_535, 65_536));
        assertEquals(List.of("0/255/255", "1/0/255"), reads);
        assertEquals(List.of("tile/0/255", "tile/1/000", "tile/2/000.p/1"),
                appended.tiles().stream().map(tile -> tile.path().path()).toList());

        reads.clear();
        store.append(LEAVES.subList(65_536, 65_537));
        assertEquals(List.of(), reads, "a new level-0 tile needs no read");
        reads.clear();
        store.append(LEAVES.subList(65_537, SIZE));
        assertEquals(List.of("0/256/1"), reads, "level 1 gets hashes, but its tile 1 is new");

        FakeTileStore empty = new FakeTileStore();
        reads = empty.record();
        assertEquals(List.of(), TileAppender.append(empty, 0, List.of()).tiles());
        empty.append(LEAVES.subList(0, 10_000));
        assertEquals(List.of(), reads);
    }

    @Test
    void the_tiles_of_70000_leaves_are_those_the_tlog_tiles_spec_lists() {
        // C2SP tlog-tiles: 273 full level-0 tiles, a partial level-0 tile of width 112, one full level-1 tile,
        // a partial level-1 tile of width 17 and a partial level-2 tile of width 1.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 273; i++) {
            expected.add(TilePath.tile(0, i, 256).path());
        }
        expected.addAll(List.of("tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1"));
        assertEquals(expected, REFERENCE.paths());
        assertEquals("tile/0/272", expected.get(272));

        // "A tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of width 1."
        FakeTileStore store = FakeTileStore.withLeaves(256);
        assertEquals(List.of("tile/0/000", "tile/1/000.p/1"), store.paths());
        assertArrayEquals(Merkle.rootOf(LEAVES.subList(0, 256)), store.read(1, 0, 1), "level 1 holds the full tile's root");
    }

    @Test
    void the_overlay_answers_from_the_new_tiles_first() {
        FakeTileStore store = FakeTileStore.withLeaves(300);
        TileAppender.Appended appended = TileAppender.append(store, 300, LEAVES.subList(300, 520));
        TileReader overlay = appended.overlay(store);
        assertArrayEquals(REFERENCE.read(0, 1, 250), overlay.read(0, 1, 250), "a new tile, narrower");
        assertArrayEquals(REFERENCE.read(0, 2, 8), overlay.read(0, 2, 8));
        assertArrayEquals(REFERENCE.read(0, 0, 256), overlay.read(0, 0, 256), "an unchanged tile, from the base");
        assertThrows(TileMissingException.class, () -> overlay.read(0, 2, 9), "wider than any tile");
        assertThrows(TileMissingException.class, () -> overlay.read(0, 3, 1));
        assertEquals(hex(Merkle.rootOf(LEAVES.subList(0, 520))), hex(new TiledTree(overlay).root(520)));
    }

    @Test
    void bad_input_is_refused_with_a_message_naming_it() {
        FakeTileStore store = FakeTileStore.withLeaves(10);
        List<byte[]> one = LEAVES.subList(10, 11);
        assertMessage("tile reader is null", () -> TileAppender.append(null, 0, one));
        assertMessage("tree size -1 is negative", () -> TileAppender.append(store, -1, one));
        assertMessage("leaf hashes are null", () -> TileAppender.append(store, 10, null));
        assertMessage("leaf hash 1 has 31 bytes, not 32",
                () -> TileAppender.append(store, 10, List.of(new byte[32], new byte[31])));
        assertMessage("leaf hash 0 is null", () -> TileAppender.append(store, 10, Arrays.asList((byte[]) null)));
        assertMessage("appending 1 leaves to 9223372036854775807 overflows the size",
                () -> TileAppender.append(store, Long.MAX_VALUE, one));
        assertMessage("tile reader returned 64 bytes for tile 0 at level 0 of width 10, not 320 bytes",
                () -> TileAppender.append((level, index, width) -> new byte[64], 10, one));
        TileMissingException missing = assertThrows(TileMissingException.class, () -> TileAppender.append(store, 11, one));
        assertEquals(0, missing.level());
        assertMessage("tree size -1 is negative", () -> new TileAppender.Appended(-1, List.of()));
        assertMessage("tiles hold null", () -> new TileAppender.Appended(1, Arrays.asList((Tile) null)));
        assertMessage("base tile reader is null", () -> new TileAppender.Appended(0, List.of()).overlay(null));
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(TlogException.class, call).getMessage());
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }
}
