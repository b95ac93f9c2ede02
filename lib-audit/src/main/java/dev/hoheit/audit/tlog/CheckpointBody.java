package dev.hoheit.audit.tlog;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The note text of a checkpoint (c2sp.org/tlog-checkpoint): the log's origin, the tree size, the
 * base64 root hash, and optional extension lines, each ending in a newline.
 *
 * <pre>
 * example.com/behind-the-sofa
 * 20852163
 * CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
 * </pre>
 *
 * @param origin the log's identity: non-empty, one line
 * @param size the number of leaves
 * @param rootHash the RFC 6962 root hash of the tree at that size, 32 bytes; a fresh copy on every call
 * @param extensions extension lines (opaque, not recommended), each non-empty
 * @since 0.2
 */
public record CheckpointBody(String origin, long size, byte[] rootHash, List<String> extensions) {

    private static final int HASH_SIZE = 32;

    /**
     * Validates the fields and copies the root hash and the extensions.
     *
     * @throws TlogException if the origin or an extension line is empty or contains a control
     *     character, the size is negative or the root hash does not have 32 bytes
     * @since 0.2
     */
    public CheckpointBody {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty()) {
            throw new TlogException("a checkpoint origin must not be empty");
        }
        NoteText.requireNoteCharacters(origin, "the origin");
        if (origin.indexOf('\n') >= 0) {
            throw new TlogException("a checkpoint origin is one line");
        }
        if (size < 0) {
            throw new TlogException("a tree size must not be negative: " + size);
        }
        Objects.requireNonNull(rootHash, "root hash");
        if (rootHash.length != HASH_SIZE) {
            throw new TlogException("a root hash has 32 bytes, not " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        for (String extension : extensions) {
            NoteText.requireNoteCharacters(extension, "an extension line");
            if (extension.isEmpty() || extension.indexOf('\n') >= 0) {
                throw new TlogException("an extension line is one non-empty line");
            }
        }
    }

    /**
     * A checkpoint body without extension lines.
     *
     * @param origin the log's identity
     * @param size the number of leaves
     * @param rootHash the 32-byte root hash
     * @since 0.2
     */
    public CheckpointBody(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /**
     * The root hash.
     *
     * @return a fresh copy of the 32 bytes
     * @since 0.2
     */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * The note text.
     *
     * @return {@code "<origin>\n<size>\n<base64 root hash>\n"} followed by each extension line and a newline
     * @since 0.2
     */
    public String text() {
        StringBuilder text = new StringBuilder(origin).append('\n')
                .append(size).append('\n')
                .append(NoteText.encodeBase64(rootHash)).append('\n');
        for (String extension : extensions) {
            text.append(extension).append('\n');
        }
        return text.toString();
    }

    /**
     * Parses a checkpoint note text strictly: at least three lines, each ending in a newline; a
     * decimal size without leading zeroes; a canonical base64 32-byte root hash; non-empty extension lines.
     *
     * @param text the note text (without the blank line and the signatures)
     * @return the checkpoint body
     * @throws TlogException if the text is not a checkpoint
     * @since 0.2
     */
    public static CheckpointBody parse(String text) {
        Objects.requireNonNull(text, "checkpoint text");
        if (!text.endsWith("\n")) {
            throw new TlogException("a checkpoint text must end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new TlogException("a checkpoint has an origin, a size and a root hash line; this text has " + lines.length + " lines");
        }
        long size = NoteText.parseDecimal(lines[1], "tree size");
        byte[] root = NoteText.decodeBase64(lines[2], "the root hash");
        return new CheckpointBody(lines[0], size, root, Arrays.asList(lines).subList(3, lines.length));
    }

    /**
     * Whether both have the same origin, size, root hash and extension lines.
     *
     * @since 0.2
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CheckpointBody that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    /**
     * A hash of all fields.
     *
     * @since 0.2
     */
    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    /**
     * The origin, size and base64 root hash.
     *
     * @since 0.2
     */
    @Override
    public String toString() {
        return "CheckpointBody[" + origin + ", " + size + ", " + NoteText.encodeBase64(rootHash)
                + (extensions.isEmpty() ? "" : ", " + extensions.size() + " extension lines") + "]";
    }
}
