package dev.hoheit.retention;

import static dev.hoheit.retention.Arguments.CHECKS;

import dev.hoheit.retention.spi.PersonalDataStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Inspects database schemas for tables holding a subject identifier and checks that registered
 * stores cover each of them. A host's test suite runs it, so completeness holds by construction.
 *
 * <pre>{@code
 * CoverageCheck.of(dataSource).subjectColumns("account_id", "sender_id").check(retention.stores()).assertComplete();
 * }</pre>
 *
 * <p>By default it inspects the data source's current schema and names tables without schema. With
 * {@link #inSchemas} it inspects the schemas given (the host's, and the one Hoheit's libraries keep
 * their tables in, say) and names every table {@code schema.table}. A store's descriptor may name a
 * table {@code schema.table}, which covers that table alone, or just {@code table}, which covers the
 * table of that name in any schema inspected.
 *
 * @since 0.1
 */
public final class CoverageCheck {

    /** Column names that identify a person, checked by default. */
    public static final Set<String> DEFAULT_SUBJECT_COLUMNS = Set.of(
            "subject_id", "grantee_id", "actor_id", "user_id", "account_id", "person_id", "owner_id",
            "mentee_id", "mentor_id", "sender_id", "recipient_id", "employee_id", "created_by");

    private final DataSource dataSource;
    private final Set<String> subjectColumns;
    private final Set<String> ignoredTables;
    private final List<String> schemas;

    private CoverageCheck(DataSource dataSource, Set<String> subjectColumns, Set<String> ignoredTables, List<String> schemas) {
        this.dataSource = dataSource;
        this.subjectColumns = subjectColumns;
        this.ignoredTables = ignoredTables;
        this.schemas = schemas;
    }

    /** A check of the current schema of {@code dataSource} with the default subject columns. */
    public static CoverageCheck of(DataSource dataSource) {
        return new CoverageCheck(CHECKS.required("dataSource", dataSource), DEFAULT_SUBJECT_COLUMNS, Set.of(), List.of());
    }

    /** The same check, also treating these column names as subject identifiers. */
    public CoverageCheck subjectColumns(String... columns) {
        Set<String> more = new HashSet<>(subjectColumns);
        for (String column : columns) {
            more.add(column.toLowerCase(Locale.ROOT));
        }
        return new CoverageCheck(dataSource, Set.copyOf(more), ignoredTables, schemas);
    }

    /**
     * The same check, skipping these tables (each needs a reason in the caller's code: no personal
     * data); {@code schema.table} skips that table alone, {@code table} the table of that name in any
     * schema inspected.
     */
    public CoverageCheck ignoring(String... tables) {
        Set<String> more = new HashSet<>(ignoredTables);
        for (String table : tables) {
            more.add(table.toLowerCase(Locale.ROOT));
        }
        return new CoverageCheck(dataSource, subjectColumns, Set.copyOf(more), schemas);
    }

    /**
     * The same check over {@code schemaNames} instead of the current schema (on MariaDB, databases),
     * matched without regard to case; the report names every table {@code schema.table}, in lower
     * case.
     *
     * @throws RetentionException ({@link RetentionException.Problem#INVALID_ARGUMENT}) without a
     *         schema, or for a blank one; {@link #check} fails the same way for a schema that does not
     *         exist, so a misspelt name cannot pass as an empty schema
     * @since 0.2
     */
    public CoverageCheck inSchemas(String... schemaNames) {
        if (schemaNames == null || schemaNames.length == 0) {
            throw new RetentionException(RetentionException.Problem.INVALID_ARGUMENT, "inSchemas needs at least one schema");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String schema : schemaNames) {
            if (schema == null || schema.isBlank()) {
                throw new RetentionException(RetentionException.Problem.INVALID_ARGUMENT, "a schema to check must not be blank");
            }
            names.add(schema.strip().toLowerCase(Locale.ROOT));
        }
        return new CoverageCheck(dataSource, subjectColumns, ignoredTables, List.copyOf(names));
    }

    /** Inspects the schemas and compares them with what {@code stores} cover. */
    public CoverageReport check(List<PersonalDataStore> stores) {
        Set<String> covered = new HashSet<>();
        for (PersonalDataStore store : stores) {
            store.descriptor().tables().forEach(table -> covered.add(table.toLowerCase(Locale.ROOT)));
        }
        Map<String, List<String>> columnsByTable = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            // MariaDB's databases are JDBC catalogs; H2's and PostgreSQL's schemas are schemas.
            boolean catalogs = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mariadb");
            if (schemas.isEmpty()) {
                read(meta, connection.getCatalog(), connection.getSchema(), null, columnsByTable);
            } else {
                Map<String, String> stored = storedNames(meta, catalogs);
                for (String schema : schemas) {
                    String name = stored.get(schema);
                    if (name == null) {
                        throw new RetentionException(RetentionException.Problem.INVALID_ARGUMENT,
                                "schema " + schema + " to check does not exist (there are " + stored.keySet() + ")");
                    }
                    read(meta, catalogs ? name : connection.getCatalog(), catalogs ? null : name, schema, columnsByTable);
                }
            }
        } catch (SQLException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "cannot inspect the schema", e);
        }
        Map<String, List<String>> uncovered = new TreeMap<>();
        for (Map.Entry<String, List<String>> table : columnsByTable.entrySet()) {
            String name = table.getKey();
            if (matches(name, covered) || matches(name, ignoredTables) || isPartitionOfCovered(name, covered)) {
                continue;
            }
            List<String> subjects = table.getValue().stream().filter(subjectColumns::contains).toList();
            if (!subjects.isEmpty()) {
                uncovered.put(name, subjects);
            }
        }
        return new CoverageReport(List.copyOf(columnsByTable.keySet()), uncovered);
    }

    /** The tables of one schema with their columns, lower case, named {@code prefix.table} when a prefix is given. */
    private static void read(DatabaseMetaData meta, String catalog, String schema, String prefix,
                             Map<String, List<String>> columnsByTable) throws SQLException {
        String qualifier = prefix == null ? "" : prefix + ".";
        try (ResultSet tables = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
            while (tables.next()) {
                columnsByTable.put(qualifier + tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
            }
        }
        try (ResultSet columns = meta.getColumns(catalog, schema, "%", "%")) {
            while (columns.next()) {
                List<String> list = columnsByTable.get(qualifier + columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                if (list != null) {
                    list.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** Every schema (or catalog) of the database, by its lower-case name. */
    private static Map<String, String> storedNames(DatabaseMetaData meta, boolean catalogs) throws SQLException {
        Map<String, String> names = new TreeMap<>();
        try (ResultSet rows = catalogs ? meta.getCatalogs() : meta.getSchemas()) {
            while (rows.next()) {
                String name = rows.getString(catalogs ? "TABLE_CAT" : "TABLE_SCHEM");
                names.put(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return names;
    }

    /** Whether {@code table} ({@code t} or {@code s.t}) is in {@code names}, by its full name or by its name alone. */
    private static boolean matches(String table, Set<String> names) {
        return names.contains(table) || names.contains(table.substring(table.indexOf('.') + 1));
    }

    /** PostgreSQL partitions ({@code audit_event_p202611}) belong to their covered parent. */
    private static boolean isPartitionOfCovered(String table, Set<String> covered) {
        int cut = table.lastIndexOf("_p");
        return cut > 0 && table.substring(cut + 2).matches("\\d{6}") && matches(table.substring(0, cut), covered);
    }
}
