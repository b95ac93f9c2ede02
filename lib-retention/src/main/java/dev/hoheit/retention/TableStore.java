package dev.hoheit.retention;

import static dev.hoheit.retention.Arguments.CHECKS;

import dev.hoheit.retention.RetentionException.Problem;
import dev.hoheit.retention.internal.JooqTableStore;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import dev.hoheit.transaction.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link PersonalDataStore} for a plain table, declared instead of written: which column names the
 * person, which one the time, what category the rows are and which columns an export shows.
 *
 * <pre>{@code
 * PersonalDataStore notes = TableStore.table(dataSource, "notes")
 *         .subject("owner_id").time("created_at").category("notes", "notes the person wrote")
 *         .fields("id", "text", "created_at").build();
 * }</pre>
 *
 * <p>What it generates:
 * <ul>
 *   <li>{@link #count}: the rows whose subject column is the person; {@link #export} writes exactly
 *       those rows (so the export manifest's count and the records agree), oldest first, with the
 *       {@linkplain Builder#fields fields} and, if {@linkplain Builder#binary given}, the binary column as
 *       a file beside them;</li>
 *   <li>{@link #erase}: one {@code DELETE} of the person's rows;</li>
 *   <li>{@link #purge}: {@link RetentionAction#DELETE} deletes rows older than the cutoff, in batches of
 *       at most {@code limit} rows, one statement each (on a plain PostgreSQL table picked by {@code ctid}
 *       in the pages after the previous batch, then once over the whole table, so rows that turn up behind
 *       the batches are still caught; on MariaDB {@code DELETE ... ORDER BY time LIMIT n}; on H2 and on a
 *       partitioned PostgreSQL table by the key); {@link RetentionAction#ANONYMISE} sets the {@linkplain Builder#anonymising anonymised
 *       columns} to {@code NULL} and keeps the row. An action the store cannot do (SHRED, or ANONYMISE
 *       without anonymised columns) fails the step with {@link Problem#INVALID_CONFIGURATION}; it is never
 *       skipped silently. Rows of held subjects are left alone;</li>
 *   <li>{@link #oldest}: the oldest row retention has not handled yet (for an anonymising store, the
 *       oldest row not yet anonymised), which the auditor's check compares with the policy.</li>
 * </ul>
 *
 * <p>The time column must be a {@code TIMESTAMP WITH TIME ZONE}. An index on it keeps purges fast; the
 * subject column should be indexed for exports and erasures. Table and column names are checked (letters,
 * digits, {@code _}, optionally {@code schema.table}) and rendered unquoted, like the libraries' own tables.
 * Every statement is atomic by itself and runs in the binding's transaction
 * ({@link Builder#withTransactions}; by default each statement commits by itself).
 *
 * @since 0.2
 */
public final class TableStore implements PersonalDataStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final JooqTableStore store;

    private TableStore(JooqTableStore store) {
        this.store = store;
    }

    /** Starts the declaration of a store for {@code table} (optionally {@code schema.table}) on {@code dataSource}. */
    public static Builder table(DataSource dataSource, String table) {
        if (dataSource == null) {
            throw CHECKS.invalid("dataSource must not be null");
        }
        if (table == null || table.split("\\.", -1).length > 2
                || !java.util.Arrays.stream(table.split("\\.", -1)).allMatch(part -> NAME.matcher(part).matches())) {
            throw CHECKS.invalid("table '" + table + "' must be a name of letters, digits and _ (optionally schema.table)");
        }
        return new Builder(dataSource, table);
    }

    @Override
    public StoreDescriptor descriptor() {
        return store.descriptor();
    }

    @Override
    public long count(String subjectId) {
        return store.count(subject(subjectId));
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        if (sink == null) {
            throw CHECKS.invalid("sink must not be null");
        }
        return store.export(subject(subjectId), sink);
    }

    @Override
    public long erase(String subjectId) {
        return store.erase(subject(subjectId));
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (category == null || cutoff == null || action == null || heldSubjects == null || limit < 1) {
            throw CHECKS.invalid("purge needs a category, a cutoff, an action, the held subjects (maybe none) and a limit of at least 1");
        }
        return store.purge(category, cutoff, action, heldSubjects, limit);
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        if (category == null || heldSubjects == null) {
            throw CHECKS.invalid("oldest needs a category and the held subjects (maybe none)");
        }
        return store.oldest(category, heldSubjects);
    }

    private static String subject(String subjectId) {
        if (subjectId == null || subjectId.isBlank()) {
            throw CHECKS.invalid("subject id must not be blank");
        }
        return subjectId;
    }


    /**
     * The declaration of a {@link TableStore}. {@link #subject}, {@link #time}, {@link #category} and
     * {@link #fields} are required; the rest have defaults.
     */
    public static final class Builder {

        private final DataSource dataSource;
        private final String table;
        private String store;
        private String description;
        private String subject;
        private String time;
        private String key = "id";
        private String category;
        private String categoryDescription;
        private List<String> fields = List.of();
        private String binary;
        private String binaryMediaType;
        private List<String> anonymised = List.of();
        private Transactions transactions = Transactions.own();

        private Builder(DataSource dataSource, String table) {
            this.dataSource = dataSource;
            this.table = table;
        }

        /** The column that holds the person's id (required). */
        public Builder subject(String column) {
            this.subject = column(column);
            return this;
        }

        /** The column whose time retention counts from, a {@code TIMESTAMP WITH TIME ZONE} (required). */
        public Builder time(String column) {
            this.time = column(column);
            return this;
        }

        /** The row's unique key (default {@code id}); it orders the export and names exported files. */
        public Builder key(String column) {
            this.key = column(column);
            return this;
        }

        /** The category of personal data the rows are, the name retention policies use (required). */
        public Builder category(String name, String categoryDescription) {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*") || categoryDescription == null || categoryDescription.isBlank()) {
                throw CHECKS.invalid("category needs a name of lower-case letters, digits and - and a description in plain words");
            }
            this.category = name;
            this.categoryDescription = categoryDescription;
            return this;
        }

        /** The columns an export shows, in this order (required; the key is always shown). */
        public Builder fields(String... columns) {
            if (columns == null || columns.length == 0) {
                throw CHECKS.invalid("fields needs at least one column");
            }
            List<String> checked = new ArrayList<>();
            for (String column : columns) {
                checked.add(column(column));
            }
            this.fields = List.copyOf(checked);
            return this;
        }

        /** A binary column (a picture) exported as a file of {@code mediaType}, such as {@code image/jpeg}. */
        public Builder binary(String column, String mediaType) {
            if (mediaType == null || !mediaType.matches("[a-z]+/[a-z0-9.+-]+")) {
                throw CHECKS.invalid("binary needs a media type such as image/jpeg, not '" + mediaType + "'");
            }
            this.binary = column(column);
            this.binaryMediaType = mediaType;
            return this;
        }

        /** The columns an ANONYMISE policy sets to {@code NULL} (nullable personal columns, such as an IP address). */
        public Builder anonymising(String... columns) {
            List<String> checked = new ArrayList<>();
            for (String column : columns == null ? new String[0] : columns) {
                checked.add(column(column));
            }
            if (checked.isEmpty()) {
                throw CHECKS.invalid("anonymising needs at least one column");
            }
            this.anonymised = List.copyOf(checked);
            return this;
        }

        /** The store's name in exports and reports (default: the table name, {@code _} as {@code -}) and what it holds. */
        public Builder named(String storeName, String storeDescription) {
            if (storeName == null || !storeName.matches("[a-z0-9][a-z0-9-]*") || storeDescription == null || storeDescription.isBlank()) {
                throw CHECKS.invalid("a store name is lower-case letters, digits and -, and needs a description");
            }
            this.store = storeName;
            this.description = storeDescription;
            return this;
        }

        /** Runs the store's statements in the caller's transaction ({@link Transactions#joining}) or its own (default). */
        public Builder withTransactions(Transactions binding) {
            if (binding == null) {
                throw CHECKS.invalid("transactions must not be null");
            }
            this.transactions = binding;
            return this;
        }

        /**
         * The store. Fails with {@link Problem#INVALID_ARGUMENT} when a required part is missing, and with
         * {@link Problem#UNSUPPORTED_DATABASE} on a database the libraries do not support.
         */
        public TableStore build() {
            if (subject == null || time == null || category == null || fields.isEmpty()) {
                throw CHECKS.invalid("a TableStore needs subject(...), time(...), category(...) and fields(...)");
            }
            String plain = table.substring(table.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            String name = store != null ? store : plain.replace('_', '-').replaceAll("^-+", "");
            String what = description != null ? description : categoryDescription;
            return new TableStore(new JooqTableStore(dataSource, transactions, new JooqTableStore.Shape(table, name, what,
                    subject, time, key, category, categoryDescription, fields, binary, binaryMediaType, anonymised)));
        }

        private static String column(String column) {
            if (column == null || !NAME.matcher(column).matches()) {
                throw CHECKS.invalid("column '" + column + "' must be a name of letters, digits and _");
            }
            return column;
        }
    }
}
