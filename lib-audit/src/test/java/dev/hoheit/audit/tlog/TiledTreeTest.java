package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.function.Executable;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TiledTreeTest {

    private static final int SMALL = 600;
    private static final int MILLION = 1_000_000;
    private static final HexFormat HEX = HexFormat.of();

    private FakeTileStore million;
    private List<byte[]> millionLeaves;
    private NaiveMerkle millionNaive;

    @BeforeAll
    void build_a_million_leaf_tree() {
        million = FakeTileStore.withLeaves(MILLION);
        millionLeaves = leafHashes(MILLION);
        millionNaive = new NaiveMerkle(millionLeaves, 256);
    }

    @Test
    void the_rfc6962_test_tree_gives_the_published_roots_and_proofs() {
        // Roots: transparency-dev/merkle testonly/constants.go. Proofs: its testdata/inclusion/{1,2,3,4}/happy-path.json
        // and testdata/consistency/{1,2,3,4}/happy-path.json.
        FakeTileStore store = new FakeTileStore();
        store.append(MerkleTest.LEAVES.stream().map(Merkle::leafHash).toList());
        TiledTree tree = new TiledTree(store);
        for (int size = 0; size <= 8; size++) {
            assertEquals(HEX.formatHex(MerkleTest.ROOTS.get(size)), HEX.formatHex(tree.root(size)), "root " + size);
        }
        assertProof(tree.inclusionProof(0, 8), "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=");
        assertProof(tree.inclusionProof(5, 8), "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=",
                "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=");
        assertProof(tree.inclusionProof(2, 3), "+sVCA+fMaWzw38tCySodnbr3CtnmIfS9jZhmLwDjwSU=");
        assertProof(tree.inclusionProof(1, 5), "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=");
        assertProof(tree.inclusionProof(0, 1));
        assertProof(tree.consistencyProof(1, 8), "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=", "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=");
        assertProof(tree.consistencyProof(6, 8), "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=");
        assertProof(tree.consistencyProof(2, 5), "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=");
        assertProof(tree.consistencyProof(6, 7), "DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
                "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=", "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=");
        assertProof(tree.consistencyProof(1, 1));
        assertProof(tree.consistencyProof(0, 8));
    }

    @Test
    void every_root_and_proof_up_to_600_leaves_matches_the_rfc_definitions_and_verifies() {
        List<byte[]> leaves = leafHashes(SMALL);
        NaiveMerkle naive = new NaiveMerkle(leaves, 2);
        FakeTileStore store = FakeTileStore.withLeaves(SMALL);
        List<byte[]> roots = new ArrayList<>();
        for (int size = 0; size <= SMALL; size++) {
            roots.add(naive.mth(0, size));
        }
        int proofs = 0;
        for (int size = 0; size <= SMALL; size++) {
            TiledTree tree = new TiledTree(widthChecking(store, size));
            assertEquals(hex(roots.get(size)), hex(tree.root(size)), "root " + size);
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertEquals(hexes(naive.path(index, size)), hexes(proof), "PATH(" + index + ", " + size + ")");
                assertEquals(hex(leaves.get(index)), hex(tree.leafHash(index, size)));
                assertInclusionVerifiesOnlyAsIs(leaves.get(index), index, size, proof, roots.get(size), false);
                proofs++;
            }
            for (int old = 0; old <= size; old++) {
                List<byte[]> proof = tree.consistencyProof(old, size);
                List<byte[]> expected = old == 0 || old == size ? List.of() : naive.proof(old, size);
                assertEquals(hexes(expected), hexes(proof), "PROOF(" + old + ", " + size + ")");
                assertConsistencyVerifiesOnlyAsIs(old, size, roots.get(old), roots.get(size), proof, false);
                proofs++;
            }
        }
        assertEquals(SMALL * (SMALL + 1) / 2 + (SMALL + 1) * (SMALL + 2) / 2, proofs);
    }

    @Test
    void random_proofs_in_trees_of_70000_and_a_million_leaves_match_the_rfc_definitions() {
        Random random = new Random(70_000);
        List<Long> sizes = List.of(70_000L, 65_536L, 65_537L, 65_535L, 999_999L, (long) MILLION, 1L << 19, (1L << 19) + 1);
        for (long size : sizes) {
            TiledTree tree = new TiledTree(widthChecking(million, size));
            byte[] root = millionNaive.mth(0, (int) size);
            assertEquals(hex(root), hex(tree.root(size)), "root " + size);
            List<Long> indexes = new ArrayList<>(List.of(0L, size - 1, size / 2, 255L, 256L, 65_535L, 65_536L));
            List<Long> olds = new ArrayList<>(List.of(1L, size - 1, 256L, 257L, 65_536L, 65_537L, size / 2));
            for (int i = 0; i < 40; i++) {
                indexes.add((long) random.nextInt((int) size));
                olds.add(1 + (long) random.nextInt((int) size - 1));
            }
            indexes.removeIf(index -> index >= size);
            olds.removeIf(old -> old > size);
            for (long index : indexes) {
                List<byte[]> proof = tree.inclusionProof(index, size);
                assertEquals(hexes(millionNaive.path((int) index, (int) size)), hexes(proof), "PATH(" + index + ", " + size + ")");
                assertInclusionVerifiesOnlyAsIs(millionLeaves.get((int) index), index, size, proof, root, true);
            }
            for (long old : olds) {
                List<byte[]> proof = tree.consistencyProof(old, size);
                assertEquals(hexes(millionNaive.proof((int) old, (int) size)), hexes(proof), "PROOF(" + old + ", " + size + ")");
                assertConsistencyVerifiesOnlyAsIs(old, size, millionNaive.mth(0, (int) old), root, proof, true);
            }
        }
        assertEquals(hex(Merkle.rootOf(millionLeaves)), hex(new TiledTree(million).root(MILLION)));
    }

    @Test
    void a_proof_in_a_million_leaf_tree_reads_a_few_tiles(TestReporter reporter) {
        TiledTree tree = new TiledTree(million);
        int before = million.reads();
        tree.inclusionProof(123_456, MILLION);
        int inclusionReads = million.reads() - before;
        before = million.reads();
        tree.consistencyProof(654_321, MILLION);
        int consistencyReads = million.reads() - before;
        before = million.reads();
        tree.root(MILLION);
        int rootReads = million.reads() - before;
        // One tile per level on the leaf's path (3) and one right-edge tile per level (3), at most.
        assertTrue(inclusionReads <= 6, "inclusion proof read " + inclusionReads + " tiles");
        assertTrue(consistencyReads <= 6, "consistency proof read " + consistencyReads + " tiles");
        assertTrue(rootReads <= 3, "root read " + rootReads + " tiles");

        // Timing is reported, not asserted: the machine may be busy.
        Random random = new Random(1);
        long[] sample = new long[2000];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = random.nextInt(MILLION);
        }
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (long index : sample) {
                tree.inclusionProof(index, MILLION);
            }
            long inclusion = (System.nanoTime() - start) / sample.length;
            start = System.nanoTime();
            for (long index : sample) {
                tree.consistencyProof(index + 1, MILLION);
            }
            long consistency = (System.nanoTime() - start) / sample.length;
            reporter.publishEntry("round " + round + ": ns per proof at 1M leaves",
                    "inclusion " + inclusion + ", consistency " + consistency);
        }
    }

    @Test
    void proofs_work_above_the_minimum_index_of_a_pruned_tree() {
        for (long minimum : List.of(40_000L, 65_536L, 69_888L, 70_000L)) {
            FakeTileStore store = FakeTileStore.withLeaves(70_000);
            List<byte[]> leaves = millionLeaves.subList(0, 70_000);
            NaiveMerkle naive = new NaiveMerkle(leaves, 2);
            store.prune(minimum);
            TiledTree tree = new TiledTree(store);
            Random random = new Random(minimum);
            for (int i = 0; i < 30; i++) {
                long size = i == 0 ? minimum : minimum + random.nextInt((int) (70_001 - minimum));
                long old = i == 1 ? minimum : minimum + random.nextInt((int) (size - minimum + 1));
                byte[] root = naive.mth(0, (int) size);
                assertEquals(hex(root), hex(tree.root(size)), "root " + size + " pruned at " + minimum);
                List<byte[]> consistency = tree.consistencyProof(old, size);
                assertTrue(Merkle.verifyConsistency(old, size, naive.mth(0, (int) old), root, consistency),
                        "consistency " + old + " to " + size + " pruned at " + minimum);
                if (size > minimum) {
                    long index = i == 2 ? minimum : minimum + random.nextInt((int) (size - minimum));
                    List<byte[]> inclusion = tree.inclusionProof(index, size);
                    assertTrue(Merkle.verifyInclusion(leaves.get((int) index), index, size, inclusion, root),
                            "inclusion of " + index + " in " + size + " pruned at " + minimum);
                }
            }
            TileMissingException missing = assertThrows(TileMissingException.class, () -> tree.leafHash(0, 70_000));
            assertEquals(0, missing.level());
            assertEquals(0, missing.index());
            assertEquals("tile 0 at level 0 is not stored", missing.getMessage());
        }
    }

    @Test
    void consistency_proof_of_a_pruned_tree_verifies_from_exactly_the_minimum_index() {
        FakeTileStore store = FakeTileStore.withLeaves(70_000);
        store.prune(512);
        TiledTree tree = new TiledTree(store);
        NaiveMerkle naive = new NaiveMerkle(millionLeaves.subList(0, 70_000), 256);
        List<byte[]> proof = tree.consistencyProof(512, 70_000);
        assertEquals(hexes(naive.proof(512, 70_000)), hexes(proof));
        assertTrue(Merkle.verifyConsistency(512, 70_000, naive.mth(0, 512), tree.root(70_000), proof));
        assertThrows(TileMissingException.class, () -> tree.inclusionProof(511, 70_000), "leaf 511 is pruned");
    }

    @Test
    void bad_arguments_are_refused_with_a_message_naming_them() {
        TiledTree tree = new TiledTree(million);
        assertMessage("leaf index -1 is negative", () -> tree.inclusionProof(-1, 10));
        assertMessage("leaf index 10 is not below the tree size 10", () -> tree.inclusionProof(10, 10));
        assertMessage("leaf index 0 is not below the tree size 0", () -> tree.leafHash(0, 0));
        assertMessage("tree size -5 is negative", () -> tree.root(-5));
        assertMessage("old size 9 is above the new size 8", () -> tree.consistencyProof(9, 8));
        assertMessage("tree size -1 is negative", () -> tree.consistencyProof(-1, 8));
        assertMessage("tile reader is null", () -> new TiledTree(null));
        assertMessage("tile level -1 is negative", () -> TiledTree.widthAt(-1, 0, 10));
        assertMessage("tile index -1 is negative", () -> TiledTree.widthAt(0, -1, 10));
        TiledTree shortTiles = new TiledTree((level, index, width) -> new byte[31]);
        assertMessage("tile reader returned 31 bytes for tile 0 at level 0 of width 3, not 96 bytes", () -> shortTiles.root(3));
        TiledTree nullTiles = new TiledTree((level, index, width) -> null);
        assertMessage("tile reader returned null for tile 0 at level 0 of width 1, not 32 bytes", () -> nullTiles.root(1));
        TiledTree empty = new TiledTree((level, index, width) -> {
            throw new TileMissingException(level, index);
        });
        assertArrayEquals(Merkle.emptyRoot(), empty.root(0), "the empty tree needs no tile");
        assertEquals(List.of(), empty.consistencyProof(0, 5));
        assertEquals(List.of(), empty.consistencyProof(5, 5));
        assertThrows(TileMissingException.class, () -> empty.root(1));
    }

    @Test
    void widths_follow_the_tlog_tiles_definition() {
        // C2SP tlog-tiles: the partial tile at level l for size s has floor(s / 256^l) mod 256 hashes.
        assertEquals(256, TiledTree.widthAt(0, 272, 70_000));
        assertEquals(112, TiledTree.widthAt(0, 273, 70_000));
        assertEquals(0, TiledTree.widthAt(0, 274, 70_000));
        assertEquals(256, TiledTree.widthAt(1, 0, 70_000));
        assertEquals(17, TiledTree.widthAt(1, 1, 70_000));
        assertEquals(1, TiledTree.widthAt(2, 0, 70_000));
        assertEquals(0, TiledTree.widthAt(3, 0, 70_000));
        assertEquals(256, TiledTree.widthAt(0, 0, 256));
        assertEquals(1, TiledTree.widthAt(1, 0, 256));
        assertEquals(0, TiledTree.widthAt(0, 1, 256));
        assertEquals(0, TiledTree.widthAt(0, 0, 0));
        assertEquals(127, TiledTree.widthAt(7, 0, Long.MAX_VALUE));
        assertEquals(0, TiledTree.widthAt(8, 0, Long.MAX_VALUE));
        assertEquals(0, TiledTree.widthAt(63, 0, Long.MAX_VALUE));
    }

    @Test
    void proofs_are_fresh_unmodifiable_lists() {
        TiledTree tree = new TiledTree(million);
        List<byte[]> proof = tree.inclusionProof(5, 1000);
        proof.get(0)[0] ^= 1;
        assertEquals(hexes(tree.inclusionProof(5, 1000)).get(0), hex(millionNaive.path(5, 1000).get(0)));
        assertThrows(UnsupportedOperationException.class, () -> proof.add(new byte[32]));
    }

    /**
     * The proof verifies, and no tampered version of it does. With {@code everyPosition}, a bit is flipped in
     * and a hash removed from every position; otherwise at one position, which moves with the index.
     */
    static void assertInclusionVerifiesOnlyAsIs(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root,
                                                boolean everyPosition) {
        String what = "inclusion of " + index + " in " + size;
        assertTrue(Merkle.verifyInclusion(leaf, index, size, proof, root), what);
        for (int i : positions(proof.size(), index, everyPosition)) {
            assertFalse(Merkle.verifyInclusion(leaf, index, size, flipped(proof, i, (int) (index + i)), root),
                    what + ", hash " + i + " flipped");
            List<byte[]> missing = new ArrayList<>(proof);
            missing.remove(i);
            assertFalse(Merkle.verifyInclusion(leaf, index, size, missing, root), what + ", hash " + i + " missing");
        }
        List<byte[]> extra = new ArrayList<>(proof);
        extra.add((int) (index % (proof.size() + 1)), root);
        assertFalse(Merkle.verifyInclusion(leaf, index, size, extra, root), what + ", a hash added");
        assertFalse(Merkle.verifyInclusion(flipped(List.of(leaf), 0, (int) index).get(0), index, size, proof, root),
                what + ", leaf flipped");
        assertFalse(Merkle.verifyInclusion(leaf, index, size, proof, flipped(List.of(root), 0, (int) size).get(0)),
                what + ", root flipped");
        if (size > 1) {
            long other = index % 2 == 0 ? index + 1 : index - 1;
            if (other < size) {
                assertFalse(Merkle.verifyInclusion(leaf, other, size, proof, root), what + " claimed at " + other);
            }
            assertFalse(Merkle.verifyInclusion(leaf, (index + size / 2) % size, size, proof, root),
                    what + " claimed at " + (index + size / 2) % size);
        }
        // As transparency-dev/merkle's treeSize-mul/div probes: both change the path's shape.
        assertFalse(Merkle.verifyInclusion(leaf, index, size * 2, proof, root), what + " claimed in " + size * 2);
        if (index < size / 2) {
            assertFalse(Merkle.verifyInclusion(leaf, index, size / 2, proof, root), what + " claimed in " + size / 2);
        }
    }

    /** The proof verifies, and no tampered version of it does (see the inclusion version for {@code everyPosition}). */
    static void assertConsistencyVerifiesOnlyAsIs(long old, long size, byte[] oldRoot, byte[] newRoot, List<byte[]> proof,
                                                  boolean everyPosition) {
        String what = "consistency of " + old + " with " + size;
        assertTrue(Merkle.verifyConsistency(old, size, oldRoot, newRoot, proof), what);
        if (old == 0) {
            assertFalse(Merkle.verifyConsistency(old, size, oldRoot, newRoot, List.of(newRoot)), what + ", a hash added");
            return;
        }
        for (int i : positions(proof.size(), old, everyPosition)) {
            assertFalse(Merkle.verifyConsistency(old, size, oldRoot, newRoot, flipped(proof, i, (int) (old + i))),
                    what + ", hash " + i + " flipped");
            List<byte[]> missing = new ArrayList<>(proof);
            missing.remove(i);
            assertFalse(Merkle.verifyConsistency(old, size, oldRoot, newRoot, missing), what + ", hash " + i + " missing");
        }
        List<byte[]> extra = new ArrayList<>(proof);
        extra.add((int) (old % (proof.size() + 1)), newRoot);
        assertFalse(Merkle.verifyConsistency(old, size, oldRoot, newRoot, extra), what + ", a hash added");
        assertFalse(Merkle.verifyConsistency(old, size, flipped(List.of(oldRoot), 0, (int) old).get(0), newRoot, proof),
                what + ", old root flipped");
        assertFalse(Merkle.verifyConsistency(old, size, oldRoot, flipped(List.of(newRoot), 0, (int) size).get(0), proof),
                what + ", new root flipped");
        if (old < size) {
            assertFalse(Merkle.verifyConsistency(old, size * 2, oldRoot, newRoot, proof), what + " claimed with " + size * 2);
        }
    }

    private static int[] positions(int length, long seed, boolean every) {
        if (every) {
            return IntStream.range(0, length).toArray();
        }
        return length == 0 ? new int[0] : new int[] {(int) (seed % length)};
    }

    /** A copy of {@code hashes} with one bit of hash {@code i} flipped. */
    static List<byte[]> flipped(List<byte[]> hashes, int i, int bit) {
        List<byte[]> copy = new ArrayList<>(hashes);
        byte[] hash = copy.get(i).clone();
        int b = Math.floorMod(bit * 7 + 3, Merkle.HASH_SIZE * 8);
        hash[b / 8] ^= (byte) (1 << (b % 8));
        copy.set(i, hash);
        return copy;
    }

    /** A reader that fails the test if a tile is requested at another width than the tree of `size` gives it. */
    static TileReader widthChecking(TileReader reader, long size) {
        return (level, index, width) -> {
            int expected = TiledTree.widthAt(level, index, size);
            if (expected == 0 || width != expected) {
                throw new AssertionError("tile " + index + " at level " + level + " requested at width " + width
                        + " in a tree of " + size + " (its width is " + expected + ")");
            }
            return reader.read(level, index, width);
        };
    }

    static List<byte[]> leafHashes(int count) {
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(Merkle.leafHash(FakeTileStore.entry(i)));
        }
        return leaves;
    }

    private static void assertProof(List<byte[]> proof, String... base64) {
        List<String> actual = proof.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
        assertEquals(List.of(base64), actual);
    }

    private static void assertMessage(String message, Executable call) {
        assertEquals(message, assertThrows(TlogException.class, call).getMessage());
    }

    private static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
