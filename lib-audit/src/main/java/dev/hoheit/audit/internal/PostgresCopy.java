package dev.hoheit.audit.internal;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code COPY ... FROM STDIN} through pgjdbc's {@code CopyManager}, reached by reflection so that
 * lib-audit needs no compile-time dependency on the driver and works wherever the driver lives
 * (module path, class path, a pool's proxy). Without pgjdbc, {@link #on} is empty and the caller
 * falls back to multi-row INSERTs.
 */
final class PostgresCopy {

    private static final HexFormat HEX = HexFormat.of();

    private final Object copyManager;
    private final Method copyIn;

    private PostgresCopy(Object copyManager, Method copyIn) {
        this.copyManager = copyManager;
        this.copyIn = copyIn;
    }

    /** COPY on {@code connection}, when it is (or wraps) a pgjdbc connection. */
    static Optional<PostgresCopy> on(Connection connection) {
        try {
            Class<?> pgConnection = driverClass(connection, "org.postgresql.PGConnection");
            if (pgConnection == null || !connection.isWrapperFor(pgConnection)) {
                return Optional.empty();
            }
            Object pg = connection.unwrap(pgConnection);
            Object manager = pgConnection.getMethod("getCopyAPI").invoke(pg);
            return Optional.of(new PostgresCopy(manager, manager.getClass().getMethod("copyIn", String.class, Reader.class)));
        } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Class<?> driverClass(Connection connection, String name) {
        for (ClassLoader loader : new ClassLoader[] {connection.getClass().getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                // try the next loader
            }
        }
        return null;
    }

    /** Copies {@code data} (text format) into {@code table (columns)}; returns the rows copied. */
    long copy(String table, String columns, CharSequence data) throws SQLException {
        try {
            return (Long) copyIn.invoke(copyManager, "COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(data.toString()));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("COPY failed: " + e.getCause(), "58000", e.getCause());
        } catch (IllegalAccessException e) {
            throw new SQLException("COPY is not reachable: " + e, "58000", e);
        }
    }

    // ---- The text format: tab-separated, \N for NULL, backslash escapes ---------------------

    static void text(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    static void bytes(StringBuilder out, byte[] value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        out.append("\\\\x");
        HEX.formatHex(out, value);
    }

    static void time(StringBuilder out, Instant value) {
        out.append(value.toString());
    }
}
