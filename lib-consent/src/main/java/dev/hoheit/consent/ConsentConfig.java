package dev.hoheit.consent;

import dev.hoheit.consent.internal.Checks;
import dev.hoheit.transaction.Transactions;
import java.time.Clock;

/**
 * Settings of a {@link ConsentService}. Start from {@link #of(Controller)}.
 *
 * @param controller the controller named on receipts
 * @param clock the clock every decision time and expiry check comes from
 * @param migrate whether {@link ConsentService#create} brings the schema up to date (turn off when
 *                the host runs {@link ConsentSchema} itself)
 * @param withdrawalHint how a subject withdraws, shown on receipts as the termination terms (R27)
 * @param serviceName the service consent is collected for, named on receipts (defaults to the controller's name)
 * @param transactions where decisions, grants, notices and erasures are written: in a transaction of
 *                     the service's own (the default), or in the caller's ({@link #withTransactions});
 *                     reads inside a joined transaction see its uncommitted writes
 * @since 0.1
 */
public record ConsentConfig(Controller controller, Clock clock, boolean migrate, String withdrawalHint, String serviceName,
                            Transactions transactions) {

    /** Validates the settings. */
    public ConsentConfig {
        Checks.required("controller", controller);
        Checks.required("clock", clock);
        withdrawalHint = Checks.text("withdrawal hint", withdrawalHint, 1000);
        serviceName = Checks.text("service name", serviceName, 200);
        Checks.required("transactions", transactions);
    }

    /** Defaults: the system UTC clock, migrations on, a generic withdrawal hint. */
    public static ConsentConfig of(Controller controller) {
        Checks.required("controller", controller);
        return new ConsentConfig(controller, Clock.systemUTC(), true,
                "Consent can be withdrawn at any time, as easily as it was given, in the account settings.",
                controller.name(), Transactions.own());
    }

    /** The same settings with another clock (tests travel in time with a fixed one). */
    public ConsentConfig withClock(Clock newClock) {
        return new ConsentConfig(controller, newClock, migrate, withdrawalHint, serviceName, transactions);
    }

    /** The same settings, leaving migrations to the host. */
    public ConsentConfig withoutMigration() {
        return new ConsentConfig(controller, clock, false, withdrawalHint, serviceName, transactions);
    }

    /** The same settings with another service name on receipts. */
    public ConsentConfig withServiceName(String name) {
        return new ConsentConfig(controller, clock, migrate, withdrawalHint, name, transactions);
    }

    /** The same settings with another withdrawal hint. */
    public ConsentConfig withWithdrawalHint(String hint) {
        return new ConsentConfig(controller, clock, migrate, hint, serviceName, transactions);
    }

    /**
     * The same settings with another transaction binding: {@link Transactions#joining} makes every
     * write part of the caller's transaction, so a host's rollback leaves no decision or grant behind.
     *
     * @since 0.2
     */
    public ConsentConfig withTransactions(Transactions newTransactions) {
        return new ConsentConfig(controller, clock, migrate, withdrawalHint, serviceName, newTransactions);
    }
}
