package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.ForeignDatabase;
import dev.hoheit.testkit.TestDatabase;
import dev.hoheit.transaction.internal.Platform;
import java.util.List;
import java.util.Locale;
import org.jooq.SQLDialect;

/** Which database the libraries take a data source for, read from its JDBC metadata alone. */
class PlatformDatabaseTest {

    private static Platform.Database detect(javax.sql.DataSource dataSource) {
        return Platform.database(dataSource, "Hoheit test", IllegalArgumentException::new, IllegalStateException::new);
    }

    @DatabaseTest
    void each_tested_database_is_recognised_with_its_dialect(TestDatabase db) {
        Platform.Database database = detect(db.dataSource());
        assertEquals(db.kind().name(), database.name());
        assertEquals(switch (db.kind()) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        }, database.dialect());
        assertEquals(db.kind().name().toLowerCase(Locale.ROOT), database.folder());
    }

    @DatabaseTest
    void mysql_is_refused_before_any_statement_since_it_is_not_tested(TestDatabase db) {
        ForeignDatabase mysql = ForeignDatabase.posingAs(db.dataSource(), "MySQL", "8.4.3");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> detect(mysql));
        assertTrue(refused.getMessage().startsWith("Hoheit test supports H2 2.x, PostgreSQL 15 or newer and MariaDB 10.11 or newer, not MySQL 8.4.3"),
                refused.getMessage());
        assertEquals(List.of(), mysql.statements());
    }

    @DatabaseTest
    void a_mariadb_older_than_the_tested_one_is_refused(TestDatabase db) {
        ForeignDatabase old = ForeignDatabase.posingAs(db.dataSource(), "MariaDB", "10.6.18-MariaDB");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> detect(old));
        assertTrue(refused.getMessage().contains("MariaDB 10.11 or newer, not MariaDB 10.6.18-MariaDB"), refused.getMessage());
        assertEquals(List.of(), old.statements());
    }
}
