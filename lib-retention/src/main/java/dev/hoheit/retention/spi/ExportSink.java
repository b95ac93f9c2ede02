package dev.hoheit.retention.spi;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a store writes a person's data during an export. Everything streams straight into the ZIP:
 * nothing is collected in memory.
 *
 * @since 0.1
 */
public interface ExportSink {

    /**
     * One record, as field names and JSON-compatible values (strings, numbers, booleans, null,
     * {@code java.time} values, lists and maps of those). It lands in {@code stores/<store>.json}.
     */
    void record(Map<String, ?> fields);

    /**
     * A binary file (a picture), stored as {@code files/<store>/<name>}.
     *
     * @param name the file name (letters, digits, {@code . _ -})
     * @param mediaType its media type, such as {@code image/jpeg}
     * @param content the bytes; read to the end, not closed
     */
    void file(String name, String mediaType, InputStream content);

    /**
     * A whole JSON document the store writes itself, stored as {@code stores/<store>/<name>}
     * (lib-consent's and lib-audit's own export formats arrive this way).
     */
    void document(String name, Consumer<OutputStream> writer);
}
