package dev.hoheit.audit;

/**
 * How an attempted action ended.
 *
 * @since 0.1
 */
public enum Outcome {
    /** It was allowed and done. */
    ALLOWED,
    /** It was refused (no grant, no right). */
    DENIED,
    /** It was allowed but failed. */
    FAILED
}
