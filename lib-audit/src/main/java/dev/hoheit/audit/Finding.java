package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One problem a verification found.
 *
 * @param kind what is wrong
 * @param seq the position where it was found (0 when it concerns the whole log)
 * @param message a plain description
 * @param evidence the facts behind it (sizes, hashes, tags, times), for the auditor's report
 * @since 0.1
 */
public record Finding(Kind kind, long seq, String message, Map<String, String> evidence) {

    /** Kinds of problem. */
    public enum Kind {
        /** An entry does not hash to its leaf in the tree: modified, inserted or moved. */
        HASH_MISMATCH,
        /** Positions are missing inside the retained log: entries were deleted. */
        MISSING_EVENTS,
        /** The retained log does not start where its recorded purges end it: entries were removed unrecorded. */
        UNEXPLAINED_START,
        /** The head record disagrees with the entries or tiles: the tail was cut, or rows were added outside the log. */
        HEAD_MISMATCH,
        /** A checkpoint is not signed by a trusted key. */
        BAD_SIGNATURE,
        /** The tree's root at a checkpoint's size differs from the checkpoint: the log was rewritten. */
        CHECKPOINT_MISMATCH,
        /** The tree is smaller than a checkpoint: the tail was cut off or the database rolled back. */
        TRUNCATED,
        /** @since 0.2 Stored tile hashes differ from those computed from the level below. */
        TILE_MISMATCH,
        /** @since 0.2 Two checkpoints do not extend one another: a consistency proof fails. */
        INCONSISTENT_CHECKPOINTS,
        /** @since 0.2 Two different checkpoints of one size are both validly signed: the log forked. */
        FORK,
        /** @since 0.2 A checkpoint the verifier knows (saved state, exports) is missing from the database. */
        CHECKPOINT_MISSING,
        /** @since 0.2 The database holds an older tree than one the verifier saw before: restored from a backup. */
        ROLLBACK,
        /** @since 0.2 The newest checkpoint lacks the configured number of witness cosignatures. */
        WITNESS_QUORUM,
        /** @since 0.2 A purge removed entries it was not allowed to, or purges do not form one contiguous prefix. */
        ILLEGAL_PURGE,
        /** @since 0.2 A person's key is gone without an ERASE entry: their history was hidden unrecorded. */
        KEY_DESTROYED_WITHOUT_ERASE,
        /** @since 0.2 An ERASE entry names a key that still exists: the erasure was faked. */
        ERASE_KEY_EXISTS,
        /** @since 0.2 A day's client-data key is gone without an ANONYMISE entry covering it. */
        CLIENT_KEY_DESTROYED_WITHOUT_ANONYMISE
    }

    /** Copies the evidence. */
    public Finding {
        CHECKS.required("kind", kind);
        CHECKS.required("message", message);
        evidence = evidence == null ? Map.of() : Map.copyOf(evidence);
    }

    /** A finding without evidence beyond its message. */
    public Finding(Kind kind, long seq, String message) {
        this(kind, seq, message, Map.of());
    }

    @Override
    public String toString() {
        String facts = evidence.isEmpty() ? "" : " [" + evidence.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + "]";
        return kind + (seq > 0 ? " at " + seq : "") + ": " + message + facts;
    }
}
