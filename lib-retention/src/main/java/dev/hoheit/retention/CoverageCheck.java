package dev.hoheit.retention;

import dev.hoheit.retention.spi.PersonalDataStore;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Inspects a database schema for tables holding a subject identifier and checks that registered
 * stores cover each of them. A host's test suite runs it, so completeness holds by construction (R10).
 *
 * <pre>{@code
 * CoverageCheck.of(dataSource).subjectColumns("account_id", "sender_id").check(retention.stores()).assertComplete();
 * }</pre>
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

    private CoverageCheck(DataSource dataSource, Set<String> subjectColumns, Set<String> ignoredTables) {
        this.dataSource = dataSource;
        this.subjectColumns = subjectColumns;
        this.ignoredTables = ignoredTables;
    }

    /** A check of the current schema of {@code dataSource} with the default subject columns. */
    public static CoverageCheck of(DataSource dataSource) {
        return new CoverageCheck(Objects.requireNonNull(dataSource, "dataSource"), DEFAULT_SUBJECT_COLUMNS, Set.of());
    }

    /** The same check, also treating these column names as subject identifiers. */
    public CoverageCheck subjectColumns(String... columns) {
        Set<String> more = new HashSet<>(subjectColumns);
        for (String column : columns) {
            more.add(column.toLowerCase(Locale.ROOT));
        }
        return new CoverageCheck(dataSource, Set.copyOf(more), ignoredTables);
    }

    /** The same check, skipping these tables (each needs a reason in the caller's code: no personal data). */
    public CoverageCheck ignoring(String... tables) {
        Set<String> more = new HashSet<>(ignoredTables);
        for (String table : tables) {
            more.add(table.toLowerCase(Locale.ROOT));
        }
        return new CoverageCheck(dataSource, subjectColumns, Set.copyOf(more));
    }

    /** Inspects the schema and compares it with what {@code stores} cover. */
    public CoverageReport check(List<PersonalDataStore> stores) {
        Set<String> covered = new HashSet<>();
        for (PersonalDataStore store : stores) {
            covered.addAll(store.descriptor().tables());
        }
        Map<String, List<String>> columnsByTable = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            try (ResultSet tables = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
                while (tables.next()) {
                    columnsByTable.put(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT), new ArrayList<>());
                }
            }
            try (ResultSet columns = meta.getColumns(connection.getCatalog(), schema, "%", "%")) {
                while (columns.next()) {
                    List<String> list = columnsByTable.get(columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    if (list != null) {
                        list.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (SQLException e) {
            throw new RetentionException(RetentionException.Problem.STORAGE, "cannot inspect the schema", e);
        }
        Map<String, List<String>> uncovered = new TreeMap<>();
        for (Map.Entry<String, List<String>> table : columnsByTable.entrySet()) {
            String name = table.getKey();
            if (covered.contains(name) || ignoredTables.contains(name) || isPartitionOfCovered(name, covered)) {
                continue;
            }
            List<String> subjects = table.getValue().stream().filter(subjectColumns::contains).toList();
            if (!subjects.isEmpty()) {
                uncovered.put(name, subjects);
            }
        }
        return new CoverageReport(List.copyOf(columnsByTable.keySet()), uncovered);
    }

    /** PostgreSQL partitions ({@code audit_event_p202611}) belong to their covered parent. */
    private static boolean isPartitionOfCovered(String table, Set<String> covered) {
        int cut = table.lastIndexOf("_p");
        return cut > 0 && table.substring(cut + 2).matches("\\d{6}") && covered.contains(table.substring(0, cut));
    }
}
