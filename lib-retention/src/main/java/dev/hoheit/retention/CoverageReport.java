package dev.hoheit.retention;

import java.util.List;
import java.util.Map;

/**
 * The result of a {@link CoverageCheck}: tables that hold a subject-identifier column but no
 * registered store covers.
 *
 * @param checkedTables every table inspected, lower case
 * @param uncovered uncovered tables, each with the subject columns found in it
 * @since 0.1
 */
public record CoverageReport(List<String> checkedTables, Map<String, List<String>> uncovered) {

    /** Copies. */
    public CoverageReport {
        checkedTables = List.copyOf(checkedTables);
        uncovered = Map.copyOf(uncovered);
    }

    /** Whether every table of personal data is covered. */
    public boolean complete() {
        return uncovered.isEmpty();
    }

    /**
     * Fails unless coverage is complete: call it from a test, so a new table of personal data cannot
     * be added without export and erasure.
     *
     * @throws AssertionError naming every uncovered table and its subject columns
     */
    public void assertComplete() {
        if (!complete()) {
            throw new AssertionError("Tables with personal data that no registered store covers "
                    + "(add them to a PersonalDataStore's descriptor): " + new java.util.TreeMap<>(uncovered));
        }
    }
}
