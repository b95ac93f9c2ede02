package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_CHECKPOINT;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.AuditKeys;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.internal.jooq.tables.records.AuditCheckpointRecord;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Signs checkpoints with the controller's current Ed25519 key and keeps them, each with the public
 * key that signed it (so checkpoints from before a key rotation stay readable and checkable).
 */
final class CheckpointStore {

    private final DSLContext db;
    private final AuditKeys keys;
    private final Clock clock;

    CheckpointStore(DSLContext db, AuditKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** Signs {@code head} unless a checkpoint for its position exists; returns the stored one. */
    Checkpoint seal(ChainWriter.Head head) {
        AuditCheckpointRecord existing = db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.SEQ.eq(head.seq())).fetchOne();
        if (existing != null) {
            return toCheckpoint(existing);
        }
        java.time.Instant sealedAt = EventCodec.micros(clock.instant());
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.signingKeys().getPrivate());
            signer.update(Checkpoint.signedBytes(head.seq(), head.hash(), head.recordedAt(), sealedAt));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "cannot sign checkpoint " + head.seq(), e);
        }
        db.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.SEQ, head.seq())
                .set(AUDIT_CHECKPOINT.HEAD_HASH, head.hash())
                .set(AUDIT_CHECKPOINT.HEAD_TIME, head.recordedAt())
                .set(AUDIT_CHECKPOINT.SEALED_AT, sealedAt)
                .set(AUDIT_CHECKPOINT.KEY_ID, keys.keyId())
                .set(AUDIT_CHECKPOINT.PUBLIC_KEY, keys.signingKeys().getPublic().getEncoded())
                .set(AUDIT_CHECKPOINT.SIGNATURE, signature)
                .onDuplicateKeyIgnore()
                .execute();
        return toCheckpoint(db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.SEQ.eq(head.seq())).fetchSingle());
    }

    List<Checkpoint> all() {
        return db.selectFrom(AUDIT_CHECKPOINT).orderBy(AUDIT_CHECKPOINT.SEQ).fetch(this::toCheckpoint);
    }

    /** The first checkpoint at or after {@code seq}, if any. */
    java.util.Optional<Checkpoint> firstAtOrAfter(long seq) {
        return db.selectFrom(AUDIT_CHECKPOINT).where(AUDIT_CHECKPOINT.SEQ.ge(seq))
                .orderBy(AUDIT_CHECKPOINT.SEQ).limit(1).fetchOptional(this::toCheckpoint);
    }

    private Checkpoint toCheckpoint(AuditCheckpointRecord r) {
        return new Checkpoint(r.getSeq(), HexFormat.of().formatHex(r.getHeadHash()), r.getHeadTime(), r.getSealedAt(),
                r.getKeyId(), Base64.getEncoder().encodeToString(publicKeyOf(r)), Base64.getEncoder().encodeToString(r.getSignature()));
    }

    /** The stored key; rows sealed before keys were stored have only the key id, looked up among the known keys. */
    private byte[] publicKeyOf(AuditCheckpointRecord r) {
        if (r.getPublicKey() != null) {
            return r.getPublicKey();
        }
        PublicKey known = keys.verificationKeys().get(r.getKeyId());
        if (known == null) {
            throw new AuditException(AuditException.Problem.CRYPTO, "checkpoint " + r.getSeq() + " was signed by key "
                    + r.getKeyId() + ", which is neither the current nor a retired signing key");
        }
        return known.getEncoded();
    }
}
