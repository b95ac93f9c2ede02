package dev.hoheit.retention.internal;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.retention.RetentionException.Problem;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import dev.hoheit.transaction.Transactions;
import dev.hoheit.transaction.internal.Platform;
import dev.hoheit.transaction.internal.TransactionRunner;
import dev.hoheit.transaction.internal.UtcInstantBinding;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The SQL behind {@code TableStore}: a plain table with a subject column and a time column. Every
 * statement is a single one (atomic by itself) and joins the caller's transaction when the store's
 * binding says so. A purge batch deletes at most {@code limit} rows in one statement, picked by the
 * cheapest row address the database has: {@code ctid} on a plain PostgreSQL table (page range by page
 * range, see {@link PageRanges}), the key on H2 and on a partitioned table; MariaDB deletes (or updates)
 * {@code ORDER BY time LIMIT n} directly. On MariaDB the time column is read as UTC.
 */
public final class JooqTableStore implements PersonalDataStore {

    /** The table's shape, as the builder collected and checked it. */
    public record Shape(String table, String store, String description, String subject, String time, String key,
                        String category, String categoryDescription, List<String> fields, String binary,
                        String binaryMediaType, List<String> anonymised) {
    }

    private final Shape shape;
    private final TransactionRunner runner;
    private final Platform.Database database;
    private final StoreDescriptor descriptor;
    private final Table<Record> table;
    private final Field<String> subject;
    private final Field<Instant> time;
    private final Field<Object> key;
    /** What ANONYMISE sets: every anonymised column to NULL. */
    private final Map<Field<?>, Object> cleared;
    /** Whether purge batches go by {@code ctid}; null until the first purge asks. */
    private volatile Boolean rowAddress;
    /** Where the next batch by {@code ctid} looks. */
    private final PageRanges pageRanges = new PageRanges();

    public JooqTableStore(DataSource dataSource, Transactions transactions, Shape shape) {
        this.shape = shape;
        this.database = RetentionLibrary.LIBRARY.database(dataSource);
        // The host's table, named as the host gave it (no schema mapping).
        this.runner = RetentionLibrary.LIBRARY.transactions(dataSource, transactions, null);
        this.table = DSL.table(DSL.name(shape.table().split("\\.")));
        this.subject = DSL.field(DSL.name(shape.subject()), SQLDataType.VARCHAR);
        // On MariaDB the time column (DATETIME or TIMESTAMP) is read as UTC, as the libraries' own columns are.
        this.time = DSL.field(DSL.name(shape.time()), SQLDataType.TIMESTAMPWITHTIMEZONE.asConvertedDataType(new UtcInstantBinding()));
        this.key = DSL.field(DSL.name(shape.key()));
        Map<Field<?>, Object> toNull = new LinkedHashMap<>();
        for (String column : shape.anonymised()) {
            toNull.put(DSL.field(DSL.name(column)), null);
        }
        this.cleared = java.util.Collections.unmodifiableMap(toNull);
        List<String> personal = new ArrayList<>(shape.fields());
        if (shape.binary() != null) {
            personal.add(shape.binary());
        }
        this.descriptor = new StoreDescriptor(shape.store(), shape.description(),
                List.of(new DataCategory(shape.category(), shape.categoryDescription(), personal, true)),
                List.of(shape.table().contains(".") ? shape.table().substring(shape.table().lastIndexOf('.') + 1) : shape.table()));
    }

