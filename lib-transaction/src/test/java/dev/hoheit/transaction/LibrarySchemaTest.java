package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.transaction.internal.LibrarySchema;
import dev.hoheit.transaction.internal.Platform;
import java.util.List;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SchemaImpl;
import org.jooq.impl.TableImpl;
import org.junit.jupiter.api.Test;

/** The shared part of a library's schema option: the name's check and the qualification of generated tables. */
class LibrarySchemaTest {

    /** A table as jOOQ's code generator makes it with {@code outputSchemaToDefault}: in the unnamed default schema. */
    private static final class GeneratedTable extends TableImpl<Record> {
        GeneratedTable() {
            super(DSL.name("consent_purpose"), new SchemaImpl(""));
        }
    }

    @Test
    void a_schema_qualifies_every_generated_table_and_none_leaves_it_unqualified() {
        Table<Record> table = new GeneratedTable();
        assertEquals("select * from hoheit.consent_purpose",
                DSL.using(SQLDialect.POSTGRES, LibrarySchema.settings("hoheit")).render(DSL.selectFrom(table)));
        assertEquals("select * from consent_purpose",
                DSL.using(SQLDialect.POSTGRES, LibrarySchema.settings(null)).render(DSL.selectFrom(table)));
        assertFalse(LibrarySchema.settings("hoheit").isExecuteLogging(), "bind values are personal data");
    }

    @Test
    void a_schema_name_must_be_a_plain_lower_case_identifier() {
        assertNull(LibrarySchema.checked(null, IllegalArgumentException::new));
        assertEquals("hoheit_2", LibrarySchema.checked("hoheit_2", IllegalArgumentException::new));
        for (String bad : List.of("", " ", "Hoheit", "_x", "9x", "a-b", "a.b", "a\"b", "x; drop table y", "a".repeat(64))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> LibrarySchema.checked(bad, IllegalArgumentException::new));
            assertTrue(refused.getMessage().contains("'" + bad + "'"), refused.getMessage());
        }
    }

    @Test
    void flyway_is_given_the_name_as_each_database_folds_it() {
        assertEquals("HOHEIT", LibrarySchema.forFlyway(Platform.Database.H2, "hoheit"));
        assertEquals("hoheit", LibrarySchema.forFlyway(Platform.Database.POSTGRESQL, "hoheit"));
        assertEquals("hoheit", LibrarySchema.forFlyway(Platform.Database.MARIADB, "hoheit"));
        assertEquals("hoheit.audit_entry", LibrarySchema.qualified("hoheit", "audit_entry"));
        assertEquals("audit_entry", LibrarySchema.qualified(null, "audit_entry"));
    }
}
