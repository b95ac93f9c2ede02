package dev.hoheit.retention.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.retention.ExportOptions;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The export's readable page, {@code index.html}: every store with its content as tables (a table
 * per record type, and one per list of a store's own JSON document), its files, and the consent
 * receipts, in the person's language (German or English) and with names instead of ids. Rows are
 * spooled to temporary files while the export streams, so memory holds one row at a time.
 */
final class ExportIndex {

    /** A consent receipt that a store hands over as a document is listed as a file to keep, not as a table. */
    static final String RECEIPT_PREFIX = "receipt-";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ID_LIKE = Pattern.compile("[A-Za-z0-9:_.-]{8,120}");

    private static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("title", "Alle über Sie gespeicherten Daten"),
            Map.entry("intro", "Export für {subject}, erstellt am {at}. Jeder Speicher mit personenbezogenen Daten ist aufgeführt,"
                    + " auch die, die nichts über Sie enthalten."),
            Map.entry("overview", "Übersicht"), Map.entry("store", "Speicher"), Map.entry("holds", "Was er enthält"),
            Map.entry("records", "Einträge"), Map.entry("none", "Keine Einträge."), Map.entry("files", "Dateien"),
            Map.entry("receipts", "Belege Ihrer Einwilligungen"),
            Map.entry("receiptsIntro", "Zu jeder Entscheidung ein Beleg im Format Kantara Consent Receipt v1.1 (JSON)."),
            Map.entry("GRANTED", "Einwilligung"), Map.entry("REFUSED", "Ablehnung"), Map.entry("WITHDRAWN", "Widerruf"),
            Map.entry("machine", "Maschinenlesbar (DSGVO Art. 20)"),
            Map.entry("manifest", "manifest.json listet dasselbe maschinenlesbar; jeder Speicher steht vollständig als JSON unter stores/."),
            Map.entry("yes", "ja"), Map.entry("no", "nein"), Map.entry("rows", "{count} Zeilen"), Map.entry("row", "1 Zeile"),
            Map.entry("picture", "Datei {name}"));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("title", "Everything stored about you"),
            Map.entry("intro", "Export for {subject}, made on {at}. Every store of personal data is listed,"
                    + " including those that hold nothing about you."),
            Map.entry("overview", "Overview"), Map.entry("store", "Store"), Map.entry("holds", "What it holds"),
            Map.entry("records", "Records"), Map.entry("none", "No records."), Map.entry("files", "Files"),
            Map.entry("receipts", "Receipts of your consents"),
            Map.entry("receiptsIntro", "A receipt for every decision, as a Kantara Consent Receipt v1.1 (JSON)."),
            Map.entry("GRANTED", "Consent"), Map.entry("REFUSED", "Refusal"), Map.entry("WITHDRAWN", "Withdrawal"),
            Map.entry("machine", "Machine-readable (GDPR Art. 20)"),
            Map.entry("manifest", "manifest.json lists the same in machine-readable form; every store is complete as JSON under stores/."),
            Map.entry("yes", "yes"), Map.entry("no", "no"), Map.entry("rows", "{count} rows"), Map.entry("row", "1 row"),
            Map.entry("picture", "File {name}"));

    /** One table of a store: its columns in first-seen order and its rows, one JSON object a line, in a temporary file. */
    static final class Table {
        final String name;
        final Set<String> columns = new LinkedHashSet<>();
        final Path file;
        final BufferedWriter out;
        long rows;

        Table(String name) throws IOException {
            this.name = name;
            this.file = Files.createTempFile("hoheit-export-table", ".jsonl");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }
    }

    /** What one store contributes to the page. */
    static final class Store implements AutoCloseable {
        final Map<String, Table> tables = new LinkedHashMap<>();
        final List<String[]> files = new ArrayList<>(); // entry, media type
        final List<String[]> receipts = new ArrayList<>(); // entry, label parts: purpose, choice, epoch seconds

        /** A record the store wrote: a row of the table of its {@code type} (or of the store's one table). */
        void record(JsonNode record, String storeName) throws IOException {
            JsonNode type = record.get("type");
            row(type != null && type.isTextual() ? type.asText() : storeName, record);
        }

        /** A document the store wrote: each list of objects in it is a table, named after its field. */
        void document(String entry, Path json) throws IOException {
            String name = entry.substring(entry.lastIndexOf('/') + 1);
            if (name.startsWith(RECEIPT_PREFIX)) {
                JsonNode receipt = JSON.readTree(json.toFile());
                JsonNode purpose = receipt.path("services").path(0).path("purposes").path(0).path("purpose");
                receipts.add(new String[] {entry, purpose.asText(""), receipt.path("hoheit").path("choice").asText(""),
                        receipt.path("consentTimestamp").asText("")});
                return;
            }
            try (JsonParser parser = JSON.getFactory().createParser(json.toFile())) {
                parser.setCodec(JSON);
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY) {
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode item = parser.readValueAsTree();
                            row(field, item.isObject() ? item : JSON.createObjectNode().set("value", item));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        }

        private void row(String tableName, JsonNode record) throws IOException {
            Table table = tables.get(tableName);
            if (table == null) {
                table = new Table(tableName);
                tables.put(tableName, table);
            }
            ObjectNode cells = JSON.createObjectNode();
            flatten("", record, cells, 0);
            for (Map.Entry<String, JsonNode> cell : cells.properties()) {
                table.columns.add(cell.getKey());
            }
            table.out.write(JSON.writeValueAsString(cells));
            table.out.newLine();
            table.rows++;
        }

        @Override
        public void close() {
            for (Table table : tables.values()) {
                try {
                    table.out.close();
                } catch (IOException e) {
                    // the file is deleted next anyway
                }
                table.file.toFile().delete();
            }
        }
    }

    /** Object fields become columns ({@code notice.version}); lists of values are joined; deeper lists stay JSON text. */
    private static void flatten(String prefix, JsonNode node, ObjectNode cells, int depth) {
        if (node.isObject() && depth < 2) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), cells, depth + 1);
            }
        } else if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                items.add(item.isValueNode() ? item.asText() : item.toString());
            }
            cells.put(prefix, String.join(allValues(node) ? ", " : "\n", items));
        } else if (node.isValueNode()) {
            cells.set(prefix, node);
        } else {
            cells.put(prefix, node.toString());
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private final ExportOptions options;
    private final Map<String, String> texts;
    private final DateTimeFormatter instants;
    private final DateTimeFormatter dates;
    private final Map<String, Optional<String>> names = new LinkedHashMap<>();

    ExportIndex(ExportOptions options) {
        this.options = options;
        boolean german = "de".equals(options.language().getLanguage());
        this.texts = german ? GERMAN : ENGLISH;
        this.instants = DateTimeFormatter.ofPattern(german ? "d.M.yyyy, HH:mm 'UTC'" : "d MMM yyyy, HH:mm 'UTC'",
                german ? Locale.GERMAN : Locale.ENGLISH).withZone(ZoneOffset.UTC);
        this.dates = DateTimeFormatter.ofPattern(german ? "d.M.yyyy" : "d MMM yyyy", german ? Locale.GERMAN : Locale.ENGLISH);
    }

    /** One store on the page: its name, description, record count, and what {@link Store} gathered. */
    record Section(String name, String description, long records, String data, Store content) {
    }

    void write(OutputStream zip, String subjectId, Instant at, List<Section> sections) throws IOException {
        Writer html = new BufferedWriter(new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8));
        html.write("<!DOCTYPE html>\n<html lang=\"" + (texts == GERMAN ? "de" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(text("title")) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}"
                + "table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}caption{text-align:left;font-weight:600}"
                + "td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}"
                + "td{white-space:pre-line;overflow-wrap:anywhere}.hint{color:#4a5563}img{max-width:16rem;height:auto}"
                + "section{margin-top:2rem}.scroll{overflow-x:auto}@media (prefers-color-scheme: dark){body{background:#15181c;color:#e6e9ed}"
                + "a{color:#8cc4ff}.hint{color:#b8c0ca}td,th{border-color:#5a6370}}</style>"
                + "</head><body>\n<h1>" + esc(text("title")) + "</h1>\n<p>"
                + esc(text("intro")).replace("{subject}", "<strong>" + esc(name(subjectId)) + "</strong>").replace("{at}", esc(instants.format(at)))
                + "</p>\n<h2>" + esc(text("overview")) + "</h2>\n<table><thead><tr><th>" + esc(text("store")) + "</th><th>"
                + esc(text("holds")) + "</th><th>" + esc(text("records")) + "</th></tr></thead><tbody>\n");
        for (Section section : sections) {
            html.write("<tr><td><a href=\"#store-" + esc(section.name()) + "\">" + esc(storeTitle(section)) + "</a></td><td>"
                    + esc(storeDescription(section)) + "</td><td>" + section.records() + "</td></tr>\n");
        }
        html.write("</tbody></table>\n");
        for (Section section : sections) {
            writeSection(html, section);
        }
        html.write("<p class=\"hint\">" + esc(text("manifest")) + "</p>\n</body></html>\n");
        html.flush();
    }

    private void writeSection(Writer html, Section section) throws IOException {
        Store content = section.content();
        html.write("<section id=\"store-" + esc(section.name()) + "\">\n<h2>" + esc(storeTitle(section)) + "</h2>\n<p>"
                + esc(storeDescription(section)) + "</p>\n");
        if (content.tables.isEmpty()) {
            html.write("<p>" + esc(text("none")) + "</p>\n");
        }
        for (Table table : content.tables.values()) {
            table.out.flush();
            // A store's one table is named after the store; a record type or a document's list after itself.
            String caption = table.name.equals(section.name()) ? storeTitle(section) : label("field." + table.name, table.name);
            html.write("<div class=\"scroll\"><table><caption>" + esc(caption) + " ("
                    + esc(table.rows == 1 ? text("row") : text("rows").replace("{count}", Long.toString(table.rows)))
                    + ")</caption><thead><tr>");
            for (String column : table.columns) {
                html.write("<th scope=\"col\">" + esc(label("field." + column, column)) + "</th>");
            }
            html.write("</tr></thead><tbody>\n");
            try (BufferedReader rows = Files.newBufferedReader(table.file, StandardCharsets.UTF_8)) {
                for (String line = rows.readLine(); line != null; line = rows.readLine()) {
                    JsonNode row = JSON.readTree(line);
                    html.write("<tr>");
                    for (String column : table.columns) {
                        html.write("<td>" + cell(column, row.get(column)) + "</td>");
                    }
                    html.write("</tr>\n");
                }
            }
            html.write("</tbody></table></div>\n");
        }
        if (!content.files.isEmpty()) {
            html.write("<h3>" + esc(text("files")) + "</h3>\n<ul>\n");
            for (String[] file : content.files) {
                String name = file[0].substring(file[0].lastIndexOf('/') + 1);
                String alt = text("picture").replace("{name}", name);
                html.write("<li><a href=\"" + esc(file[0]) + "\">" + (file[1].startsWith("image/")
                        ? "<img src=\"" + esc(file[0]) + "\" alt=\"" + esc(alt) + "\">" : esc(alt)) + "</a></li>\n");
            }
            html.write("</ul>\n");
        }
        if (!content.receipts.isEmpty()) {
            html.write("<h3>" + esc(text("receipts")) + "</h3>\n<p class=\"hint\">" + esc(text("receiptsIntro")) + "</p>\n<ul>\n");
            for (String[] receipt : content.receipts) {
                String when = receipt[3].matches("\\d{1,12}") ? instants.format(Instant.ofEpochSecond(Long.parseLong(receipt[3]))) : receipt[3];
                html.write("<li><a href=\"" + esc(receipt[0]) + "\">" + esc(texts.getOrDefault(receipt[2], receipt[2]) + ": " + receipt[1]
                        + ", " + when) + "</a></li>\n");
            }
            html.write("</ul>\n");
        }
        html.write("<p class=\"hint\">" + esc(text("machine")) + ": <a href=\"" + esc(section.data()) + "\">" + esc(section.data())
                + "</a></p>\n</section>\n");
    }

    /**
     * A cell: a name instead of an id, a date in the page's language, yes or no, a value in the host's
     * words ({@code value.<column>.<value>}); everything escaped.
     */
    private String cell(String column, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isBoolean()) {
            return esc(text(value.asBoolean() ? "yes" : "no"));
        }
        String text = value.asText();
        if (INSTANT.matcher(text).matches()) {
            try {
                return "<time datetime=\"" + esc(text) + "\">" + esc(instants.format(Instant.parse(text))) + "</time>";
            } catch (DateTimeParseException e) {
                return esc(text);
            }
        }
        if (DATE.matcher(text).matches()) {
            try {
                return "<time datetime=\"" + esc(text) + "\">" + esc(dates.format(java.time.LocalDate.parse(text))) + "</time>";
            } catch (DateTimeParseException e) {
                return esc(text);
            }
        }
        if (value.isTextual() && text.length() <= 40) {
            Optional<String> word = options.labels().apply("value." + column + "." + text);
            if (word.isPresent()) {
                return esc(word.get());
            }
        }
        if (value.isTextual() && ID_LIKE.matcher(text).matches()) {
            Optional<String> name = names.computeIfAbsent(text, options.names());
            if (name.isPresent()) {
                return "<span title=\"" + esc(text) + "\">" + esc(name.get()) + "</span>";
            }
        }
        return esc(text);
    }

    private String name(String id) {
        return names.computeIfAbsent(id, options.names()).orElse(id);
    }

    private String storeTitle(Section section) {
        return label("store." + section.name(), section.name());
    }

    private String storeDescription(Section section) {
        return label("store." + section.name() + ".description", section.description());
    }

    private String label(String key, String fallback) {
        return options.labels().apply(key).orElse(fallback);
    }

    private String text(String key) {
        return texts.get(key);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }

    /** The ZIP entry's stream, which the ZIP closes itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
