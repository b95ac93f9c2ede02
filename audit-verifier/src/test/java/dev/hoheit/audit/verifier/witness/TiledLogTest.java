package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.tlog.Tile;
import dev.hoheit.audit.tlog.TileAppender;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TileReader;
import dev.hoheit.audit.tlog.TiledTree;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log kept as C2SP tiles (lib-audit's TileAppender and TiledTree) is witnessed across tile boundaries. */
class TiledLogTest {

    @TempDir
    Path state;

    /** Tiles in memory, as a log's tile storage would hold them. */
    private static final class MemoryTiles implements TileReader {
        private final Map<String, byte[]> tiles = new HashMap<>();

        @Override
        public byte[] read(int level, long index, int width) {
            byte[] hashes = tiles.get(level + "/" + index);
            if (hashes == null || hashes.length < width * Merkle.HASH_SIZE) {
                throw new TileMissingException(level, index);
            }
            return Arrays.copyOf(hashes, width * Merkle.HASH_SIZE);
        }

        void store(List<Tile> written) {
            for (Tile tile : written) {
                tiles.put(tile.level() + "/" + tile.index(), tile.hashes());
            }
        }
    }

    @Test
    void checkpoints_with_tiled_tree_proofs_are_cosigned_one_after_another() throws IOException {
        String origin = "example.com/tiled";
        NoteSigner signer = NoteSigner.ed25519(origin, TestLog.newKeyPair());
        MemoryTiles tiles = new MemoryTiles();
        TiledTree tree = new TiledTree(tiles);
        long size = 0;
        long[] sizes = {1, 255, 256, 257, 600, 65536, 70000};
        try (Witness witness = Witness.open(new WitnessConfig(Witnesses.newCosigner("w"),
                Map.of(origin, List.of(signer.verifier())), state, MutableClock.at("2026-03-01T00:00:00Z")))) {
            for (long next : sizes) {
                List<byte[]> leaves = new ArrayList<>();
                for (long i = size; i < next; i++) {
                    leaves.add(Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
                }
                tiles.store(TileAppender.append(tiles, size, leaves).tiles());
                CheckpointBody checkpoint = new CheckpointBody(origin, next, tree.root(next));
                String note = new Note(checkpoint.text(), List.of(signer.sign(checkpoint.text()))).format();
                List<byte[]> proof = size == 0 ? List.of() : tree.consistencyProof(size, next);
                Cosigned cosigned = assertInstanceOf(Cosigned.class, witness.addCheckpoint(new AddCheckpointRequest(size, proof, note)),
                        "from " + size + " to " + next);
                assertEquals(next, cosigned.checkpoint().size());
                size = next;
            }
        }
    }
}
