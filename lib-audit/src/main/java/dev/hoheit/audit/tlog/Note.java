package dev.hoheit.audit.tlog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more
 * signature lines. The text must be ignored unless a trusted key's signature on it verifies: use
 * {@link #verifiedBy(Collection)}.
 *
 * @param text the signed text, including its final newline (not the blank line)
 * @param signatures the signature lines, in order; at least one, at most {@value #MAX_SIGNATURES}
 * @since 0.2
 */
public record Note(String text, List<NoteSignature> signatures) {

    /**
     * The most signature lines a note may have (the specification requires accepting at least 16).
     *
     * @since 0.2
     */
    public static final int MAX_SIGNATURES = 100;

    /**
     * Validates the text and copies the signatures.
     *
     * @throws TlogException if the text is empty, does not end in a newline or contains a control
     *     character other than newline, or there is no signature or more than {@value #MAX_SIGNATURES}
     * @since 0.2
     */
    public Note {
        requireText(text);
        signatures = List.copyOf(Objects.requireNonNull(signatures, "signatures"));
        if (signatures.isEmpty()) {
            throw new TlogException("a note needs at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new TlogException("a note has at most " + MAX_SIGNATURES + " signatures, not " + signatures.size());
        }
    }

    /**
     * Checks a note text: non-empty, ending in a newline, no control character other than newline.
     *
     * @param text the text to check
     * @return the text
     * @throws TlogException if the text is not a valid note text
     * @since 0.2
     */
    static String requireText(String text) {
        Objects.requireNonNull(text, "note text");
        if (!text.endsWith("\n")) {
            throw new TlogException("a note text must end with a newline");
        }
        NoteText.requireNoteCharacters(text, "the note text");
        return text;
    }

    /**
     * The note as it is published: the text, a blank line, and the signature lines.
     *
     * @return {@code text + "\n" + signature lines}
     * @since 0.2
     */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            note.append(signature.line());
        }
        return note.toString();
    }

    /**
     * This note with {@code more} signatures appended (for example a witness's cosignatures).
     *
     * @param more the signatures to add after the existing ones
     * @return a new note with the same text
     * @throws TlogException if the note would have more than {@value #MAX_SIGNATURES} signatures
     * @since 0.2
     */
    public Note withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new Note(text, all);
    }

    /**
     * Parses a note strictly: valid UTF-8 (no unpaired surrogates), no control character other than
     * newline, a text ending in a newline, then a blank line (the last one in the note), then only
     * signature lines, each ending in a newline.
     *
     * @param note the whole note
     * @return the parsed note; its signatures are not verified
     * @throws TlogException if the note is malformed
     * @since 0.2
     */
    public static Note parse(String note) {
        Objects.requireNonNull(note, "note");
        NoteText.requireNoteCharacters(note, "the note");
        if (!note.endsWith("\n")) {
            throw new TlogException("a note must end with a newline");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new TlogException("a note needs a blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        String lines = note.substring(split + 2);
        if (lines.isEmpty()) {
            throw new TlogException("a note needs at least one signature line");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = 0;
        while (start < lines.length()) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new TlogException("a note has at most " + MAX_SIGNATURES + " signatures");
            }
            int end = lines.indexOf('\n', start) + 1;
            signatures.add(NoteSignature.parse(lines.substring(start, end)));
            start = end;
        }
        return new Note(text, signatures);
    }

    /**
     * The signatures by keys in {@code verifiers} that verify. Signatures whose key name and key ID
     * match no verifier are ignored, as the specification requires. A signature whose key name and
     * key ID match a verifier but which fails to verify makes the note malformed.
     *
     * @param verifiers the trusted keys
     * @return the verified signatures, in note order, without duplicates; empty if no trusted key signed
     * @throws TlogException if a signature by a trusted key fails to verify
     * @since 0.2
     */
    public List<NoteSignature> verifiedBy(Collection<NoteVerifier> verifiers) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            boolean known = false;
            boolean valid = false;
            for (NoteVerifier verifier : verifiers) {
                if (verifier.matches(signature)) {
                    known = true;
                    valid = valid || verifier.verify(message, signature);
                }
            }
            if (known && !valid) {
                throw new TlogException("the signature by " + signature.keyName() + "+" + NoteText.hex(signature.keyId())
                        + " does not verify");
            }
            if (valid && !verified.contains(signature)) {
                verified.add(signature);
            }
        }
        return List.copyOf(verified);
    }
}
