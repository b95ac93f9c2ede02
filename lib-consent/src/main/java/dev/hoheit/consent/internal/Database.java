package dev.hoheit.consent.internal;

import dev.hoheit.consent.ConsentException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.JooqSettings;
import dev.hoheit.transaction.internal.TransactionRunner;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.JDBCUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the jOOQ context for a data source and turns database failures into {@link ConsentException}s. */
final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private Database() {
    }

    static TransactionRunner transactions(DataSource dataSource, Transactions transactions) {
        SQLDialect dialect;
        try (Connection connection = dataSource.getConnection()) {
            dialect = JDBCUtils.dialect(connection);
        } catch (SQLException e) {
            throw new ConsentException(ConsentException.Problem.STORAGE, "Cannot connect to the consent database", e);
        }
        if (dialect.family() != SQLDialect.H2 && dialect.family() != SQLDialect.POSTGRES) {
            LOG.warn("Database dialect {} is not tested with Hoheit consent (H2 and PostgreSQL are)", dialect);
        }
        Settings settings = JooqSettings.library();
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
