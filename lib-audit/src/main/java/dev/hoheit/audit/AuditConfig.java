package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.LibrarySchema;

/**
 * Settings of an {@link AuditLog}. Start from {@link #of(AuditKeys)}.
 *
 * @param keys the controller's keys
 * @param clock where recording times come from
 * @param migrate whether {@link AuditLog#create} brings the schema up to date; when off
 *                ({@link #withoutMigration()}) it only checks that the tables are there as this
 *                version needs them, and fails with {@link AuditException.Problem#SCHEMA_MISMATCH} if not
 * @param batchSize most events written in one group commit
 * @param bufferCapacity most events waiting for a group commit; a full buffer blocks the caller
 * @param sealEvery seal a checkpoint after this many events
 * @param keyCacheTtl how long a person's key is cached; after an erasure on another instance,
 *                    that instance may read the person's fields for at most this long
 * @param origin the log's name: the first line of its checkpoints and the name of its signing key
 *               (C2SP tlog-checkpoint; a scheme-less URL such as {@code smoffen.example/audit})
 * @param retention the published retention period: a purge may only remove events at least this old,
 *                  and verifiers report any purge that removed younger ones
 * @param stateDirectory where the log keeps, outside the database, the newest checkpoint it signed
 *                       (so a database rolled back or rewritten is noticed); null keeps no such state
 * @param witnesses the witnesses every new checkpoint is submitted to
 * @param witnessQuorum how many of them must have cosigned the newest checkpoint for it to count as
 *                      witnessed ({@link AuditLog#verify()} reports a checkpoint short of it)
 * @param transactions where appends and erasures run: in a transaction of the log's own (the
 *                     default), or in the caller's ({@link #withTransactions}); purges, checkpoints
 *                     and integration always run in the log's own
 * @param integrate whether this instance runs an integrator (the default); off for an instance that
 *                  only appends while others integrate ({@link #withoutIntegrator})
 * @param schema the schema that holds the log's tables and their Flyway history table, created if
 *               missing and named in every statement; null (the default) for the connection's
 *               current schema ({@link #withSchema})
 * @since 0.1
 */
