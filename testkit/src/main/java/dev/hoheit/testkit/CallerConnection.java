package dev.hoheit.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection in the caller's transaction that a library must not manage: {@code commit},
 * {@code rollback()}, {@code setAutoCommit} and {@code close} throw an {@link AssertionError} (and
 * are recorded, so a library that swallows the error still fails the test). Savepoints, statements
 * and everything else pass through to the real connection, which the test itself commits or rolls
 * back through {@link #real()}.
 */
public final class CallerConnection {

    private static final List<String> FORBIDDEN = List.of("commit", "rollback", "setAutoCommit", "close", "abort");

    private final Connection real;
    private final Connection guarded;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private CallerConnection(Connection real) {
        this.real = real;
        InvocationHandler handler = (proxy, method, args) -> invoke(method, args);
        this.guarded = (Connection) Proxy.newProxyInstance(CallerConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    /**
     * Opens a transaction on {@code real} (auto-commit off) and guards it.
     *
     * @param real a connection the test owns
     * @return the guard
     * @throws SQLException when auto-commit cannot be turned off
     */
    public static CallerConnection begin(Connection real) throws SQLException {
        real.setAutoCommit(false);
        return new CallerConnection(real);
    }

    /** The connection to hand to the library. */
    public Connection connection() {
        return guarded;
    }

    /** The real connection, for the test's own commit or rollback. */
    public Connection real() {
        return real;
    }

    /** What the library called that it must not have (empty when it behaved). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        boolean savepointRollback = method.getName().equals("rollback") && args != null && args.length == 1;
        if (FORBIDDEN.contains(method.getName()) && !savepointRollback) {
            violations.add(method.getName());
            throw new AssertionError("a library called " + method.getName() + " on the caller's connection");
        }
        if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
            // No unwrapping past the guard: the library would reach the real connection.
            if (method.getName().equals("isWrapperFor")) {
                return false;
            }
            throw new SQLException("the caller's connection does not unwrap");
        }
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
