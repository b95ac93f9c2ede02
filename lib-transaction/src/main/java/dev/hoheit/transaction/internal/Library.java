package dev.hoheit.transaction.internal;

import dev.hoheit.transaction.Transactions;
import java.sql.Connection;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/**
 * One Hoheit library as the shared plumbing sees it: its name for messages, how it makes its own
 * exception for each {@link Failure}, and the database set-up every library does alike (vendor and
 * version checks, jOOQ contexts, the transaction runner, database failures turned into its
 * exception). Each library holds one instance.
 */
public final class Library {

    /** Makes the library's exception for a failure (its {@code Problem} constant of the same name). */
    @FunctionalInterface
    public interface Failures {
        /** The exception; {@code cause} may be null. */
        RuntimeException create(Failure failure, String message, Throwable cause);
    }

    private final String topic;
    private final Class<?> anchor;
    private final Failures failures;
    private final Checks checks;

    /**
     * @param topic what the library keeps, for messages: {@code "consent"}, {@code "audit"}, {@code "retention"}
     * @param anchor a class of the library, whose class loader finds its migration scripts
     * @param failures makes the library's exceptions
     */
    public Library(String topic, Class<?> anchor, Failures failures) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.checks = new Checks(message -> failures.create(Failure.INVALID_ARGUMENT, message, null));
    }

    /** What the library keeps: {@code "consent"}, say. */
    public String topic() {
        return topic;
    }

    /** The library's name for messages: {@code "Hoheit consent"}, say. */
    public String name() {
        return "Hoheit " + topic;
    }

    /** A class of the library. */
    public Class<?> anchor() {
        return anchor;
    }

    /** The library's argument checks. */
    public Checks checks() {
        return checks;
    }

    /** The library's exception for {@code failure}. */
    public RuntimeException failure(Failure failure, String message) {
        return failures.create(failure, message, null);
    }

    /** The library's exception for {@code failure}, with its cause. */
    public RuntimeException failure(Failure failure, String message, Throwable cause) {
        return failures.create(failure, message, cause);
    }

    /**
     * The database behind {@code dataSource} if the libraries support it and the jOOQ and Flyway on
     * the path are new enough; else {@link Failure#UNSUPPORTED_DATABASE} or
     * {@link Failure#INCOMPATIBLE_DEPENDENCY}, before any statement is run.
     */
    public Platform.Database database(DataSource dataSource) {
        Platform.requireVersions(name(), Flyway.class, message -> failure(Failure.INCOMPATIBLE_DEPENDENCY, message));
        return Platform.database(dataSource, name(), message -> failure(Failure.UNSUPPORTED_DATABASE, message),
                e -> failure(Failure.STORAGE, "cannot connect to the " + topic + " database", e));
    }

    /**
     * The library's jOOQ contexts on a database: on the pool (each statement auto-committed) and on
     * one connection (statements join whatever transaction it is in), all naming the same schema.
     *
     * @param database the database they run on
     */
    public record Contexts(Platform.Database database, DSLContext pool, Function<Connection, DSLContext> onConnection) {
    }

    /** The jOOQ contexts whose statements name {@code schema} (null: each connection's current schema). */
    public Contexts contexts(DataSource dataSource, String schema) {
        Platform.Database database = database(dataSource);
        SQLDialect dialect = database.dialect();
        Settings settings = LibrarySchema.settings(schema);
        return new Contexts(database, DSL.using(dataSource, dialect, settings), c -> DSL.using(c, dialect, settings));
    }

    /** A jOOQ context on the pool whose statements name {@code schema} (null: each connection's current schema). */
    public DSLContext context(DataSource dataSource, String schema) {
        return contexts(dataSource, schema).pool();
    }

    /** Runs the library's statements as {@code transactions} says, each naming {@code schema} (null: the current one). */
    public TransactionRunner transactions(DataSource dataSource, Transactions transactions, String schema) {
        Contexts contexts = contexts(dataSource, schema);
        return new TransactionRunner(dataSource, transactions, contexts.onConnection(), contexts.pool());
    }

    /** Runs {@code work}, turning a database failure into the library's {@link Failure#STORAGE} exception. */
    public <T> T guard(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            throw failure(Failure.STORAGE, "database failure while trying to " + operation + " (SQLSTATE " + e.sqlState() + ")", e);
        }
    }

    /**
     * Whether a failure is a unique, foreign-key or check violation (SQLSTATE class 23): a concurrent
     * writer got there first, say. jOOQ throws {@link IntegrityConstraintViolationException} for it;
     * the state class covers a failure that came wrapped.
     */
    public static boolean isConstraintViolation(DataAccessException e) {
        return e instanceof IntegrityConstraintViolationException
                || e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION;
    }
}
