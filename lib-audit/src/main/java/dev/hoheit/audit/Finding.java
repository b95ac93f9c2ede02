package dev.hoheit.audit;

/**
 * One problem {@link AuditLog#verify} found.
 *
 * @param kind what is wrong
 * @param seq the position where it was found (0 when it concerns the whole log)
 * @param message a plain description
 * @since 0.1
 */
public record Finding(Kind kind, long seq, String message) {

    /** Kinds of problem. */
    public enum Kind {
        /** An event's content or position does not match its hash: modified, inserted or reordered. */
        HASH_MISMATCH,
        /** Positions are missing inside the retained chain: events were deleted. */
        MISSING_EVENTS,
        /** The retained chain does not start where a recorded purge ended it. */
        UNEXPLAINED_START,
        /** The head record disagrees with the last event: the tail was cut or rewritten. */
        HEAD_MISMATCH,
        /** A checkpoint's signature does not verify. */
        BAD_SIGNATURE,
        /** The chain's hash at a checkpoint's position differs from the checkpoint. */
        CHECKPOINT_MISMATCH,
        /** The chain ends before a checkpoint's position: the tail was cut off. */
        TRUNCATED
    }

    @Override
    public String toString() {
        return kind + (seq > 0 ? " at " + seq : "") + ": " + message;
    }
}
