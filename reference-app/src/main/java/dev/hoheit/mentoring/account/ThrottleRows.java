package dev.hoheit.mentoring.account;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * Creates a throttle's row when it is missing, before the throttle locks it with {@code SELECT … FOR
 * UPDATE} to count. On MariaDB an ignored duplicate ({@code INSERT IGNORE}) leaves a shared lock on the
 * existing row, and two transactions upgrading theirs to the exclusive lock deadlock; an upsert that
 * leaves the row as it is takes the exclusive lock at once, so parallel attempts wait in turn.
 */
final class ThrottleRows {

    private ThrottleRows() {
    }

    /** Runs {@code insert}, or, when its key exists, leaves that row unchanged ({@code unchanged} is set to itself). */
    static <R extends Record, T> void insertIfAbsent(DSLContext db, InsertSetMoreStep<R> insert, Field<T> unchanged) {
        if (db.family() == SQLDialect.MARIADB) {
            insert.onDuplicateKeyUpdate().set(unchanged, unchanged).execute();
        } else {
            insert.onDuplicateKeyIgnore().execute();
        }
    }
}
