package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed notes, against the vectors of golang.org/x/mod/sumdb/note (note_test.go), the C2SP
 * signed-note example, and the sum.golang.org checkpoint used by FiloSottile/torchwood's tests.
 */
class NoteTest {

    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private static final NoteVerifier PETER = NoteVerifier.parse(PETER_KEY);
    private static final NoteVerifier ENOCH = NoteVerifier.parse(ENOCH_KEY);

    @Test
    void published_verifier_keys_parse_with_their_names_and_key_ids() {
        assertEquals("PeterNeumann", PETER.name());
        assertEquals(0xc74f20a3, PETER.keyId());
        assertEquals("EnochRoot", ENOCH.name());
        assertEquals(0xaf0cfe78, ENOCH.keyId());
    }

    @Test
    void a_verifier_key_round_trips_through_its_string_and_its_public_key() {
        assertEquals(PETER_KEY, PETER.verifierKey());
        assertEquals(PETER_KEY, NoteVerifier.ed25519("PeterNeumann", PETER.publicKey()).verifierKey());
        assertEquals(PETER, NoteVerifier.parse(PETER.verifierKey()));
    }

    @Test
    void signing_with_the_published_private_key_gives_the_published_signature() {
        NoteSigner signer = NoteSigner.ed25519("PeterNeumann", TestKeys.fromSignerKey(PETER_SIGNER_KEY));
        assertEquals(PETER_KEY, signer.verifierKey());
        assertEquals(0xc74f20a3, signer.keyId());
        NoteSignature signature = signer.sign(TEXT);
        assertEquals(PETER_SIG, signature.line());
        assertEquals(TEXT + "\n" + PETER_SIG, new Note(TEXT, List.of(signature)).format());
    }

