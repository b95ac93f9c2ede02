package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Conflict;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refusal;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refused;
import dev.hoheit.testkit.MutableClock;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witness against checkpoints and proofs published with other witnesses' tests:
 * github.com/transparency-dev/witness (witness/witness_test.go, the "monkeys" log) and
 * github.com/FiloSottile/torchwood (cmd/litewitness/testdata/litewitness.txt, a sigsum log).
 */
class PublishedVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path state;

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");

    // transparency-dev/witness
    private static final String MONKEYS_KEY = "monkeys+db4d9f7e+AULaJMvTtDLHPUcUrjdDad9vDlh/PTfC2VV60JUtCfWT";
    private static final String MONKEYS_5 = "monkeys\n5\n41smjBUiAU70EtKlT6lIOIYtRTYxYXsDB+XHfcvu/BE=\n\n"
            + "\u2014 monkeys 202fftzGl3LVoqjXfwCFZZXs8I+5G22+Ek2K0AOyBuSJ/8/CZawNF+6fNlTKOCd622pbzJNkkJFWuw9DbicZCkEx9AY=\n";
    private static final String MONKEYS_8 = "monkeys\n8\nV8K9aklZ4EPB+RMOk1/8VsJUdFZR77GDtZUQq84vSbo=\n\n"
            + "\u2014 monkeys 202ffoUEboiQYpHzICeaFmoy3RNviHTpAxYrq/eO4QQVQMvu9UebKBMX2MJC76NLthZaKsnKbCA8GxrjePZhvDCH7Ag=\n";
    private static final List<byte[]> MONKEYS_PROOF = List.of(
            HEX.parseHex("b9e1d62618f7fee8034e4c5010f727ab24d8e4705cb296c374bf2025a87a10d2"),
            HEX.parseHex("aac66cd7a79ce4012d80762fe8eec3a77f22d1ca4145c3f4cee022e7efcd599d"),
            HEX.parseHex("89d0f753f66a290c483b39cd5e9eafb12021293395fad3d4a2ad053cfbcfdc9e"),
            HEX.parseHex("29e40bb79c966f4c6fe96aff6f30acfce5f3e8d84c02215175d6e018a5dee833"));

    // torchwood litewitness: the log's key (raw hex), the witness's seed and public key.
    private static final String SIGSUM = "sigsum.org/v1/tree/4d6d8825a6bb689d459628312889dfbb0bcd41b5211d9e1ce768b0ff0309e562";
    private static final String SIGSUM_KEY = "ffdc2d4d98e4124d3feaf788c0c2f9abfd796083d1f0495437f302ec79cf100f";
    private static final String WITNESS_SEED = "31ffc2116ecbe003acaa800ab70757bd7d53206e3febef6a6d0796d95530b34f";
    private static final String WITNESS_PUBLIC = "64848ad8abed6e85981b3b3875b252b8767ebb4b02f703aca3b1e71bbd6a8e50";

    @Test
    void the_monkeys_log_extends_from_5_to_8_with_its_published_proof() throws IOException {
        Cosigner cosigner = Witnesses.newCosigner("witness");
        Map<String, List<NoteVerifier>> logs = Map.of("monkeys", List.of(NoteVerifier.parse(MONKEYS_KEY)));
        try (Witness witness = Witness.open(new WitnessConfig(cosigner, logs, state, clock))) {
            assertInstanceOf(Cosigned.class, witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), MONKEYS_5)));

            List<byte[]> garbage = new ArrayList<>(MONKEYS_PROOF);
            garbage.set(2, new byte[32]);
            assertRefusal(Refusal.INCONSISTENT, witness.addCheckpoint(new AddCheckpointRequest(5, garbage, MONKEYS_8)));
            assertRefusal(Refusal.INCONSISTENT, witness.addCheckpoint(new AddCheckpointRequest(5, List.of(), MONKEYS_8)));
            assertEquals(5, assertInstanceOf(Conflict.class,
                    witness.addCheckpoint(new AddCheckpointRequest(2, MONKEYS_PROOF, MONKEYS_8))).latestSize());

            Cosigned next = assertInstanceOf(Cosigned.class, witness.addCheckpoint(new AddCheckpointRequest(5, MONKEYS_PROOF, MONKEYS_8)));
            assertEquals(8, next.checkpoint().size());
            assertEquals(OptionalLong.of(clock.instant().getEpochSecond()),
                    cosigner.verifier().verify(next.checkpoint().text(), next.cosignature()));

            // "submit smaller checkpoint": old size 8, checkpoint of size 5.
            assertRefusal(Refusal.MALFORMED, witness.addCheckpoint(new AddCheckpointRequest(8, MONKEYS_PROOF, MONKEYS_5)));
        }
    }

    @Test
    void the_litewitness_script_gives_the_specified_answers() throws Exception {
        KeyPair witnessKeys = WitnessKeyFile.keyPairFromSeed(HEX.parseHex(WITNESS_SEED));
        assertEquals(WITNESS_PUBLIC, HEX.formatHex(witnessKeys.getPublic().getEncoded()).substring(24));
        Cosigner cosigner = Cosigner.ed25519("example.com/witness", witnessKeys);
        PublicKey logKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(HEX.parseHex("302a300506032b6570032100" + SIGSUM_KEY)));
        Map<String, List<NoteVerifier>> logs = Map.of(SIGSUM, List.of(NoteVerifier.ed25519(SIGSUM, logKey)));
        try (Witness witness = Witness.open(new WitnessConfig(cosigner, logs, state, clock))) {
            assertInstanceOf(Cosigned.class, add(witness, "old 0\n\n" + checkpoint(1)));
            // A signature line with a changed last digit: the log's key, failing.
            assertRefusal(Refusal.UNTRUSTED, add(witness, "old 1\n" + LEAF_1 + LEAF_2 + "\n"
                    + checkpoint(3).replace("6go=", "6gx=")));
            // Another origin (the current tlog-witness says 404 where the script's older version said 403).
            String otherOrigin = SIGSUM.substring(0, SIGSUM.length() - 1) + "3";
            assertRefusal(Refusal.UNKNOWN_ORIGIN, add(witness, "old 1\n" + LEAF_1 + LEAF_2 + "\n"
                    + checkpoint(3).replace(SIGSUM, otherOrigin)));
            assertRefusal(Refusal.INCONSISTENT, add(witness, "old 1\n\n" + checkpoint(3)));
            assertRefusal(Refusal.INCONSISTENT, add(witness, "old 1\n" + LEAF_1
                    + "KgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABA=\n\n" + checkpoint(3)));
            assertInstanceOf(Cosigned.class, add(witness, "old 1\n" + LEAF_1 + LEAF_2 + "\n" + checkpoint(3)));
            assertEquals(3, assertInstanceOf(Conflict.class, add(witness, "old 1\n" + LEAF_1
                    + "+fUDV+k970B4I3uKrqJM4aP1lloPZP8mvr2Z4wRw2LI=\n" + LEAF_4 + "\n" + checkpoint(5))).latestSize());
            assertInstanceOf(Cosigned.class, add(witness, "old 3\n" + LEAF_2 + LEAF_3
                    + "wgiIFdZfYNv6WU1OllBKsWnLYIS/DBMqt8Uh/S4OukE=\n" + LEAF_4 + "\n" + checkpoint(5)));
            assertEquals(5, assertInstanceOf(Conflict.class, add(witness, "old 0\n\n" + checkpoint(5))).latestSize());
        }
    }

    // The script's proof lines; its test tree's leaf hashes are 2a 00 00..., 2a 01 00..., and so on.
    private static final String LEAF_1 = "KgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final String LEAF_2 = "KgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final String LEAF_3 = "KgMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    private static final String LEAF_4 = "KgQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";

    private static String checkpoint(int size) {
        switch (size) {
            case 1:
                return SIGSUM + "\n1\nKgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n\u2014 " + SIGSUM
                        + " UgIom7fPZTqpxWWhyjWduBvTvGVqsokMbqTArsQilegKoFBJQjUFAmQ0+YeSPM3wfUQMFSzVnnNuWRTYrajXpNUbIQY=\n";
            case 3:
                return SIGSUM + "\n3\nRcCI1Nk56ZcSmIEfIn0SleqtV7uvrlXNccFx595Iwl0=\n\n\u2014 " + SIGSUM
                        + " UgIom2VbtIcdFbwFAy1n7s6IkAxIY6J/GQOTuZF2ORV39d75cbAj2aQYwyJre36kezNobZs4SUUdrcawfAB8WVrx6go=\n";
            case 5:
                return SIGSUM + "\n5\nQrtXrQZCCvpIgsSmOsah7HdICzMLLyDfxToMql9WTjY=\n\n\u2014 " + SIGSUM
                        + " UgIomw/EOJmWi0i1FQsOj+etB7F8IccFam/jgd6wzRns4QPVmyEZtdvl1U2KEmLOZ/ASRcWJi0tW90dJWAShei7sDww=\n";
            default:
                throw new IllegalArgumentException("no published checkpoint of size " + size);
        }
    }

    private static AddCheckpointResult add(Witness witness, String body) {
        return witness.addCheckpoint(AddCheckpointRequest.parse(body));
    }

    private static void assertRefusal(Refusal refusal, AddCheckpointResult result) {
        Refused refused = assertInstanceOf(Refused.class, result, result.toString());
        assertEquals(refusal, refused.refusal(), refused.message());
    }
}
