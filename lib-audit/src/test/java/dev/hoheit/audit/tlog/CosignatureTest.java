package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CosignatureTest {

    // From github.com/transparency-dev/witness, witness/witness_test.go: the witness's signer key.
    private static final String WITNESS_SIGNER_KEY = "PRIVATE+KEY+witness+f13a86db+AaLa/dfyBhyo/m0Z7WCi98ENVZWtrP8pxgRNrx7tIWiA";
    private static final String WITNESS_NOTE_KEY = "witness+f13a86db+AdYV1Ztajd9BvyjP2HgpwrqYL6TjOwIjGMOq8Bu42xbN";
    private static final String CHECKPOINT = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final long TIME = 1679315147;

    private final KeyPair keys = TestKeys.generate();
    private final Cosigner cosigner = Cosigner.ed25519("witness.example/w1", keys);

    @Test
    void a_cosignature_verifies_and_tells_its_timestamp() {
        NoteSignature cosignature = cosigner.cosign(CHECKPOINT, TIME);
        assertEquals("witness.example/w1", cosignature.keyName());
        assertEquals(cosigner.keyId(), cosignature.keyId());
        assertEquals(72, cosignature.signature().length);
        assertEquals(TIME, ByteBuffer.wrap(cosignature.signature()).getLong());
        assertEquals(OptionalLong.of(TIME), cosigner.verifier().verify(CHECKPOINT, cosignature));

        CosignatureVerifier parsed = CosignatureVerifier.parse(cosigner.verifierKey());
        assertEquals(cosigner.verifier(), parsed);
        NoteSignature fromLine = NoteSignature.parse(cosignature.line());
        assertEquals(OptionalLong.of(TIME), parsed.verify(CHECKPOINT, fromLine));
    }

    @Test
    void the_signed_message_and_key_id_are_those_of_the_specification() throws Exception {
        NoteSignature cosignature = cosigner.cosign(CHECKPOINT, TIME);
        byte[] message = ("cosignature/v1\ntime 1679315147\n" + CHECKPOINT).getBytes(StandardCharsets.UTF_8);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(keys.getPublic());
        ed25519.update(message);
        byte[] bytes = cosignature.signature();
        assertTrue(ed25519.verify(Arrays.copyOfRange(bytes, 8, bytes.length)));

        byte[] raw = Arrays.copyOfRange(keys.getPublic().getEncoded(), 12, 44);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("witness.example/w1\n".getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x04);
        sha256.update(raw);
        assertEquals(ByteBuffer.wrap(sha256.digest()).getInt(), cosigner.keyId());

        byte[] typed = new byte[33];
        typed[0] = 0x04;
        System.arraycopy(raw, 0, typed, 1, 32);
        assertEquals("witness.example/w1+" + String.format("%08x", cosigner.keyId()) + "+"
                + Base64.getEncoder().encodeToString(typed), cosigner.verifierKey());
    }

    @Test
    void the_timestamp_is_bound_by_the_signature() {
        byte[] bytes = cosigner.cosign(CHECKPOINT, TIME).signature();
        ByteBuffer.wrap(bytes).putLong(TIME + 1);
        NoteSignature moved = new NoteSignature(cosigner.name(), cosigner.keyId(), bytes);
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, moved));
    }

    @Test
    void a_timestamp_above_two_to_the_63_is_rejected() {
        byte[] bytes = cosigner.cosign(CHECKPOINT, TIME).signature();
        bytes[0] |= (byte) 0x80;
        NoteSignature huge = new NoteSignature(cosigner.name(), cosigner.keyId(), bytes);
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, huge));
        assertThrows(TlogException.class, () -> cosigner.cosign(CHECKPOINT, -1));
        assertEquals(OptionalLong.of(Long.MAX_VALUE),
                cosigner.verifier().verify(CHECKPOINT, cosigner.cosign(CHECKPOINT, Long.MAX_VALUE)));
    }

    @Test
    void a_cosignature_of_another_checkpoint_fails() {
        NoteSignature cosignature = cosigner.cosign(CHECKPOINT, TIME);
        String other = CHECKPOINT.replace("20852163", "20852164");
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(other, cosignature));
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT + "extension\n", cosignature));
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify("not a checkpoint\n", cosignature));
    }

    @Test
    void extension_lines_are_covered() {
        String extended = CHECKPOINT + "extension\n";
        NoteSignature cosignature = cosigner.cosign(extended, TIME);
        assertEquals(OptionalLong.of(TIME), cosigner.verifier().verify(extended, cosignature));
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, cosignature));
    }

    @Test
    void another_cosigners_signature_is_not_accepted() {
        Cosigner other = Cosigner.ed25519("witness.example/w1", TestKeys.generate());
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, other.cosign(CHECKPOINT, TIME)));
        NoteSignature truncated = new NoteSignature(cosigner.name(), cosigner.keyId(), new byte[71]);
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, truncated));
    }

    @Test
    void only_checkpoints_are_cosigned() {
        assertThrows(TlogException.class, () -> cosigner.cosign("hello\n", TIME));
        assertThrows(TlogException.class, () -> cosigner.cosign(CHECKPOINT.trim(), TIME));
    }

    @Test
    void a_cosignature_and_a_note_signature_by_the_same_key_are_told_apart() {
        NoteSigner log = NoteSigner.ed25519("witness.example/w1", keys);
        assertTrue(log.keyId() != cosigner.keyId());
        Note note = new Note(CHECKPOINT, List.of(log.sign(CHECKPOINT), cosigner.cosign(CHECKPOINT, TIME)));
        assertEquals(List.of(log.sign(CHECKPOINT)), note.verifiedBy(List.of(log.verifier())));
        assertEquals(OptionalLong.empty(), cosigner.verifier().verify(CHECKPOINT, log.sign(CHECKPOINT)));
    }

    @Test
    void a_witness_signer_key_from_transparency_dev_gives_its_published_key() {
        KeyPair witness = TestKeys.fromSignerKey(WITNESS_SIGNER_KEY);
        assertEquals(WITNESS_NOTE_KEY, NoteSigner.ed25519("witness", witness).verifierKey());
        Cosigner cosignerFromSignerKey = Cosigner.ed25519("witness", witness);
        CosignatureVerifier verifier = CosignatureVerifier.ed25519("witness", NoteVerifier.parse(WITNESS_NOTE_KEY).publicKey());
        assertEquals(OptionalLong.of(TIME), verifier.verify(CHECKPOINT, cosignerFromSignerKey.cosign(CHECKPOINT, TIME)));
    }

    @Test
    void published_cosignature_keys_parse_and_note_keys_do_not() {
        // From github.com/transparency-dev/formats, note/note_cosigv1_test.go.
        CosignatureVerifier remora = CosignatureVerifier.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        assertEquals("remora.n621.de", remora.name());
        assertEquals(0xda77ade7, remora.keyId());
        assertEquals("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2", remora.verifierKey());
        TlogException e = assertThrows(TlogException.class,
                () -> CosignatureVerifier.parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6"));
        assertTrue(e.getMessage().contains("NoteVerifier"), e.getMessage());
        assertEquals("TEST", NoteVerifier.parse("TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6").name());
        assertThrows(TlogException.class, () -> CosignatureVerifier.parse("remora.n621.de+da77ade8+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"));
    }

    @Test
    void the_published_cosignature_layout_is_key_id_then_timestamp_then_signature() {
        // From github.com/transparency-dev/formats, note/note_cosigv1_test.go (TestCoSigV1Timestamp).
        NoteSignature published = NoteSignature.parse("\u2014 witness ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==\n");
        assertEquals(0x646846b9, published.keyId());
        assertEquals(72, published.signature().length);
        assertEquals(1727964367L, ByteBuffer.wrap(published.signature()).getLong());
        byte[] ours = cosigner.cosign(CHECKPOINT, 1727964367L).signature();
        assertArrayEquals(Arrays.copyOf(published.signature(), 8), Arrays.copyOf(ours, 8));
    }
}
