package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.Platform;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.flywaydb.core.Flyway;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Builds the jOOQ context for a data source and turns database failures into {@link ConsentException}s. */
final class Database {

    private Database() {
    }

    /**
     * The database behind {@code dataSource} if the library supports it and the jOOQ and Flyway on the
     * path are new enough; else {@link ConsentException.Problem#UNSUPPORTED_DATABASE} or
     * {@link ConsentException.Problem#INCOMPATIBLE_DEPENDENCY}, before any statement is run.
     */
    static Platform.Database supported(DataSource dataSource) {
        Platform.requireVersions("Hoheit consent", Flyway.class,
                message -> new ConsentException(ConsentException.Problem.INCOMPATIBLE_DEPENDENCY, message));
        return Platform.database(dataSource, "Hoheit consent",
                message -> new ConsentException(ConsentException.Problem.UNSUPPORTED_DATABASE, message),
                e -> new ConsentException(ConsentException.Problem.STORAGE, "Cannot connect to the consent database", e));
    }

    /** Runs the service's statements, each naming {@code schema} (null: the connection's current schema). */
    static TransactionRunner transactions(DataSource dataSource, Transactions transactions, String schema) {
        SQLDialect dialect = supported(dataSource).dialect();
        Settings settings = LibrarySchema.settings(schema);
        return new TransactionRunner(dataSource, transactions, c -> DSL.using(c, dialect, settings),
                DSL.using(dataSource, dialect, settings));
    }

    /** Runs {@code work}, translating a database failure into a {@link ConsentException}. */
    static <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw new ConsentException(ConsentException.Problem.STORAGE,
                    "Database failure while trying to " + operation + " (SQLSTATE " + e.sqlState() + ")", e);
        }
    }

    /** Whether a failure is a unique or foreign-key violation (a concurrent writer got there first). */
    static boolean isConstraintViolation(DataAccessException e) {
        String state = e.sqlState();
        return state != null && state.startsWith("23");
    }
}
