package dev.hoheit.retention;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the readable page of an export ({@code index.html}) speaks to the person: in which language,
 * with which names for the ids it shows, and with which words for stores and fields. The JSON files
 * of the export are the same whatever the options.
 *
 * <pre>{@code
 * ExportOptions options = ExportOptions.in(Locale.GERMAN)
 *         .withNames(id -> accounts.find(id).map(Account::nickname))
 *         .withLabels(key -> Optional.ofNullable(myTexts.get(key)));
 * retention.exportSubject("mentee-42", zipOut, options);
 * }</pre>
 *
 * @param language the page's language; German ({@code de}) and English are built in, any other
 *     language gets the English texts
 * @param names a name to show instead of an id (an account's nickname), or empty to show the id;
 *     asked for the subject and for every text value in the tables, so it should answer quickly
 *     (and remember what it looked up)
 * @param labels the words for a store, a field or a value, in the page's language, by key:
 *     {@code store.<name>} (its title), {@code store.<name>.description}, {@code field.<name>}
 *     (a column or a record type, such as {@code field.createdAt}) and {@code value.<field>.<value>}
 *     (such as {@code value.kind.day}); empty keeps the library's own words
 * @since 0.2
 */
public record ExportOptions(Locale language, Function<String, Optional<String>> names, Function<String, Optional<String>> labels) {

    /** Checks that nothing is null. */
    public ExportOptions {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(labels, "labels");
    }

    /** English, ids as they are and the library's own words. */
    public static ExportOptions defaults() {
        return in(Locale.ENGLISH);
    }

    /** The page in {@code language}, ids as they are and the library's own words. */
    public static ExportOptions in(Locale language) {
        return new ExportOptions(language, id -> Optional.empty(), key -> Optional.empty());
    }

    /** The same options, showing {@code names} instead of ids. */
    public ExportOptions withNames(Function<String, Optional<String>> names) {
        return new ExportOptions(language, names, labels);
    }

    /** The same options, with {@code labels} for stores and fields. */
    public ExportOptions withLabels(Function<String, Optional<String>> labels) {
        return new ExportOptions(language, names, labels);
    }
}
