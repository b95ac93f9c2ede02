/**
 * Standard transparency-log primitives, free of any database: RFC 6962 / RFC 9162 Merkle tree
 * hashing with inclusion and consistency proofs, C2SP tlog-tiles (tiles, paths, entry bundles),
 * C2SP signed notes and tlog-checkpoint bodies, Ed25519 timestamped cosignatures
 * (tlog-cosignature) and the tlog-witness request format.
 *
 * <p>Everything here works on bytes and strings only, so an auditor, a witness or another
 * implementation can check what a Hoheit log publishes with nothing but these classes (or any
 * other implementation of the same specifications).
 *
 * @since 0.2
 */
package dev.hoheit.audit.tlog;
