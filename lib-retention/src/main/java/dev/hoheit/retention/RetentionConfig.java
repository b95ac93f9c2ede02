package dev.hoheit.retention;

import static dev.hoheit.retention.Arguments.CHECKS;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.LibrarySchema;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a {@link RetentionService}: the audit log it records into, the stores it covers, the
 * policies it applies. Start from {@link #of(AuditLog)}.
 *
 * @param audit the audit log runs, erasures and exports are recorded in
 * @param stores the registered stores (the service adds its own)
 * @param policies the retention policies, at most one per category
 * @param clock where "now" comes from
 * @param migrate whether {@link RetentionService#create} migrates the schema; when off
 *                ({@link #withoutMigration()}) it only checks that the retention tables are there as
 *                this version needs them, and fails with
 *                {@link RetentionException.Problem#SCHEMA_MISMATCH} if not
 * @param batchSize most records a store handles per purge call
 * @param transactions where the service's own writes run (holds, restrictions, erasure receipts, a
 *                     run's bookkeeping): in transactions of its own (the default) or in the
 *                     caller's ({@link #withTransactions})
 * @param schema the schema that holds the service's own tables and their Flyway history table, created
 *               if missing and named in every statement; null (the default) for the connection's
 *               current schema ({@link #withSchema})
 * @since 0.1
 */
public record RetentionConfig(AuditLog audit, List<PersonalDataStore> stores, List<RetentionPolicy> policies,
                              Clock clock, boolean migrate, int batchSize, Transactions transactions, String schema) {

    /**
     * Validates the settings: unique store names, one policy per category, every policy's category held
     * by a store, and purgeable in every store that holds it (a policy on records a store cannot purge
     * would promise a period nobody keeps).
     *
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) for a missing
     *         setting, a bad schema name or batch size; ({@link RetentionException.Problem#INVALID_CONFIGURATION})
     *         for stores and policies that contradict each other
     */
    public RetentionConfig {
        CHECKS.required("audit", audit);
        stores = CHECKS.list("stores", stores);
        policies = CHECKS.list("policies", policies);
        CHECKS.required("clock", clock);
        CHECKS.required("transactions", transactions);
        schema = LibrarySchema.checked(schema, CHECKS::invalid);
        if (batchSize < 1) {
            throw CHECKS.invalid("batch size must be positive, was " + batchSize);
        }
        Set<String> names = new HashSet<>();
        Set<String> categories = new HashSet<>();
        Map<String, String> notPurgeable = new HashMap<>();
        for (PersonalDataStore store : stores) {
            if (!names.add(store.descriptor().name())) {
                throw invalid("two stores are named " + store.descriptor().name());
            }
            store.descriptor().categories().forEach(category -> {
                categories.add(category.name());
                if (!category.purgeable()) {
                    notPurgeable.putIfAbsent(category.name(), store.descriptor().name());
                }
            });
        }
        Set<String> withPolicy = new HashSet<>();
        for (RetentionPolicy policy : policies) {
            if (!withPolicy.add(policy.category())) {
                throw invalid("two policies for category " + policy.category());
            }
            if (!categories.contains(policy.category())) {
                throw invalid("policy for category " + policy.category() + ", which no registered store holds");
            }
            if (notPurgeable.containsKey(policy.category())) {
                throw invalid("policy for category " + policy.category() + ", which store " + notPurgeable.get(policy.category())
                        + " holds but cannot purge (its DataCategory is not purgeable): the promised period would not be kept");
            }
        }
    }

    /** The settings of versions 0.1 and 0.2 without a schema: the connection's current schema. */
    public RetentionConfig(AuditLog audit, List<PersonalDataStore> stores, List<RetentionPolicy> policies,
                           Clock clock, boolean migrate, int batchSize, Transactions transactions) {
        this(audit, stores, policies, clock, migrate, batchSize, transactions, null);
    }

    /**
     * The batch size of {@link #of}: a purge call handles at most this many records. 10,000 rows are one
     * short statement; smaller batches spend more on the statements and commits than on the rows.
     * @since 0.2
     */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    /** No stores or policies yet; the system clock; migrations on; batches of {@value #DEFAULT_BATCH_SIZE}. */
    public static RetentionConfig of(AuditLog audit) {
        return new RetentionConfig(audit, List.of(), List.of(), Clock.systemUTC(), true, DEFAULT_BATCH_SIZE, Transactions.own(), null);
    }

    /** The same settings with one more store. */
    public RetentionConfig withStore(PersonalDataStore store) {
        List<PersonalDataStore> more = new ArrayList<>(stores);
        more.add(CHECKS.required("store", store));
        return new RetentionConfig(audit, more, policies, clock, migrate, batchSize, transactions, schema);
    }

    /** The same settings with one more policy. */
    public RetentionConfig withPolicy(RetentionPolicy policy) {
        List<RetentionPolicy> more = new ArrayList<>(policies);
        more.add(CHECKS.required("policy", policy));
        return new RetentionConfig(audit, stores, more, clock, migrate, batchSize, transactions, schema);
    }

    /** The same settings with another clock. */
    public RetentionConfig withClock(Clock newClock) {
        return new RetentionConfig(audit, stores, policies, newClock, migrate, batchSize, transactions, schema);
    }

    /**
     * The same settings, leaving migrations to the host ({@link RetentionSchema}):
     * {@link RetentionService#create} then only checks the schema (see {@link #migrate()}).
     */
    public RetentionConfig withoutMigration() {
        return new RetentionConfig(audit, stores, policies, clock, false, batchSize, transactions, schema);
    }

    /** The same settings with another purge batch size. */
    public RetentionConfig withBatchSize(int size) {
        return new RetentionConfig(audit, stores, policies, clock, migrate, size, transactions, schema);
    }

    /** A useful default interval for {@link RetentionService#startScheduler}. */
    public static Duration dailyInterval() {
        return Duration.ofDays(1);
    }

    private static RetentionException invalid(String message) {
        return new RetentionException(RetentionException.Problem.INVALID_CONFIGURATION, message);
    }

    /**
     * The same settings with another transaction binding. With {@link Transactions#joining} the
     * service's writes join the caller's transaction; give the audit log (and consent service) the
     * same binding so their records commit or roll back together.
     *
     * @since 0.2
     */
    public RetentionConfig withTransactions(Transactions newTransactions) {
        return new RetentionConfig(audit, stores, policies, clock, migrate, batchSize, newTransactions, schema);
    }

    /**
     * The same settings with the service's own tables in {@code newSchema} (created if missing; on
     * MariaDB a schema is a database, so the login must be allowed to create it or it must exist).
     * Every statement names it, so the service works inside a caller's transaction whatever that
     * connection's current schema is. The host's stores keep their own tables wherever they are; null
     * returns to the connection's current schema.
     *
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) if the name is
     *         not 1 to 63 lower-case letters, digits and underscores, starting with a letter
     * @since 0.2
     */
    public RetentionConfig withSchema(String newSchema) {
        return new RetentionConfig(audit, stores, policies, clock, migrate, batchSize, transactions, newSchema);
    }
}
