package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.testkit.DatabaseKind;
import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.internal.UtcInstantBinding;
import java.sql.Connection;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The libraries' instants survive the round trip on every database, and MariaDB stores them in UTC. */
class UtcInstantBindingTest {

    private static final Field<Instant> AT = DSL.field(DSL.name("at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE(6).asConvertedDataType(new UtcInstantBinding()));

    @DatabaseTest
    void an_instant_is_stored_as_utc_whatever_the_session_time_zone(TestDatabase db) throws Exception {
        boolean mariadb = db.kind() == DatabaseKind.MARIADB;
        db.update("CREATE TABLE moment (id INTEGER PRIMARY KEY, at " + (mariadb ? "DATETIME(6)" : "TIMESTAMP WITH TIME ZONE") + ")");
        Instant instant = Instant.parse("2026-03-29T01:30:00.123456Z");
        SQLDialect dialect = switch (db.kind()) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        };
        try (Connection connection = db.dataSource().getConnection()) {
            if (mariadb) {
                connection.createStatement().execute("SET time_zone = '+05:00'");
            }
            DSLContext ctx = DSL.using(connection, dialect, dev.hoheit.transaction.internal.JooqSettings.library());
            ctx.insertInto(DSL.table("moment")).columns(DSL.field("id", Integer.class), AT).values(1, instant).execute();
            ctx.insertInto(DSL.table("moment")).columns(DSL.field("id", Integer.class), AT).values(2, null).execute();
            assertEquals(instant, ctx.select(AT).from("moment").where("id = 1").fetchSingle(AT));
            assertEquals(1, ctx.fetchCount(DSL.selectFrom(DSL.table("moment")).where(AT.eq(instant))));
            assertEquals(null, ctx.select(AT).from("moment").where("id = 2").fetchSingle(AT));
        }
        if (mariadb) {
            assertEquals("2026-03-29 01:30:00.123456",
                    db.rows("SELECT CAST(at AS CHAR) AS at FROM moment WHERE id = 1").get(0).get("at"));
        }
    }
}
