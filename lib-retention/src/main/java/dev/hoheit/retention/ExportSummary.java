package dev.hoheit.retention;

import java.util.Map;

/**
 * What an export wrote: the record count of every registered store (0 included) and the files.
 *
 * @param recordsPerStore records per store, every registered store listed
 * @param files how many binary files were written
 * @param fileBytes how many bytes of files were written
 * @since 0.1
 */
public record ExportSummary(Map<String, Long> recordsPerStore, int files, long fileBytes) {

    /** Copies the map. */
    public ExportSummary {
        recordsPerStore = Map.copyOf(recordsPerStore);
    }
}
