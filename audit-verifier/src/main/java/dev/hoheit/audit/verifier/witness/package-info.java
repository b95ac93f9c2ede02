/**
 * A C2SP tlog-witness: it keeps the latest checkpoint it has seen of each log in its own state
 * directory, cosigns a new one only when it is consistent with that (so a log cannot fork or roll
 * back unseen), and serves the witness protocol over HTTP ({@link dev.hoheit.audit.verifier.witness.WitnessServer}).
 */
package dev.hoheit.audit.verifier.witness;
