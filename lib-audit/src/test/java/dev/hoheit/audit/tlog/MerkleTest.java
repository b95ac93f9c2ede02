package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    private static final HexFormat HEX = HexFormat.of();

    // The RFC 6962 test tree and its hashes: github.com/transparency-dev/merkle, testonly/constants.go
    // (LeafInputs, NodeHashes, RootHashes, EmptyRootHash).
    static final List<byte[]> LEAVES = hex("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");
    private static final List<List<byte[]>> NODE_HASHES = List.of(
            hex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
                    "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"),
            hex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
            hex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            hex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));
    static final List<byte[]> ROOTS = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void leaf_and_node_hashes_of_the_rfc6962_test_tree_match_the_published_values() {
        for (int i = 0; i < LEAVES.size(); i++) {
            assertHex(NODE_HASHES.get(0).get(i), Merkle.leafHash(LEAVES.get(i)), "leaf " + i);
        }
        for (int level = 1; level < NODE_HASHES.size(); level++) {
            List<byte[]> below = NODE_HASHES.get(level - 1);
            for (int i = 0; i < NODE_HASHES.get(level).size(); i++) {
                assertHex(NODE_HASHES.get(level).get(i), Merkle.nodeHash(below.get(2 * i), below.get(2 * i + 1)),
                        "level " + level + " node " + i);
            }
        }
    }

    @Test
    void roots_of_every_prefix_of_the_rfc6962_test_tree_match_the_published_values() {
        List<byte[]> leafHashes = LEAVES.stream().map(Merkle::leafHash).toList();
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertHex(ROOTS.get(size), Merkle.rootOf(leafHashes.subList(0, size)), "root of size " + size);
        }
    }

    @Test
    void the_empty_root_is_the_sha256_of_nothing() {
        // golang.org/x/mod sumdb/tlog/tlog_test.go, TestEmptyTree: TreeHash(0) is SHA-256("").
        assertHex(ROOTS.get(0), Merkle.emptyRoot(), "empty root");
        assertHex(ROOTS.get(0), Merkle.rootOf(List.of()), "root of no leaves");
    }

    @Test
    void published_inclusion_probes_verify_exactly_when_they_should() throws IOException {
        List<String> wrong = new ArrayList<>();
        JsonNode probes = vectors("transparency-dev-merkle-inclusion.json");
        for (JsonNode p : probes) {
            boolean verified = Merkle.verifyInclusion(b64(p.get("leafHash")), p.get("leafIdx").asLong(),
                    p.get("treeSize").asLong(), proof(p.get("proof")), b64(p.get("root")));
            if (verified == p.get("wantErr").asBoolean()) {
                wrong.add(p.get("file").asText() + " verified=" + verified);
            }
        }
        assertEquals(98, probes.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void published_consistency_probes_verify_exactly_when_they_should() throws IOException {
        // Go accepts equal sizes with equal 15-byte "roots"; a root that is not 32 bytes never verifies here.
        String stricter = "testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";
        List<String> wrong = new ArrayList<>();
        JsonNode probes = vectors("transparency-dev-merkle-consistency.json");
        for (JsonNode p : probes) {
            boolean verified = Merkle.verifyConsistency(p.get("size1").asLong(), p.get("size2").asLong(),
                    b64(p.get("root1")), b64(p.get("root2")), proof(p.get("proof")));
            boolean wantErr = p.get("wantErr").asBoolean() || p.get("file").asText().equals(stricter);
            if (verified == wantErr) {
                wrong.add(p.get("file").asText() + " verified=" + verified);
            }
        }
        assertEquals(98, probes.size());
        assertEquals(List.of(), wrong);
    }

    @Test
    void every_inclusion_proof_of_the_rfc6962_test_tree_built_from_its_node_hashes_verifies() {
        // Leaf 5 of 8: sibling e (level 0 index 4), then level 1 index 3, then level 2 index 0.
        List<byte[]> proof = List.of(NODE_HASHES.get(0).get(4), NODE_HASHES.get(1).get(3), NODE_HASHES.get(2).get(0));
        assertTrue(Merkle.verifyInclusion(NODE_HASHES.get(0).get(5), 5, 8, proof, ROOTS.get(8)));
        assertFalse(Merkle.verifyInclusion(NODE_HASHES.get(0).get(5), 4, 8, proof, ROOTS.get(8)), "wrong index");
        assertFalse(Merkle.verifyInclusion(NODE_HASHES.get(0).get(4), 5, 8, proof, ROOTS.get(8)), "wrong leaf");
        // A single leaf is its own root, with an empty proof.
        assertTrue(Merkle.verifyInclusion(ROOTS.get(1), 0, 1, List.of(), ROOTS.get(1)));
    }

    @Test
    void malformed_inclusion_input_does_not_verify_and_does_not_throw() {
        byte[] leaf = NODE_HASHES.get(0).get(5);
        List<byte[]> proof = List.of(NODE_HASHES.get(0).get(4), NODE_HASHES.get(1).get(3), NODE_HASHES.get(2).get(0));
        byte[] root = ROOTS.get(8);
        assertFalse(Merkle.verifyInclusion(null, 5, 8, proof, root));
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, null, root));
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, proof, null));
        assertFalse(Merkle.verifyInclusion(Arrays.copyOf(leaf, 31), 5, 8, proof, root), "short leaf hash");
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, proof, Arrays.copyOf(root, 33)), "long root");
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, Arrays.asList(proof.get(0), null, proof.get(2)), root));
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, List.of(proof.get(0), new byte[31], proof.get(2)), root));
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, proof.subList(0, 2), root), "too short");
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertFalse(Merkle.verifyInclusion(leaf, 5, 8, longer, root), "too long");
        assertFalse(Merkle.verifyInclusion(leaf, -1, 8, proof, root), "negative index");
        assertFalse(Merkle.verifyInclusion(leaf, 8, 8, proof, root), "index equal to the size");
        assertFalse(Merkle.verifyInclusion(leaf, 0, 0, List.of(), Merkle.emptyRoot()), "nothing is in the empty tree");
        assertFalse(Merkle.verifyInclusion(leaf, Long.MAX_VALUE - 1, Long.MAX_VALUE, proof, root), "huge sizes");
    }

    @Test
    void consistency_with_the_empty_tree_and_with_itself_needs_an_empty_proof() {
        byte[] root3 = ROOTS.get(3);
        assertTrue(Merkle.verifyConsistency(0, 3, Merkle.emptyRoot(), root3, List.of()));
        assertTrue(Merkle.verifyConsistency(0, 3, null, root3, List.of()), "the old root of size 0 is not examined");
        assertFalse(Merkle.verifyConsistency(0, 3, Merkle.emptyRoot(), root3, List.of(root3)));
        assertTrue(Merkle.verifyConsistency(0, 0, Merkle.emptyRoot(), Merkle.emptyRoot(), List.of()));
        assertFalse(Merkle.verifyConsistency(0, 0, Merkle.emptyRoot(), root3, List.of()), "equal sizes need equal roots");
        assertFalse(Merkle.verifyConsistency(0, 0, null, Merkle.emptyRoot(), List.of()));
        assertTrue(Merkle.verifyConsistency(3, 3, root3, root3, List.of()));
        assertFalse(Merkle.verifyConsistency(3, 3, root3, ROOTS.get(4), List.of()), "equal sizes, different roots");
        assertFalse(Merkle.verifyConsistency(3, 3, root3, root3, List.of(root3)), "equal sizes, a proof");
        assertFalse(Merkle.verifyConsistency(4, 3, ROOTS.get(4), root3, List.of()), "old size above the new");
        assertFalse(Merkle.verifyConsistency(-1, 3, root3, root3, List.of()), "negative size");
    }

    @Test
    void malformed_consistency_input_does_not_verify_and_does_not_throw() {
        // transparency-dev/merkle testdata/consistency/2/happy-path.json: sizes 6 and 8.
        List<byte[]> proof = List.of(NODE_HASHES.get(1).get(2), NODE_HASHES.get(1).get(3), NODE_HASHES.get(2).get(0));
        byte[] root6 = ROOTS.get(6);
        byte[] root8 = ROOTS.get(8);
        assertTrue(Merkle.verifyConsistency(6, 8, root6, root8, proof));
        assertFalse(Merkle.verifyConsistency(6, 8, null, root8, proof));
        assertFalse(Merkle.verifyConsistency(6, 8, root6, null, proof));
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, null));
        assertFalse(Merkle.verifyConsistency(6, 8, Arrays.copyOf(root6, 31), root8, proof));
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, Arrays.asList(proof.get(0), null, proof.get(2))));
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, List.of(proof.get(0), new byte[33], proof.get(2))));
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, proof.subList(0, 2)), "too short");
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, List.of()), "empty");
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root8);
        assertFalse(Merkle.verifyConsistency(6, 8, root6, root8, longer), "too long");
        assertFalse(Merkle.verifyConsistency(6, Long.MAX_VALUE, root6, root8, proof), "huge size");
    }

    @Test
    void hashing_rejects_hashes_of_the_wrong_length_naming_them() {
        TlogException e = assertThrows(TlogException.class, () -> Merkle.nodeHash(new byte[32], new byte[31]));
        assertEquals("right hash has 31 bytes, not 32", e.getMessage());
        e = assertThrows(TlogException.class, () -> Merkle.rootOf(List.of(new byte[32], new byte[0])));
        assertEquals("leaf hash 1 has 0 bytes, not 32", e.getMessage());
        assertThrows(TlogException.class, () -> Merkle.leafHash(null));
    }

    @Test
    void hashes_are_fresh_arrays() {
        byte[] leaf = Merkle.leafHash(new byte[0]);
        List<byte[]> leaves = List.of(leaf);
        byte[] root = Merkle.rootOf(leaves);
        root[0] ^= 1;
        assertHex(NODE_HASHES.get(0).get(0), leaf, "the leaf is untouched");
        Merkle.emptyRoot()[0] ^= 1;
        assertHex(ROOTS.get(0), Merkle.emptyRoot(), "the empty root is untouched");
    }

    private static void assertHex(byte[] expected, byte[] actual, String what) {
        assertEquals(HEX.formatHex(expected), HEX.formatHex(actual), what);
    }

    static List<byte[]> hex(String... values) {
        return Arrays.stream(values).map(HEX::parseHex).toList();
    }

    private static JsonNode vectors(String resource) throws IOException {
        try (InputStream in = MerkleTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("test resource " + resource + " is missing");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> proof(JsonNode node) {
        List<byte[]> proof = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(h -> proof.add(b64(h)));
        }
        return proof;
    }
}