    @Override
    public StoreDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long count(String subjectId) {
        return guard("count", () -> runner.read(ctx -> ctx.selectCount().from(table).where(subject.eq(subjectId))
                .fetchOne(0, Long.class)));
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        return guard("export", () -> runner.read(ctx -> {
            List<Field<?>> columns = new ArrayList<>();
            columns.add(key);
            for (String field : shape.fields()) {
                if (!field.equals(shape.key())) {
                    columns.add(DSL.field(DSL.name(field)));
                }
            }
            Field<byte[]> binary = shape.binary() == null ? null : DSL.field(DSL.name(shape.binary()), SQLDataType.VARBINARY);
            if (binary != null) {
                columns.add(binary);
            }
            long written = 0;
            try (Cursor<Record> rows = ctx.select(columns).from(table).where(subject.eq(subjectId)).orderBy(time, key).fetchLazy()) {
                for (Record row : rows) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (Field<?> column : columns) {
                        if (column != binary) {
                            fields.put(column.getName().toLowerCase(java.util.Locale.ROOT), exported(row.get(column)));
                        }
                    }
                    if (binary != null && row.get(binary) != null) {
                        String file = fileName(String.valueOf(row.get(key)));
                        fields.put(shape.binary().toLowerCase(java.util.Locale.ROOT), "files/" + shape.store() + "/" + file);
                        sink.file(file, shape.binaryMediaType(), new ByteArrayInputStream(row.get(binary)));
                    }
                    sink.record(fields);
                    written++;
                }
            }
            return written;
        }));
    }

    @Override
    public long erase(String subjectId) {
        return guard("erase", () -> (long) runner.writeStatement(ctx -> ctx.deleteFrom(table).where(subject.eq(subjectId)).execute()));
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (!category.equals(shape.category())) {
            return PurgeBatch.none();
        }
        if (action == RetentionAction.SHRED || (action == RetentionAction.ANONYMISE && shape.anonymised().isEmpty())) {
            throw new RetentionException(Problem.INVALID_CONFIGURATION, "store " + shape.store() + " cannot " + action
                    + " category " + category + ": a TableStore deletes rows, and anonymises only the columns given to"
                    + " anonymising(...)" + (action == RetentionAction.SHRED ? "; it keeps no per-record keys to destroy" : ""));
        }
        Condition due = due(cutoff, heldSubjects, action);
        if (database == Platform.Database.POSTGRESQL && guard("purge", () -> runner.read(this::byRowAddress))) {
            return purgeByPage(category, cutoff, action, heldSubjects, due, limit);
        }
        int affected = guard("purge", () -> runner.writeStatement(ctx -> {
            if (database == Platform.Database.MARIADB) {
                return purgeInOrder(ctx, due, action, limit);
            }
            return change(ctx, action, key.in(ctx.select(key).from(table).where(due).limit(limit)));
        }));
        return new PurgeBatch(affected, affected >= limit);
    }

    /**
     * One batch on a plain PostgreSQL table: the rows picked by {@code ctid} ({@code ctid = ANY(ARRAY(SELECT
     * ctid ... LIMIT n))}, a TID scan with no index lookup per row) within the page range {@link PageRanges}
     * gives, so a batch does not scan again what earlier batches deleted.
     */
    private PurgeBatch purgeByPage(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects,
                                   Condition due, int limit) {
        List<Object> task = List.of(category, cutoff, action, Set.copyOf(heldSubjects));
        PageRanges.Range range = pageRanges.next(task, limit, () -> guard("purge", () -> runner.read(this::tableSize)));
        Field<Object> ctid = DSL.field(DSL.name("ctid"));
        Condition inRange = range.from() == 0 ? DSL.noCondition() : DSL.condition("{0} >= {1}::tid", ctid, page(range.from()));
        if (range.to() >= 0) {
            inRange = inRange.and(DSL.condition("{0} < {1}::tid", ctid, page(range.to())));
        }
        Condition where = due.and(inRange);
        int affected = guard("purge", () -> runner.writeStatement(ctx -> change(ctx, action,
                DSL.condition("{0} = ANY(ARRAY({1}))", ctid, ctx.select(ctid).from(table).where(where).limit(limit)))));
        return new PurgeBatch(affected, pageRanges.done(task, range, affected, limit));
    }

    private int change(DSLContext ctx, RetentionAction action, Condition picked) {
        if (action == RetentionAction.DELETE) {
            return ctx.deleteFrom(table).where(picked).execute();
        }
        return ctx.update(table).set(cleared).where(picked).execute();
    }

    /** The first row address of a page, as a literal: the planner sees the range, whatever the plan cache does. */
    private static Field<String> page(long page) {
        return DSL.inline("(" + page + ",0)");
    }

    /** The table's pages now, and its rows per page as the last ANALYZE (or VACUUM) saw them (0: not known). */
    private PageRanges.TableSize tableSize(DSLContext ctx) {
        Record size = ctx.fetchOne("SELECT pg_relation_size(oid) / current_setting('block_size')::bigint, reltuples::float8,"
                + " relpages FROM pg_class WHERE oid = to_regclass({0})", DSL.inline(shape.table()));
        if (size == null) {
            // No such table: the batch's own statement fails and names the problem (SQLSTATE 42P01).
            return new PageRanges.TableSize(0, 0);
        }
        long pages = ((Number) size.get(0)).longValue();
        double tuples = ((Number) size.get(1)).doubleValue();
        long statPages = ((Number) size.get(2)).longValue();
        return new PageRanges.TableSize(pages, tuples > 0 && statPages > 0 ? tuples / statPages : 0);
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        if (!category.equals(shape.category())) {
            return Optional.empty();
        }
        Condition open = notHeld(heldSubjects).and(shape.anonymised().isEmpty() ? DSL.noCondition() : notAnonymised());
        return guard("find the oldest record", () -> runner.read(ctx -> Optional.ofNullable(
                ctx.select(DSL.min(time)).from(table).where(open).fetchOne(0, Instant.class))));
    }

    // ---- SQL pieces -------------------------------------------------------------------------

    private Condition due(Instant cutoff, Set<String> heldSubjects, RetentionAction action) {
        Condition due = time.lt(cutoff).and(notHeld(heldSubjects));
        return action == RetentionAction.ANONYMISE ? due.and(notAnonymised()) : due;
    }

    private Condition notHeld(Set<String> heldSubjects) {
        return heldSubjects.isEmpty() ? DSL.noCondition() : subject.notIn(heldSubjects);
    }

    private Condition notAnonymised() {
        return DSL.or(shape.anonymised().stream().map(column -> DSL.field(DSL.name(column)).isNotNull()).toList());
    }

    /**
     * One batch on MariaDB, which takes neither a {@code LIMIT} in an {@code IN} subquery nor a
     * subquery on the table it changes: {@code DELETE} (or {@code UPDATE}) {@code ... WHERE due ORDER BY
     * time LIMIT n}, oldest rows first, along the time column's index.
     */
    private int purgeInOrder(DSLContext ctx, Condition due, RetentionAction action, int limit) {
        if (action == RetentionAction.DELETE) {
            return ctx.deleteFrom(table).where(due).orderBy(time, key).limit(limit).execute();
        }
        return ctx.update(table).set(cleared).where(due).orderBy(time, key).limit(limit).execute();
    }

    /**
     * Whether batches are picked by {@code ctid}: on PostgreSQL, for a plain table. A {@code ctid} is unique
     * within one table only, not across a partitioned table's partitions, so those go by key. Looked up once.
     */
    private boolean byRowAddress(DSLContext ctx) {
        Boolean known = rowAddress;
        if (known == null) {
            known = database == Platform.Database.POSTGRESQL && !"p".equals(ctx.fetchValue(
                    "SELECT relkind::text FROM pg_class WHERE oid = to_regclass({0})", DSL.inline(shape.table())));
            rowAddress = known;
        }
        return known;
    }

    private Object exported(Object value) {
        if (value instanceof Timestamp timestamp) {
            // MariaDB has no time zone type: its DATETIMEs hold UTC here, whatever the JVM's zone.
            return database == Platform.Database.MARIADB
                    ? timestamp.toLocalDateTime().toInstant(java.time.ZoneOffset.UTC) : timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local && database == Platform.Database.MARIADB) {
            return local.toInstant(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Time clock) {
            return clock.toLocalTime();
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return value;
    }

    /** The export's file name for a row's binary column: its key (file-name safe) and an extension from the media type. */
    private String fileName(String keyValue) {
        String safe = keyValue.replaceAll("[^A-Za-z0-9._-]", "_");
        String type = shape.binaryMediaType();
        String extension = switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
        return safe + extension;
    }

    private <T> T guard(String operation, java.util.function.Supplier<T> work) {
        return RetentionLibrary.LIBRARY.guard(operation + " in store " + shape.store(), work);
    }
}
