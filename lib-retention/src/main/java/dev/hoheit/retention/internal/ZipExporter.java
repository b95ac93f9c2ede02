package dev.hoheit.retention.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.hoheit.retention.ExportOptions;
import dev.hoheit.retention.ExportSummary;
import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a person's export as a ZIP, streaming: records go straight into {@code stores/<store>.json};
 * files and documents a store hands over while its JSON is open are spooled to a temporary file
 * and copied in right after, so memory never holds more than one buffer.
 */
final class ZipExporter {

    static final String FORMAT = "hoheit-export/1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private record Spooled(String entry, String mediaType, Path file, long size) {
    }

    private record StoreResult(PersonalDataStore store, long records, List<Spooled> files, ExportIndex.Store content) {
    }

    private final ExportOptions options;

    ZipExporter(ExportOptions options) {
        this.options = options;
    }

    ExportSummary export(String subjectId, List<PersonalDataStore> stores, Instant at, OutputStream out) {
        List<StoreResult> results = new ArrayList<>();
        int files = 0;
        long fileBytes = 0;
        try (ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        })) {
            for (PersonalDataStore store : stores) {
                StoreResult result = exportStore(subjectId, store, zip);
                results.add(result);
                for (Spooled spooled : result.files()) {
                    if (spooled.entry().startsWith("files/")) {
                        result.content().files.add(new String[] {spooled.entry(), spooled.mediaType()});
                    } else {
                        result.content().document(spooled.entry(), spooled.file()); // its lists become tables on the page
                    }
                    zip.putNextEntry(new ZipEntry(spooled.entry()));
                    Files.copy(spooled.file(), zip);
                    zip.closeEntry();
                    Files.deleteIfExists(spooled.file());
                    if (spooled.entry().startsWith("files/")) {
                        files++;
                        fileBytes += spooled.size();
                    }
                }
            }
            writeManifest(zip, subjectId, at, results);
            zip.putNextEntry(new ZipEntry("index.html"));
            new ExportIndex(options).write(zip, subjectId, at, results.stream().map(r -> new ExportIndex.Section(r.store().descriptor().name(),
                    r.store().descriptor().description(), r.records(), "stores/" + r.store().descriptor().name() + ".json", r.content())).toList());
            zip.closeEntry();
        } catch (IOException e) {
            throw new RetentionException(RetentionException.Problem.EXPORT, "writing the export failed", e);
        } finally {
            results.forEach(r -> r.files().forEach(s -> s.file().toFile().delete()));
            results.forEach(r -> r.content().close());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        results.forEach(r -> counts.put(r.store().descriptor().name(), r.records()));
        return new ExportSummary(counts, files, fileBytes);
    }

    private StoreResult exportStore(String subjectId, PersonalDataStore store, ZipOutputStream zip) throws IOException {
        String name = store.descriptor().name();
        List<Spooled> spooled = new ArrayList<>();
        ExportIndex.Store content = new ExportIndex.Store();
        zip.putNextEntry(new ZipEntry("stores/" + name + ".json"));
        long records;
        try (JsonGenerator json = JSON.getFactory().createGenerator(zip, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("store", name);
            json.writeStringField("description", store.descriptor().description());
            json.writeArrayFieldStart("categories");
            for (DataCategory category : store.descriptor().categories()) {
                json.writeStartObject();
                json.writeStringField("name", category.name());
                json.writeStringField("description", category.description());
                json.writeArrayFieldStart("fields");
                for (String field : category.fields()) {
                    json.writeString(field);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("records");
            records = store.export(subjectId, new Sink(json, name, spooled, content));
            json.writeEndArray();
            json.writeArrayFieldStart("documents");
            for (Spooled s : spooled) {
                if (s.entry().startsWith("stores/")) {
                    json.writeString(s.entry());
                }
            }
            json.writeEndArray();
            json.writeArrayFieldStart("files");
            for (Spooled s : spooled) {
                if (s.entry().startsWith("files/")) {
                    json.writeString(s.entry());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (UncheckedIOException e) {
            content.close();
            throw e.getCause();
        }
        zip.closeEntry();
        return new StoreResult(store, records, spooled, content);
    }

    /** The sink a store writes into; records stream, files and documents spool. */
    private static final class Sink implements ExportSink {
        private final JsonGenerator json;
        private final String store;
        private final List<Spooled> spooled;
        private final ExportIndex.Store content;

        Sink(JsonGenerator json, String store, List<Spooled> spooled, ExportIndex.Store content) {
            this.json = json;
            this.store = store;
            this.spooled = spooled;
            this.content = content;
        }

        @Override
        public void record(Map<String, ?> fields) {
            try {
                writeValue(json, fields);
                // The same record as a row of the readable page.
                TokenBuffer row = new TokenBuffer(JSON, false);
                writeValue(row, fields);
                try (JsonParser parser = row.asParser()) {
                    content.record(JSON.readTree(parser), store);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void file(String name, String mediaType, InputStream content) {
            requireSafe(name);
            spool("files/" + store + "/" + name, mediaType, out -> {
                try {
                    content.transferTo(out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public void document(String name, Consumer<OutputStream> writer) {
            requireSafe(name);
            spool("stores/" + store + "/" + name, "application/json", writer);
        }

        private void spool(String entry, String mediaType, Consumer<OutputStream> writer) {
            try {
                Path file = Files.createTempFile("hoheit-export", ".part");
                try (OutputStream out = Files.newOutputStream(file)) {
                    writer.accept(out);
                }
                spooled.add(new Spooled(entry, mediaType, file, Files.size(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void requireSafe(String name) {
            if (name == null || !SAFE_NAME.matcher(name).matches()) {
                throw new RetentionException(RetentionException.Problem.EXPORT, "unsafe file name in export: " + name);
            }
        }
    }

    /** Writes maps, lists, strings, numbers, booleans and java.time values (as ISO-8601 text). */
    static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Iterable<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof TemporalAccessor || value instanceof java.util.UUID) {
            json.writeString(value.toString());
        } else if (value instanceof Number || value instanceof Boolean || value instanceof CharSequence) {
            json.writeObject(value);
        } else {
            throw new RetentionException(RetentionException.Problem.EXPORT,
                    "an export record holds a " + value.getClass().getName() + "; use strings, numbers, booleans, times, lists or maps");
        }
    }

    private static void writeManifest(ZipOutputStream zip, String subjectId, Instant at, List<StoreResult> results) throws IOException {
        zip.putNextEntry(new ZipEntry("manifest.json"));
        try (JsonGenerator json = JSON.getFactory().createGenerator(zip, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("subjectId", subjectId);
            json.writeStringField("exportedAt", at.toString());
            json.writeStringField("statement", "Every store of personal data registered with this service is listed, "
                    + "including stores that hold nothing about you (records: 0).");
            json.writeArrayFieldStart("stores");
            for (StoreResult result : results) {
                json.writeStartObject();
                json.writeStringField("name", result.store().descriptor().name());
                json.writeStringField("description", result.store().descriptor().description());
                json.writeNumberField("records", result.records());
                json.writeStringField("data", "stores/" + result.store().descriptor().name() + ".json");
                json.writeArrayFieldStart("attachments");
                for (Spooled s : result.files()) {
                    json.writeStartObject();
                    json.writeStringField("path", s.entry());
                    json.writeStringField("mediaType", s.mediaType());
                    json.writeNumberField("bytes", s.size());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        zip.closeEntry();
    }
}