    @Test
    void only_signatures_by_the_given_keys_are_verified_and_unknown_ones_are_ignored() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertEquals(TEXT, note.text());
        assertEquals(2, note.signatures().size());
        NoteSignature peter = NoteSignature.parse(PETER_SIG);
        NoteSignature enoch = NoteSignature.parse(ENOCH_SIG);
        assertEquals(List.of(peter), note.verifiedBy(List.of(PETER)));
        assertEquals(List.of(peter, enoch), note.verifiedBy(List.of(PETER, ENOCH)));
        assertEquals(List.of(), note.verifiedBy(List.of()));
    }

    @Test
    void a_signature_sharing_only_the_name_or_only_the_key_id_of_a_known_key_is_ignored() {
        NoteSignature peter = NoteSignature.parse(PETER_SIG);
        NoteSignature sameNameOtherId = new NoteSignature("PeterNeumann", 0xc74f20a4, peter.signature());
        NoteSignature sameIdOtherName = new NoteSignature("PeterNeuman", 0xc74f20a3, peter.signature());
        Note note = new Note(TEXT, List.of(sameNameOtherId, sameIdOtherName));
        assertEquals(List.of(), note.verifiedBy(List.of(PETER)));
    }

    @Test
    void duplicate_signatures_are_verified_once() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG);
        assertEquals(List.of(NoteSignature.parse(PETER_SIG)), note.verifiedBy(List.of(PETER)));
    }

    @Test
    void a_failing_signature_by_a_known_key_makes_the_note_malformed() {
        // golang.org/x/mod inserts "ABCD" at byte 60 of the line; the em dash is 3 bytes in UTF-8, 1 char here.
        String mangled = PETER_SIG.substring(0, 58) + "ABCD" + PETER_SIG.substring(58);
        Note note = Note.parse(TEXT + "\n" + mangled);
        TlogException e = assertThrows(TlogException.class, () -> note.verifiedBy(List.of(PETER)));
        assertTrue(e.getMessage().contains("PeterNeumann+c74f20a3"), e.getMessage());
        // The same bad signature is only ignored by a verifier that does not know the key.
        assertEquals(List.of(), note.verifiedBy(List.of(ENOCH)));
    }

    @Test
    void tampered_text_fails_verification() {
        Note tampered = Note.parse(TEXT.replace("answer", "ANSWER") + "\n" + PETER_SIG);
        assertThrows(TlogException.class, () -> tampered.verifiedBy(List.of(PETER)));
        assertFalse(PETER.verify(tampered.text(), NoteSignature.parse(PETER_SIG)));
        assertTrue(PETER.verify(TEXT, NoteSignature.parse(PETER_SIG)));
    }

    @Test
    void the_c2sp_signed_note_example_verifies() {
        NoteVerifier foo = NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        Note note = Note.parse("This is an example message.\n\n"
                + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n");
        assertEquals(1, note.verifiedBy(List.of(foo)).size());
    }

    @Test
    void the_sum_golang_org_checkpoint_verifies_and_parses() {
        NoteVerifier sumdb = NoteVerifier.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
        Note note = Note.parse("go.sum database tree\n35225469\nvt5T6GaLCXvyHFl9VUvvItR43XZxfLgftEcTyO3eJCQ=\n\n"
                + "\u2014 sum.golang.org Az3grpukl5AXaVfYkLiDGORx/DN2nlcS5kZHR5uYOBV2KA2HgXpD+gu9HHONebHLAyaKbbTM75QTtPydhKCExixSfwQ=\n");
        assertEquals(1, note.verifiedBy(List.of(sumdb)).size());
        CheckpointBody checkpoint = CheckpointBody.parse(note.text());
        assertEquals("go.sum database tree", checkpoint.origin());
        assertEquals(35225469, checkpoint.size());
    }

    @Test
    void a_sigsum_checkpoint_from_torchwood_verifies_with_the_published_raw_key() throws Exception {
        // FiloSottile/torchwood, cmd/litewitness/testdata/litewitness.txt: a sigsum log key given as hex.
        String origin = "sigsum.org/v1/tree/4d6d8825a6bb689d459628312889dfbb0bcd41b5211d9e1ce768b0ff0309e562";
        byte[] raw = HexFormat.of().parseHex("ffdc2d4d98e4124d3feaf788c0c2f9abfd796083d1f0495437f302ec79cf100f");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(raw))));
        NoteVerifier log = NoteVerifier.ed25519(origin, key);
        assertEquals(0x5202289b, log.keyId());
        String text = origin + "\n3\nRcCI1Nk56ZcSmIEfIn0SleqtV7uvrlXNccFx595Iwl0=\n";
        String good = "\u2014 " + origin + " UgIom2VbtIcdFbwFAy1n7s6IkAxIY6J/GQOTuZF2ORV39d75cbAj2aQYwyJre36kezNobZs4SUUdrcawfAB8WVrx6go=\n";
        assertEquals(1, Note.parse(text + "\n" + good).verifiedBy(List.of(log)).size());
        // The same line with stray low bits in its last base64 digit: a different, failing signature.
        String stray = good.replace("6go=", "6gx=");
        Note note = Note.parse(text + "\n" + stray);
        assertThrows(TlogException.class, () -> note.verifiedBy(List.of(log)));
    }

    @Test
    void a_new_key_signs_and_verifies_and_a_different_key_with_the_same_name_is_ignored() {
        KeyPair keys = TestKeys.generate();
        NoteSigner signer = NoteSigner.ed25519("example.com/log", keys);
        String text = "hello\n";
        Note note = new Note(text, List.of(signer.sign(text)));
        Note parsed = Note.parse(note.format());
        assertEquals(note, parsed);
        assertEquals(List.of(signer.sign(text)), parsed.verifiedBy(List.of(signer.verifier())));

        NoteVerifier impostor = NoteSigner.ed25519("example.com/log", TestKeys.generate()).verifier();
        assertEquals(List.of(), parsed.verifiedBy(List.of(impostor)));
    }

    @Test
    void a_text_with_empty_lines_is_split_at_the_last_blank_line() {
        NoteSigner signer = NoteSigner.ed25519("example.com/log", TestKeys.generate());
        String text = "first\n\nthird\n\n";
        Note note = new Note(text, List.of(signer.sign(text)));
        Note parsed = Note.parse(note.format());
        assertEquals(text, parsed.text());
        assertEquals(1, parsed.verifiedBy(List.of(signer.verifier())).size());
    }

    @Test
    void malformed_notes_are_rejected() {
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                "\uD800" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n",
                TEXT + "\n" + "\u2014 PeterNeumann x08g\n",
                TEXT + "\n" + "\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\r\n" + PETER_SIG,
                TEXT + "\n" + PETER_SIG.repeat(Note.MAX_SIGNATURES + 1));
        for (String note : bad) {
            assertThrows(TlogException.class, () -> Note.parse(note), note);
        }
    }

    @Test
    void a_note_accepts_at_least_sixteen_signatures() {
        Note note = Note.parse(TEXT + "\n" + PETER_SIG.repeat(16) + ENOCH_SIG.repeat(16));
        assertEquals(32, note.signatures().size());
        assertEquals(2, note.verifiedBy(List.of(PETER, ENOCH)).size());
    }

    @Test
    void notes_need_a_newline_terminated_text_and_a_signature() {
        NoteSignature peter = NoteSignature.parse(PETER_SIG);
        assertThrows(TlogException.class, () -> new Note("no newline", List.of(peter)));
        assertThrows(TlogException.class, () -> new Note(TEXT, List.of()));
        assertThrows(TlogException.class, () -> new Note("tab\there\n", List.of(peter)));
        NoteSigner signer = NoteSigner.ed25519("example.com/log", TestKeys.generate());
        assertThrows(TlogException.class, () -> signer.sign("no newline"));
    }

    @Test
    void mangled_verifier_keys_are_rejected() {
        // As golang.org/x/mod's TestNewVerifier: every proper substring, and every single-character change.
        char[] chars = PETER_KEY.toCharArray();
        for (int i = 0; i <= chars.length; i++) {
            for (int j = i + 1; j <= chars.length; j++) {
                if (i != 0 || j != chars.length) {
                    assertRejected(PETER_KEY.substring(i, j));
                }
            }
        }
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            assertRejected(new String(chars));
            chars[i]--;
        }
        // A wrong-length key and an unknown algorithm, each with an adjusted key ID.
        assertRejected("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRejected("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        // From transparency-dev/formats: missing key, bad base64, unknown algorithm.
        assertRejected("bananas.sigstore.dev+12344556");
        assertRejected("rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!");
        assertRejected("rekor.sigstore.dev+12345678+AwEB");
        // Upper-case hex is not the specified encoding.
        assertRejected("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void a_cosignature_key_is_not_a_note_key() {
        TlogException e = assertThrows(TlogException.class,
                () -> NoteVerifier.parse("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2"));
        assertTrue(e.getMessage().contains("CosignatureVerifier"), e.getMessage());
    }

    @Test
    void key_names_with_spaces_or_plus_signs_are_rejected() {
        KeyPair keys = TestKeys.generate();
        for (String name : List.of("", "a b", "a+b", "a\u00a0b", "a\u2003b", "a\nb")) {
            assertThrows(TlogException.class, () -> NoteSigner.ed25519(name, keys), name);
            assertThrows(TlogException.class, () -> new NoteSignature(name, 1, new byte[64]), name);
        }
    }

    @Test
    void a_key_pair_whose_halves_do_not_belong_together_is_rejected() {
        KeyPair mixed = new KeyPair(TestKeys.generate().getPublic(), TestKeys.generate().getPrivate());
        assertThrows(TlogException.class, () -> NoteSigner.ed25519("example.com/log", mixed));
    }

    @Test
    void signatures_are_values_and_hand_out_copies() {
        NoteSignature a = NoteSignature.parse(PETER_SIG);
        NoteSignature b = NoteSignature.parse(PETER_SIG);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        a.signature()[0]++;
        assertEquals(b, a);
        assertEquals(PETER_SIG, a.line());
    }

    @Test
    void with_signatures_appends_to_the_same_text() {
        Note peter = Note.parse(TEXT + "\n" + PETER_SIG);
        Note both = peter.withSignatures(List.of(NoteSignature.parse(ENOCH_SIG)));
        assertEquals(TEXT + "\n" + PETER_SIG + ENOCH_SIG, both.format());
        List<NoteSignature> many = new ArrayList<>();
        for (int i = 0; i < Note.MAX_SIGNATURES; i++) {
            many.add(NoteSignature.parse(ENOCH_SIG));
        }
        assertThrows(TlogException.class, () -> peter.withSignatures(many));
    }

    private static void assertRejected(String verifierKey) {
        assertThrows(TlogException.class, () -> NoteVerifier.parse(verifierKey), verifierKey);
    }
}
