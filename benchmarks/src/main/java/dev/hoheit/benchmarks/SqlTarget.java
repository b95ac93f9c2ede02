package dev.hoheit.benchmarks;

import java.sql.SQLException;
import javax.sql.DataSource;

/** A benchmark's own database on one server (a PostgreSQL schema, a MariaDB database): a pool and one-line statements. */
interface SqlTarget {

    DataSource dataSource();

    /** Runs one statement in autocommit mode; returns the update count (or -1). */
    int execute(String sql) throws SQLException;

    /** The first column of the first row, as a number (0 for no row or SQL NULL). */
    long number(String sql) throws SQLException;

    /** The first column of the first row, as text (null for no row or SQL NULL). */
    String text(String sql) throws SQLException;
}
