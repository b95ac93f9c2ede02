package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Cosigner;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Conflict;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refusal;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Refused;
import dev.hoheit.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tlog-witness checks, without HTTP. */
class WitnessTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path state;

    private final MutableClock clock = MutableClock.at(START);
    private final Cosigner cosigner = Witnesses.newCosigner("witness.example/w1");
    private final TestLog log = new TestLog("example.com/log");
    private Witness witness;

    @BeforeEach
    void open() throws IOException {
        witness = Witnesses.open(cosigner, state, clock, log);
    }

    @AfterEach
    void close() throws IOException {
        witness.close();
    }

    private AddCheckpointResult add(AddCheckpointRequest request) {
        return witness.addCheckpoint(request);
    }

    private static Cosigned cosigned(AddCheckpointResult result) {
        return assertInstanceOf(Cosigned.class, result, result.toString());
    }

    private static void assertRefused(Refusal refusal, AddCheckpointResult result) {
        Refused refused = assertInstanceOf(Refused.class, result, result.toString());
        assertEquals(refusal, refused.refusal(), refused.message());
    }

    @Test
    void a_first_checkpoint_with_old_size_zero_is_cosigned_with_the_clocks_time() {
        Cosigned result = cosigned(add(log.request(0, 5)));
        assertEquals(log.checkpoint(5), result.checkpoint());
        assertEquals(200, result.httpStatus());
        OptionalLong time = cosigner.verifier().verify(log.checkpoint(5).text(), result.cosignature());
        assertEquals(OptionalLong.of(START.getEpochSecond()), time);
    }

    @Test
    void a_checkpoint_extending_the_latest_with_a_valid_proof_is_cosigned() {
        cosigned(add(log.request(0, 5)));
        clock.advance(Duration.ofMinutes(1));
        Cosigned extended = cosigned(add(log.request(5, 13)));
        assertEquals(13, extended.checkpoint().size());
        assertEquals(OptionalLong.of(START.getEpochSecond() + 60),
                cosigner.verifier().verify(log.checkpoint(13).text(), extended.cosignature()));
        cosigned(add(log.request(13, 14)));
        cosigned(add(log.request(14, 64)));
        cosigned(add(log.request(64, 1000)));
        assertEquals(1000, CheckpointBody.parse(witness.latestCheckpoint(log.origin()).orElseThrow().text()).size());
    }

    @Test
    void the_same_checkpoint_again_is_cosigned_again() {
        cosigned(add(log.request(0, 5)));
        cosigned(add(log.request(5, 5)));
    }

    @Test
    void a_stale_old_size_is_a_conflict_telling_the_latest_size() {
        cosigned(add(log.request(0, 5)));
        cosigned(add(log.request(5, 8)));
        Conflict stale = assertInstanceOf(Conflict.class, add(log.request(5, 10)));
        assertEquals(8, stale.latestSize());
        assertEquals(409, stale.httpStatus());
        // A client that knows nothing asks with old size 0 and learns the size.
        assertEquals(8, assertInstanceOf(Conflict.class, add(log.request(0, 10))).latestSize());
        cosigned(add(log.request(8, 10)));
    }

    @Test
    void a_rollback_to_a_smaller_checkpoint_is_refused() {
        cosigned(add(log.request(0, 8)));
        // From the latest size down: the old size is above the checkpoint's, a bad request.
        AddCheckpointRequest down = new AddCheckpointRequest(8, List.of(), log.note(5));
        assertRefused(Refusal.MALFORMED, add(down));
        // From a smaller old size: a conflict with the latest size.
        assertEquals(8, assertInstanceOf(Conflict.class, add(log.request(3, 5))).latestSize());
        assertEquals(8, assertInstanceOf(Conflict.class, add(log.request(0, 5))).latestSize());
        assertEquals(8, latestSize());
    }

    @Test
    void a_fork_at_the_same_size_is_refused_and_kept_as_evidence() throws IOException {
        cosigned(add(log.request(0, 5)));
        CheckpointBody forked = new CheckpointBody(log.origin(), 5, log.checkpoint(6).rootHash());
        AddCheckpointResult result = add(new AddCheckpointRequest(5, List.of(), log.signed(forked)));
        assertRefused(Refusal.INCONSISTENT, result);
        assertEquals(5, latestSize());
        assertArrayEquals(log.root(5), CheckpointBody.parse(witness.latestCheckpoint(log.origin()).orElseThrow().text()).rootHash());
        try (Stream<Path> files = Files.list(state.resolve("evidence"))) {
            List<Path> evidence = files.toList();
            assertEquals(1, evidence.size());
            String text = Files.readString(evidence.get(0));
            assertTrue(text.contains(log.checkpoint(5).text()) && text.contains(forked.text()), text);
        }
    }

    @Test
    void a_fork_at_a_larger_size_fails_its_consistency_proof() {
        cosigned(add(log.request(0, 5)));
        TestLog fork = log.rewritten().growTo(8);
        AddCheckpointRequest request = new AddCheckpointRequest(5, fork.consistencyProof(5, 8), log.signed(fork.checkpoint(8)));
        assertRefused(Refusal.INCONSISTENT, add(request));
        assertEquals(5, latestSize());
    }

    @Test
    void a_bad_consistency_proof_is_unprocessable() {
        cosigned(add(log.request(0, 5)));
        AddCheckpointRequest good = log.request(5, 8);
        List<byte[]> tampered = new ArrayList<>(good.consistencyProof());
        tampered.get(0)[0] ^= 1;
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(5, tampered, good.checkpointNote())));
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(5, good.consistencyProof().subList(1, good.consistencyProof().size()), good.checkpointNote())));
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(5, List.of(), good.checkpointNote())));
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(5, List.of(new byte[32]), log.note(5))));
        assertEquals(5, latestSize());
        cosigned(add(good));
    }

    @Test
    void a_proof_from_size_zero_must_be_empty() {
        AddCheckpointRequest request = new AddCheckpointRequest(0, List.of(new byte[32]), log.note(5));
        assertRefused(Refusal.INCONSISTENT, add(request));
        assertEquals(0, latestSize());
    }

    @Test
    void an_empty_checkpoint_needs_the_empty_root() {
        CheckpointBody wrong = new CheckpointBody(log.origin(), 0, new byte[32]);
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(0, List.of(), log.signed(wrong))));
        cosigned(add(log.request(0, 0)));
        cosigned(add(log.request(0, 3)));
    }

    @Test
    void an_unknown_origin_is_not_found() {
        TestLog other = new TestLog("example.com/other");
        assertRefused(Refusal.UNKNOWN_ORIGIN, add(other.request(0, 3)));
        assertEquals(404, add(other.request(0, 3)).httpStatus());
    }

    @Test
    void a_checkpoint_without_a_signature_by_a_trusted_key_is_forbidden() {
        // Signed with another key under the log's own name: an unknown key, ignored.
        TestLog impostor = new TestLog(log.origin());
        assertRefused(Refusal.UNTRUSTED, add(impostor.request(0, 3)));
        assertEquals(403, add(impostor.request(0, 3)).httpStatus());
        assertEquals(0, latestSize());
    }

    @Test
    void a_failing_signature_by_a_trusted_key_is_forbidden() {
        String text = log.checkpoint(3).text();
        NoteSignature good = log.signer().sign(text);
        byte[] bytes = good.signature();
        bytes[10] ^= 1;
        NoteSignature bad = new NoteSignature(good.keyName(), good.keyId(), bytes);
        assertRefused(Refusal.UNTRUSTED, add(new AddCheckpointRequest(0, List.of(), new Note(text, List.of(bad)).format())));
        // A good signature does not excuse a bad one by the same key.
        assertRefused(Refusal.UNTRUSTED, add(new AddCheckpointRequest(0, List.of(), new Note(text, List.of(good, bad)).format())));
        // Extra signatures by unknown keys (other witnesses) are ignored.
        NoteSigner stranger = NoteSigner.ed25519("stranger.example", TestLog.newKeyPair());
        cosigned(add(new AddCheckpointRequest(0, List.of(), new Note(text, List.of(stranger.sign(text), good)).format())));
    }

    @Test
    void a_malformed_note_or_a_note_that_is_no_checkpoint_is_a_bad_request() {
        assertRefused(Refusal.MALFORMED, add(new AddCheckpointRequest(0, List.of(), "not a note\n")));
        String hello = "hello\n";
        String notCheckpoint = new Note(hello, List.of(log.signer().sign(hello))).format();
        assertRefused(Refusal.MALFORMED, add(new AddCheckpointRequest(0, List.of(), notCheckpoint)));
        assertEquals(400, add(new AddCheckpointRequest(0, List.of(), notCheckpoint)).httpStatus());
    }

    @Test
    void an_old_size_above_the_checkpoint_size_is_a_bad_request() {
        assertRefused(Refusal.MALFORMED, add(new AddCheckpointRequest(6, List.of(), log.note(5))));
    }

    @Test
    void the_state_survives_a_restart() throws IOException {
        cosigned(add(log.request(0, 5)));
        cosigned(add(log.request(5, 9)));
        witness.close();
        witness = Witnesses.open(cosigner, state, clock, log);
        assertEquals(9, assertInstanceOf(Conflict.class, add(log.request(0, 12))).latestSize());
        assertRefused(Refusal.MALFORMED, add(new AddCheckpointRequest(9, List.of(), log.note(5))));
        CheckpointBody forked = new CheckpointBody(log.origin(), 9, log.checkpoint(10).rootHash());
        assertRefused(Refusal.INCONSISTENT, add(new AddCheckpointRequest(9, List.of(), log.signed(forked))));
        cosigned(add(log.request(9, 12)));
    }

    @Test
    void the_state_file_is_the_cosigned_checkpoint_note() throws IOException {
        Cosigned result = cosigned(add(log.request(0, 5)));
        Path file = state.resolve(StateDirectory.originHash(log.origin()) + ".checkpoint");
        Note stored = Note.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(log.checkpoint(5).text(), stored.text());
        assertEquals(List.of(log.signer().sign(stored.text()), result.cosignature()), stored.signatures());
        assertEquals(stored, witness.latestCheckpoint(log.origin()).orElseThrow());
        try (Stream<Path> files = Files.list(state)) {
            assertTrue(files.noneMatch(path -> path.toString().endsWith(".tmp")));
        }
    }

    @Test
    void a_checkpoint_that_cannot_be_written_is_not_cosigned() throws IOException {
        Path file = state.resolve(StateDirectory.originHash(log.origin()) + ".checkpoint");
        Files.createDirectories(file.resolve("obstacle"));
        assertThrows(UncheckedIOException.class, () -> add(log.request(0, 5)));
        assertTrue(witness.latestCheckpoint(log.origin()).isEmpty());
        Files.delete(file.resolve("obstacle"));
        Files.delete(file);
        cosigned(add(log.request(0, 5)));
    }

    @Test
    void a_second_witness_cannot_share_the_state_directory() {
        IOException e = assertThrows(IOException.class, () -> Witnesses.open(cosigner, state, clock, log));
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }

    @Test
    void a_damaged_state_file_stops_the_witness_from_opening() throws IOException {
        cosigned(add(log.request(0, 5)));
        witness.close();
        Path file = state.resolve(StateDirectory.originHash(log.origin()) + ".checkpoint");
        Files.writeString(file, "garbage\n");
        assertThrows(IOException.class, () -> Witnesses.open(cosigner, state, clock, log));
        Files.delete(file);
        witness = Witnesses.open(cosigner, state, clock, log);
    }

    @Test
    void each_log_has_its_own_state() throws IOException {
        witness.close();
        TestLog other = new TestLog("example.com/other");
        witness = Witnesses.open(cosigner, state, clock, log, other);
        cosigned(add(log.request(0, 5)));
        cosigned(add(other.request(0, 2)));
        assertEquals(5, assertInstanceOf(Conflict.class, add(log.request(2, 7))).latestSize());
        cosigned(add(other.request(2, 7)));
    }

    private long latestSize() {
        return witness.latestCheckpoint(log.origin())
                .map(note -> CheckpointBody.parse(note.text()).size())
                .orElse(0L);
    }
}
