package dev.hoheit.consent;

import static dev.hoheit.consent.Arguments.CHECKS;

import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.LibrarySchema;
import java.time.Clock;

/**
 * Settings of a {@link ConsentService}. Start from {@link #of(Controller)}.
 *
 * @param controller the controller named on receipts
 * @param clock the clock every decision time and expiry check comes from
 * @param migrate whether {@link ConsentService#create} brings the schema up to date; when off
 *                ({@link #withoutMigration()}), it only checks that the tables are there as this
 *                version needs them, and fails with {@link ConsentException.Problem#SCHEMA_MISMATCH}
 *                if not (for hosts that run {@link ConsentSchema#scripts} or {@link ConsentSchema#migrate}
 *                themselves)
 * @param withdrawalHint how a subject withdraws, shown on receipts as the termination terms
 * @param serviceName the service consent is collected for, named on receipts (defaults to the controller's name)
 * @param transactions where decisions, grants, notices and erasures are written: in a transaction of
 *                     the service's own (the default), or in the caller's ({@link #withTransactions});
 *                     reads inside a joined transaction see its uncommitted writes
 * @param schema the schema that holds the library's tables and its Flyway history table, created
 *               if missing, and named in every statement; null (the default) for the connection's
 *               current schema. Lower-case letters, digits and underscores ({@link #withSchema})
 * @since 0.1
 */
public record ConsentConfig(Controller controller, Clock clock, boolean migrate, String withdrawalHint, String serviceName,
                            Transactions transactions, String schema) {

    /** Validates the settings. */
    public ConsentConfig {
        CHECKS.required("controller", controller);
        CHECKS.required("clock", clock);
        withdrawalHint = CHECKS.text("withdrawal hint", withdrawalHint, 1000);
        serviceName = CHECKS.text("service name", serviceName, 200);
        CHECKS.required("transactions", transactions);
        schema = LibrarySchema.checked(schema, CHECKS::invalid);
    }

    /** The settings of version 0.1 and 0.2 without a schema: the connection's current schema. */
    public ConsentConfig(Controller controller, Clock clock, boolean migrate, String withdrawalHint, String serviceName,
                         Transactions transactions) {
        this(controller, clock, migrate, withdrawalHint, serviceName, transactions, null);
    }

    /** Defaults: the system UTC clock, migrations on, a generic withdrawal hint. */
    public static ConsentConfig of(Controller controller) {
        CHECKS.required("controller", controller);
        return new ConsentConfig(controller, Clock.systemUTC(), true,
                "Consent can be withdrawn at any time, as easily as it was given, in the account settings.",
                controller.name(), Transactions.own(), null);
    }

    /** The same settings with another clock (tests travel in time with a fixed one). */
    public ConsentConfig withClock(Clock newClock) {
        return new ConsentConfig(controller, newClock, migrate, withdrawalHint, serviceName, transactions, schema);
    }

    /**
     * The same settings, leaving migrations to the host: {@link ConsentService#create} then only
     * checks the schema (see {@link #migrate()}).
     */
    public ConsentConfig withoutMigration() {
        return new ConsentConfig(controller, clock, false, withdrawalHint, serviceName, transactions, schema);
    }

    /** The same settings with another service name on receipts. */
    public ConsentConfig withServiceName(String name) {
        return new ConsentConfig(controller, clock, migrate, withdrawalHint, name, transactions, schema);
    }

    /** The same settings with another withdrawal hint. */
    public ConsentConfig withWithdrawalHint(String hint) {
        return new ConsentConfig(controller, clock, migrate, hint, serviceName, transactions, schema);
    }

    /**
     * The same settings with another transaction binding: {@link Transactions#joining} makes every
     * write part of the caller's transaction, so a host's rollback leaves no decision or grant behind.
     *
     * @since 0.2
     */
    public ConsentConfig withTransactions(Transactions newTransactions) {
        return new ConsentConfig(controller, clock, migrate, withdrawalHint, serviceName, newTransactions, schema);
    }

    /**
     * The same settings with the library's tables in {@code newSchema} (created if missing; on
     * MariaDB a schema is a database, so the login must be allowed to create it or it must exist).
     * Every statement names it, so the service works inside a caller's transaction whatever that
     * connection's current schema is. Null returns to the connection's current schema.
     *
     * @throws ConsentException ({@link ConsentException.Problem#INVALID_ARGUMENT}) if the name is not
     *         1 to 63 lower-case letters, digits and underscores, starting with a letter
     * @since 0.2
     */
    public ConsentConfig withSchema(String newSchema) {
        return new ConsentConfig(controller, clock, migrate, withdrawalHint, serviceName, transactions, newSchema);
    }
}