public record AuditConfig(AuditKeys keys, Clock clock, boolean migrate, int batchSize, int bufferCapacity,
                          int sealEvery, Duration keyCacheTtl, String origin, Duration retention,
                          Path stateDirectory, List<WitnessEndpoint> witnesses, int witnessQuorum,
                          Transactions transactions, boolean integrate, String schema) {

    /** The origin of a log that was not given one. */
    public static final String DEFAULT_ORIGIN = "hoheit.dev/audit";
    /** Twelve months of 365 days, the usage log's retention. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

    /** Validates the settings. */
    public AuditConfig {
        CHECKS.required("keys", keys);
        CHECKS.required("clock", clock);
        if (batchSize < 1 || batchSize > 10_000) {
            throw CHECKS.invalid("batch size must be between 1 and 10000, was " + batchSize);
        }
        if (bufferCapacity < batchSize) {
            throw CHECKS.invalid("buffer capacity " + bufferCapacity + " is smaller than the batch size " + batchSize);
        }
        if (sealEvery < 1) {
            throw CHECKS.invalid("sealEvery must be positive, was " + sealEvery);
        }
        CHECKS.required("key cache TTL", keyCacheTtl);
        if (keyCacheTtl.isNegative()) {
            throw CHECKS.invalid("key cache TTL must not be negative");
        }
        origin = CHECKS.text("origin", origin, 200);
        if (origin.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw CHECKS.invalid("origin '" + origin + "' must not contain spaces, '+' or control characters");
        }
        CHECKS.required("retention", retention);
        if (retention.isNegative() || retention.isZero()) {
            throw CHECKS.invalid("retention must be positive, was " + retention);
        }
        witnesses = List.copyOf(CHECKS.required("witnesses", witnesses));
        CHECKS.required("transactions", transactions);
        if (witnessQuorum < 0 || witnessQuorum > witnesses.size()) {
            throw CHECKS.invalid("witness quorum " + witnessQuorum + " must be between 0 and the " + witnesses.size()
                    + " configured witness(es)");
        }
        schema = LibrarySchema.checked(schema, CHECKS::invalid);
    }

    /** The settings of version 0.2 without a schema: the connection's current schema. */
    public AuditConfig(AuditKeys keys, Clock clock, boolean migrate, int batchSize, int bufferCapacity,
                       int sealEvery, Duration keyCacheTtl, String origin, Duration retention,
                       Path stateDirectory, List<WitnessEndpoint> witnesses, int witnessQuorum,
                       Transactions transactions, boolean integrate) {
        this(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin, retention, stateDirectory,
                witnesses, witnessQuorum, transactions, integrate, null);
    }

    /**
     * Defaults: system UTC clock, migrations on, batches of 500, a buffer of 10,000, a seal every 1,000
     * events, 30 s key cache, origin {@value #DEFAULT_ORIGIN}, 365 days' retention, no state directory,
     * no witnesses.
     */
    public static AuditConfig of(AuditKeys keys) {
        return new AuditConfig(keys, Clock.systemUTC(), true, 500, 10_000, 1_000, Duration.ofSeconds(30),
                DEFAULT_ORIGIN, DEFAULT_RETENTION, null, List.of(), 0, Transactions.own(), true, null);
    }

    /** The same settings with another clock. */
    public AuditConfig withClock(Clock newClock) {
        return new AuditConfig(keys, newClock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /**
     * The same settings, leaving migrations to the host ({@link AuditSchema#migrate} or
     * {@link AuditSchema#scripts}): {@link AuditLog#create} then only checks the schema.
     */
    public AuditConfig withoutMigration() {
        return new AuditConfig(keys, clock, false, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings with another batch size and buffer capacity. */
    public AuditConfig withBatching(int newBatchSize, int newBufferCapacity) {
        return new AuditConfig(keys, clock, migrate, newBatchSize, newBufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings, sealing every {@code events} events. */
    public AuditConfig withSealEvery(int events) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, events, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings with another key cache lifetime. */
    public AuditConfig withKeyCacheTtl(Duration ttl) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, ttl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings with another origin (the log's name in its checkpoints). */
    public AuditConfig withOrigin(String newOrigin) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, newOrigin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings with another published retention period. */
    public AuditConfig withRetention(Duration newRetention) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                newRetention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings, keeping the newest signed checkpoint in {@code directory} (outside the database). */
    public AuditConfig withStateDirectory(Path directory) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, CHECKS.required("state directory", directory), witnesses, witnessQuorum, transactions, integrate, schema);
    }

    /** The same settings, submitting checkpoints to {@code newWitnesses}, of which {@code quorum} must cosign. */
    public AuditConfig withWitnesses(List<WitnessEndpoint> newWitnesses, int quorum) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, newWitnesses, quorum, transactions, integrate, schema);
    }

    /**
     * The same settings with another transaction binding: {@link Transactions#joining} makes
     * {@link AuditLog#append} and {@link AuditLog#eraseSubject} part of the caller's transaction.
     *
     * @since 0.2
     */
    public AuditConfig withTransactions(Transactions newTransactions) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, newTransactions, integrate, schema);
    }

    /**
     * The same settings for an instance that appends but does not integrate: its events wait in the
     * outbox for an instance that does (at least one per database must, or nothing reaches the
     * tree). For dedicated integrator nodes, and to measure appends alone.
     *
     * @since 0.2
     */
    public AuditConfig withoutIntegrator() {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, false, schema);
    }

    /**
     * The same settings with the log's tables in {@code newSchema} (created if missing). Every
     * statement names it, also the plain SQL of partitions, COPY and purges, and the integrator's
     * advisory lock is keyed by it, so the log works inside a caller's transaction whatever that
     * connection's current schema is. Null returns to the connection's current schema.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) if the name is not 1 to
     *         63 lower-case letters, digits and underscores, starting with a letter
     * @since 0.2
     */
    public AuditConfig withSchema(String newSchema) {
        return new AuditConfig(keys, clock, migrate, batchSize, bufferCapacity, sealEvery, keyCacheTtl, origin,
                retention, stateDirectory, witnesses, witnessQuorum, transactions, integrate, newSchema);
    }
}
