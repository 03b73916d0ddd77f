package dev.hourglass.internal.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection that keeps its prepared statements: {@code prepareStatement(sql)} hands out the statement it prepared
 * for that SQL before, and closing it only clears it for the next use. The store's SQL is a few dozen fixed
 * statements run again and again on one connection, and SQLite compiles each statement anew when it is prepared.
 *
 * <p>The statements of the SQL used least recently are closed beyond {@value #MAX_STATEMENTS}; a statement still in
 * use when its SQL is prepared again (a loop over one query's rows that runs the same query) is not shared: the
 * second use gets a statement of its own, closed with it. Not thread-safe, like the connection it wraps.
 */
final class StatementCache implements InvocationHandler {

    static final int MAX_STATEMENTS = 64;

    private final Connection connection;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= MAX_STATEMENTS || eldest.getValue().inUse) {
                return false;
            }
            closeQuietly(eldest.getValue().statement);
            return true;
        }
    };

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, keeping its prepared statements; closing it closes them. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new StatementCache(connection));
    }

    /** A prepared statement and whether a caller holds it now. */
    private static final class Kept implements InvocationHandler {
        private final PreparedStatement statement;
        private final PreparedStatement handle;
        private boolean inUse;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.handle = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (inUse) {
                        inUse = false;
                        statement.clearParameters();
                        statement.clearBatch();
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse;
                }
                case "unwrap", "isWrapperFor" -> {
                    return delegate(statement, method, args);
                }
                default -> {
                    if (!inUse) {
                        throw new SQLException("statement used after it was closed");
                    }
                    return delegate(statement, method, args);
                }
            }
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args.length == 1) {
            return prepare((String) args[0]);
        }
        if (method.getName().equals("close")) {
            for (Kept statement : kept.values()) {
                closeQuietly(statement.statement);
            }
            kept.clear();
        }
        return delegate(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept statement = kept.get(sql);
        if (statement != null && statement.inUse) {
            return connection.prepareStatement(sql); // a second use at once: its own, closed by its caller
        }
        if (statement == null) {
            statement = new Kept(connection.prepareStatement(sql));
            kept.put(sql, statement);
        }
        statement.inUse = true;
        return statement.handle;
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // closing a statement frees its memory; an error there leaves nothing to do
        }
    }
}
