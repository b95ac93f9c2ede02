package dev.hoheit.audit;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of an {@link AuditLog}. Start from {@link #of(AuditKeys)}.
 *
 * @param keys the controller's keys
 * @param clock where recording times come from
 * @param migrate whether {@link AuditLog#create} brings the schema up to date
 * @param batchSize most events written in one group commit
 * @param bufferCapacity most events waiting for a group commit; a full buffer blocks the caller
 * @param sealEvery seal a checkpoint after this many events (bounds the size of inclusion proofs)
 * @param keyCacheTtl how long a person's key is cached; after an erasure on another instance,
 *                    that instance may read the person's fields for at most this long
 * @since 0.1
 */
public record AuditConfig(AuditKeys keys, Clock clock, boolean migrate, int batchSize, int bufferCapacity,
                          int sealEvery, Duration keyCacheTtl) {

    /** Validates the settings. */
    public AuditConfig {
        Checks.required("keys", keys);
        Checks.required("clock", clock);
        if (batchSize < 1 || batchSize > 10_000) {
            throw Checks.invalid("batch size must be between 1 and 10000, was " + batchSize);
        }
        if (bufferCapacity < batchSize) {
            throw Checks.invalid("buffer capacity " + bufferCapacity + " is smaller than the batch size " + batchSize);
        }
        if (sealEvery < 1) {
            throw Checks.invalid("sealEvery must be positive, was " + sealEvery);
        }
        Checks.required("key cache TTL", keyCacheTtl);
        if (keyCacheTtl.isNegative()) {
            throw Checks.invalid("key cache TTL must not be negative");
        }
    }

    /** Defaults: system UTC clock, migrations on, batches of 500, a buffer of 10,000, a seal every 1,000 events, 30 s key cache. */
    public static AuditConfig of(AuditKeys keys) {
        return new AuditConfig(keys, Clock.systemUTC(), true, 500, 10_000, 1_000, Duration.ofSeconds(30));
    }

    /** The same settings with another clock. */
    public AuditConfig withClock(Clock newClock) {
        return new AuditConfig(keys, newClock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl);
    }

    /** The same settings, leaving migrations to the host ({@link AuditSchema#migrate}). */
    public AuditConfig withoutMigration() {
        return new AuditConfig(keys, clock, false, batchSize, bufferCapacity, sealEvery, keyCacheTtl);
    }

    /** The same settings with another batch size and buffer capacity. */
    public AuditConfig withBatching(int newBatchSize, int newBufferCapacity) {
        return new AuditConfig(keys, clock, migrate, newBatchSize, newBufferCapacity, sealEvery, keyCacheTtl);
    }

    /** The same settings, sealing every {@code events} events. */
    public AuditConfig withSealEvery(int events) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, events, keyCacheTtl);
    }

    /** The same settings with another key cache lifetime. */
    public AuditConfig withKeyCacheTtl(Duration ttl) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, ttl);
    }
}
