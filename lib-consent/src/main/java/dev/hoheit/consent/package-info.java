/**
 * The consent API: purposes and their versioned notices, append-only decisions that prove what a
 * person was shown and what she chose, access grants from one person to another, receipts and
 * the subject's export and erasure.
 *
 * <p>Start at {@link dev.hoheit.consent.ConsentService#create}; migrate the schema first with
 * {@link dev.hoheit.consent.ConsentSchema}, or let the service do it. Every method documents the
 * {@link dev.hoheit.consent.ConsentException.Problem} it throws on bad input, and every write runs
 * in the transaction the {@link dev.hoheit.consent.ConsentConfig} names: its own, or the caller's.
 */
package dev.hoheit.consent;
