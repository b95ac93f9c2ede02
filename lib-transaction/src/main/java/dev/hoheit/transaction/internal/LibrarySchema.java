package dev.hoheit.transaction.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The schema a library keeps its tables in, shared by the three libraries: the name's check, the jOOQ
 * settings that qualify every statement with it, the name as Flyway must be given it, and the check
 * that the tables are there as the library needs them.
 *
 * <p>Null means the connection's current schema, as before there was a schema option: statements
 * stay unqualified. A name qualifies every statement, so a library joining a host's transaction on a
 * connection whose current schema is another one still writes to its own tables; nothing depends on
 * {@code search_path} or {@code SET SCHEMA}.
 */
public final class LibrarySchema {

    /**
     * Lower-case letters, digits and underscores, starting with a letter, at most 63 characters
     * (PostgreSQL's limit; MariaDB's is 64): a name that needs no quoting and folds the same way
     * everywhere.
     */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private LibrarySchema() {
    }

    /**
     * {@code schema} if it is a valid schema name, null if it is null; else the library's
     * exception, naming the bad value.
     */
    public static String checked(String schema, Function<String, RuntimeException> invalid) {
        if (schema == null) {
            return null;
        }
        if (!NAME.matcher(schema).matches()) {
            throw invalid.apply("schema '" + schema + "' must be 1 to 63 lower-case letters, digits and underscores,"
                    + " starting with a letter");
        }
        return schema;
    }

    /**
     * The library's jOOQ settings ({@link JooqSettings#library()}), rendering every table of the
     * generated code (which has no schema of its own) qualified with {@code schema}; with null, as
     * {@link JooqSettings#library()}.
     */
    public static Settings settings(String schema) {
        Settings settings = JooqSettings.library();
        if (schema == null) {
            return settings;
        }
        return settings.withRenderSchema(true)
                .withRenderMapping(new RenderMapping().withSchemata(new MappedSchema().withInput("").withOutput(schema)));
    }

    /** {@code table} qualified with {@code schema} for a plain SQL string, or {@code table} alone with null. */
    public static String qualified(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    /**
     * The name Flyway must be given for {@code schema}: Flyway quotes it, while the libraries' SQL
     * leaves it unquoted, which H2 folds to upper case and PostgreSQL to lower case (MariaDB keeps it).
     */
    public static String forFlyway(Platform.Database database, String schema) {
        return database == Platform.Database.H2 ? schema.toUpperCase(Locale.ROOT) : schema;
    }

    /**
     * What is missing from the tables the library's code reads and writes, as a list of problems
     * (empty when every table and column is there). Each table is read with all its columns and a
     * condition no row meets, so the check costs one empty query per table and holds whoever
     * migrated the schema: the library, or a host running the exported scripts in its own tool.
     */
    public static List<String> missing(DSLContext dsl, Collection<? extends Table<?>> tables) {
        List<String> problems = new ArrayList<>();
        for (Table<?> table : tables) {
            try {
                dsl.select(table.fields()).from(table).where(DSL.falseCondition()).fetch();
            } catch (DataAccessException e) {
                problems.add(table.getName() + " (SQLSTATE " + e.sqlState() + ")");
            }
        }
        return problems;
    }
}
