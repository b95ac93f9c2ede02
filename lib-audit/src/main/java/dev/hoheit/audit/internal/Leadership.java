package dev.hoheit.audit.internal;

import static dev.hoheit.audit.internal.jooq.Tables.AUDIT_INTEGRATOR_LEASE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Who integrates: one instance per database (per schema) at a time, the others stand by. Leadership
 * only saves work; correctness does not rest on it (the integrator's transaction locks the tree's
 * head and deletes what it integrates, so a second integrator at the same moment waits and finds
 * nothing left to do).
 */
abstract sealed class Leadership implements AutoCloseable {

    /**
     * Elects with the database's own means: a session lock on PostgreSQL (an advisory lock) and
     * MariaDB ({@code GET_LOCK}), a lease row elsewhere (H2).
     */
    static Leadership of(Database database) {
        // Keyed by the log's schema (the configured one, else the session's current one; on MariaDB its database).
        if (database.postgres()) {
            return new AdvisoryLock(database.dataSource(), database.schema(),
                    "SELECT pg_try_advisory_lock(hashtext('hoheit-audit-integrator'), hashtext(coalesce(?::text, current_schema())))",
                    "SELECT pg_advisory_unlock(hashtext('hoheit-audit-integrator'), hashtext(coalesce(?::text, current_schema())))");
        }
        if (database.mariadb()) {
            // Lock names are server-wide, so the name carries the database's; hashed, since MySQL allows
            // 64 characters. Timeout 0: taken now or not at all.
            return new AdvisoryLock(database.dataSource(), database.schema(),
                    "SELECT GET_LOCK(CONCAT('hoheit-audit-integrator-', MD5(coalesce(?, DATABASE()))), 0)",
                    "SELECT RELEASE_LOCK(CONCAT('hoheit-audit-integrator-', MD5(coalesce(?, DATABASE()))))");
        }
        return new Lease(database);
    }

    /** Tries to become (or stay) the integrator; false while another instance is. */
    abstract boolean lead();

    /** A connection to integrate on while leading, or null for one from the pool per batch. */
    abstract Connection connection();

    /** Steps down, so a standby takes over at once. */
    @Override
    public abstract void close();

    /**
     * PostgreSQL and MariaDB: a session lock (keyed by the schema or database), held on a connection of
     * its own: {@code pg_try_advisory_lock} or {@code GET_LOCK}. When the holding process dies its
     * connection closes and the server releases the lock, so a standby takes over at its next try,
     * without waiting for a lease to run out. The holder integrates on the same connection, so losing
     * the connection is losing the lead.
     */
    static final class AdvisoryLock extends Leadership {

        private final DataSource dataSource;
        private final String schema;
        private final String tryLock;
        private final String unlock;
        private Connection held;

        /**
         * {@code tryLock} answers true (1) when it took the lock; {@code unlock} releases it. Both take
         * the log's schema (null: the session's current one) as their one parameter.
         */
        AdvisoryLock(DataSource dataSource, String schema, String tryLock, String unlock) {
            this.dataSource = dataSource;
            this.schema = schema;
            this.tryLock = tryLock;
            this.unlock = unlock;
        }

        @Override
        boolean lead() {
            if (held != null) {
                try {
                    if (held.isValid(2)) {
                        return true;
                    }
                } catch (SQLException e) {
                    // fall through: the connection is gone, and with it the lock
                }
                close();
            }
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                try (PreparedStatement statement = connection.prepareStatement(tryLock)) {
                    statement.setString(1, schema);
                    try (ResultSet row = statement.executeQuery()) {
                        if (row.next() && row.getBoolean(1)) {
                            held = connection;
                            return true;
                        }
                    }
                }
                connection.close();
                return false;
            } catch (SQLException e) {
                closeQuietly(connection);
                return false;
            }
        }

        @Override
        Connection connection() {
            return held;
        }

        @Override
        public void close() {
            Connection connection = held;
            held = null;
            // Closing the session releases its session locks (a pool that keeps the session open
            // would keep the lock, so unlock explicitly first).
            if (connection != null) {
                try (PreparedStatement release = connection.prepareStatement(unlock)) {
                    release.setString(1, schema);
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                        connection.setAutoCommit(true);
                    }
                    release.execute();
                } catch (SQLException e) {
                    // The unlock failed: a pool would keep this session, and with it the lock, for
                    // good. Abort the physical connection, so the server ends the session and frees it.
                    try {
                        connection.abort(Runnable::run);
                    } catch (SQLException | RuntimeException ignored) {
                        // already gone: the server has released the lock
                    }
                }
                closeQuietly(connection);
            }
        }

        private static void closeQuietly(Connection connection) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // nothing more to release
                }
            }
        }
    }

    /**
     * Other databases: a lease row, taken when free or expired and renewed while integrating. Times
     * come from the machine's wall clock (not the log's clock, which tests fix), so a holder that
     * dies is replaced once its lease has run out.
     */
    static final class Lease extends Leadership {

        static final Duration TERM = Duration.ofSeconds(5);
        private static final Duration RENEW_AFTER = Duration.ofSeconds(1);

        private final DSLContext db;
        private final String holder = "integrator-" + UUID.randomUUID();
        private Instant renewed;

        Lease(Database database) {
            this.db = database.dsl();
        }

        @Override
        boolean lead() {
            Instant now = Instant.now();
            if (renewed != null && now.isBefore(renewed.plus(RENEW_AFTER))) {
                return true;
            }
            try {
                int taken = db.update(AUDIT_INTEGRATOR_LEASE)
                        .set(AUDIT_INTEGRATOR_LEASE.HOLDER, holder)
                        .set(AUDIT_INTEGRATOR_LEASE.EXPIRES_AT, now.plus(TERM))
                        .where(AUDIT_INTEGRATOR_LEASE.ID.eq(DSL.inline(1)))
                        .and(AUDIT_INTEGRATOR_LEASE.HOLDER.eq(holder).or(AUDIT_INTEGRATOR_LEASE.HOLDER.isNull())
                                .or(AUDIT_INTEGRATOR_LEASE.EXPIRES_AT.lt(now)))
                        .execute();
                renewed = taken == 1 ? now : null;
                return taken == 1;
            } catch (RuntimeException e) {
                renewed = null;
                return false;
            }
        }

        @Override
        Connection connection() {
            return null;
        }

        @Override
        public void close() {
            if (renewed == null) {
                return;
            }
            renewed = null;
            try {
                db.update(AUDIT_INTEGRATOR_LEASE)
                        .setNull(AUDIT_INTEGRATOR_LEASE.HOLDER)
                        .set(AUDIT_INTEGRATOR_LEASE.EXPIRES_AT, Instant.EPOCH)
                        .where(AUDIT_INTEGRATOR_LEASE.ID.eq(DSL.inline(1)).and(AUDIT_INTEGRATOR_LEASE.HOLDER.eq(holder)))
                        .execute();
            } catch (RuntimeException e) {
                // the lease runs out by itself
            }
        }
    }
}
