package dev.hoheit.audit.tlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a tlog-witness {@code add-checkpoint} request (c2sp.org/tlog-witness): an
 * {@code "old <size>\n"} line, one base64 line per consistency-proof hash, a blank line, and the
 * checkpoint note.
 *
 * <pre>
 * old 20852014
 * PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=
 * jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=
 *
 * example.com/behind-the-sofa
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 *
 * — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/...
 * </pre>
 *
 * @param oldSize the size of the checkpoint the witness cosigned last (0 if none, or unknown)
 * @param consistencyProof the RFC 6962 consistency proof from {@code oldSize} to the checkpoint's
 *     size, at most {@value #MAX_PROOF_HASHES} 32-byte hashes (empty when {@code oldSize} is 0);
 *     fresh copies on every call
 * @param checkpointNote the signed checkpoint note, as {@link Note#format()} writes it
 * @since 0.2
 */
public record AddCheckpointRequest(long oldSize, List<byte[]> consistencyProof, String checkpointNote) {

    /**
     * The most consistency-proof lines a request may have.
     *
     * @since 0.2
     */
    public static final int MAX_PROOF_HASHES = 63;

    private static final int HASH_SIZE = 32;

    /**
     * Validates and copies the fields.
     *
     * @throws TlogException if the old size is negative, the proof has more than
     *     {@value #MAX_PROOF_HASHES} hashes or a hash that is not 32 bytes, or the note is empty
     * @since 0.2
     */
    public AddCheckpointRequest {
        if (oldSize < 0) {
            throw new TlogException("the old size must not be negative: " + oldSize);
        }
        consistencyProof = copy(Objects.requireNonNull(consistencyProof, "consistency proof"));
        Objects.requireNonNull(checkpointNote, "checkpoint note");
        if (checkpointNote.isEmpty()) {
            throw new TlogException("an add-checkpoint request needs a checkpoint");
        }
    }

    private static List<byte[]> copy(List<byte[]> proof) {
        if (proof.size() > MAX_PROOF_HASHES) {
            throw new TlogException("a consistency proof has at most " + MAX_PROOF_HASHES + " hashes, not " + proof.size());
        }
        List<byte[]> copies = new ArrayList<>(proof.size());
        for (byte[] hash : proof) {
            if (hash == null || hash.length != HASH_SIZE) {
                throw new TlogException("a consistency proof hash has 32 bytes");
            }
            copies.add(hash.clone());
        }
        return List.copyOf(copies);
    }

    /**
     * The proof hashes.
     *
     * @return an unmodifiable list of fresh copies
     * @since 0.2
     */
    @Override
    public List<byte[]> consistencyProof() {
        List<byte[]> copies = new ArrayList<>(consistencyProof.size());
        for (byte[] hash : consistencyProof) {
            copies.add(hash.clone());
        }
        return List.copyOf(copies);
    }

    /**
     * The request body.
     *
     * @return {@code "old <size>\n"}, the base64 proof lines, a blank line, and the checkpoint note
     * @since 0.2
     */
    public String format() {
        StringBuilder body = new StringBuilder("old ").append(oldSize).append('\n');
        for (byte[] hash : consistencyProof) {
            body.append(NoteText.encodeBase64(hash)).append('\n');
        }
        return body.append('\n').append(checkpointNote).toString();
    }

    /**
     * Parses a request body strictly: {@code "old <size>\n"} with a decimal size without leading
     * zeroes, up to {@value #MAX_PROOF_HASHES} lines of canonical base64 32-byte hashes, a blank
     * line, and a non-empty checkpoint note. The note itself is not parsed here: see {@link Note#parse(String)}.
     *
     * @param body the request body
     * @return the request
     * @throws TlogException if the body is malformed
     * @since 0.2
     */
    public static AddCheckpointRequest parse(String body) {
        Objects.requireNonNull(body, "request body");
        int end = body.indexOf('\n');
        if (end < 0 || !body.startsWith("old ")) {
            throw new TlogException("an add-checkpoint request starts with an \"old <size>\" line");
        }
        long oldSize = NoteText.parseDecimal(body.substring("old ".length(), end), "old size");
        List<byte[]> proof = new ArrayList<>();
        int start = end + 1;
        while (true) {
            end = body.indexOf('\n', start);
            if (end < 0) {
                throw new TlogException("an add-checkpoint request needs a blank line before the checkpoint");
            }
            if (end == start) {
                break;
            }
            if (proof.size() == MAX_PROOF_HASHES) {
                throw new TlogException("a consistency proof has at most " + MAX_PROOF_HASHES + " hashes");
            }
            byte[] hash = NoteText.decodeBase64(body.substring(start, end), "consistency proof line " + (proof.size() + 1));
            if (hash.length != HASH_SIZE) {
                throw new TlogException("consistency proof line " + (proof.size() + 1) + " is not a 32-byte hash");
            }
            proof.add(hash);
            start = end + 1;
        }
        return new AddCheckpointRequest(oldSize, proof, body.substring(end + 1));
    }

    /**
     * Whether both have the same old size, proof hashes and note.
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AddCheckpointRequest that && format().equals(that.format());
    }

    /**
     * A hash of the request body.
     *
     * @since 0.2
     */
    @Override
    public int hashCode() {
        return format().hashCode();
    }

    /**
     * The old size and the number of proof hashes (not the note).
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return "AddCheckpointRequest[old " + oldSize + ", " + consistencyProof.size() + " proof hashes, "
                + checkpointNote.length() + " characters of checkpoint]";
    }
}
