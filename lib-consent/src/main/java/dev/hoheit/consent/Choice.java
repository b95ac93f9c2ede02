package dev.hoheit.consent;

/**
 * What a subject decided about a purpose. Every choice is stored as a new decision; none replaces
 * another.
 *
 * @since 0.1
 */
public enum Choice {
    /** The subject agreed. */
    GRANTED,
    /** The subject declined when asked (recorded like a grant: a refusal is a decision too). */
    REFUSED,
    /** The subject took back an earlier grant. */
    WITHDRAWN
}
