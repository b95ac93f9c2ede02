package dev.hoheit.benchmarks;

import dev.hoheit.retention.TableStore;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The retention-run benchmark's host store: short-lived rows ({@code <table>(id, owner_id, payload,
 * created_at)}, category {@code bench-visits}) declared as a {@link TableStore}, as a host would.
 */
final class ExpiringStore {

    static final String CATEGORY = "bench-visits";

    private ExpiringStore() {
    }

    /** Creates a table of this shape (primary key, index on the owner and on the time). */
    static void createTable(BenchDatabase db, String table) throws SQLException {
        db.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, owner_id VARCHAR(200) NOT NULL,"
                + " payload TEXT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        db.execute("CREATE INDEX " + table + "_owner_ix ON " + table + " (owner_id)");
        db.execute("CREATE INDEX " + table + "_created_ix ON " + table + " (created_at)");
    }

    /** The store over {@code table}, in the three lines the README shows. */
    static TableStore on(DataSource dataSource, String table) {
        return TableStore.table(dataSource, table)
                .subject("owner_id").time("created_at").category(CATEGORY, "Pages you visited (benchmark host store)")
                .fields("id", "payload", "created_at").named("bench-visits", "Pages you visited (benchmark host store)").build();
    }
}
