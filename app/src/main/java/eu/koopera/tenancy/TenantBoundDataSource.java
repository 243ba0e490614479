package eu.koopera.tenancy;

import io.micronaut.core.propagation.PropagatedContext;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * The single place where tenancy meets the database.
 *
 * <p>Every connection checked out of the pool gets its {@code search_path} set to the schema of the
 * {@link CurrentTenant} in the propagated context, or to nothing at all when there is none, so that an unqualified
 * table name fails instead of reading some other tenant's rows. On release the {@code search_path} is cleared
 * again before the connection goes back to the pool. Micronaut Data JDBC and jOOQ both obtain their connections
 * here, so both land in the right schema. Shared tables are always qualified with {@code platform}.
 */
public final class TenantBoundDataSource implements DataSource {

    private static final String NO_SCHEMA = "";

    private final DataSource pool;

    public TenantBoundDataSource(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(pool.getConnection(username, password));
    }

    private Connection bind(Connection connection) throws SQLException {
        String schema = PropagatedContext.find()
                .flatMap(context -> context.find(CurrentTenant.class))
                .map(CurrentTenant::schema)
                .orElse(NO_SCHEMA);
        try {
            setSearchPath(connection, schema);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new UnbindOnClose(connection));
    }

    static void setSearchPath(Connection connection, String schema) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            statement.setString(1, schema.isEmpty() ? schema : '"' + schema + '"');
            statement.execute();
        }
        if (!autoCommit) {
            // set_config inside an open transaction would be undone by a rollback; make it stick.
            connection.commit();
        }
    }

    /** Clears the search_path before the physical connection returns to the pool. */
    private record UnbindOnClose(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    unbindAndClose();
                    return null;
                }
                case "unwrap" -> {
                    Class<?> type = (Class<?>) args[0];
                    return type.isInstance(target) ? target : target.unwrap(type);
                }
                case "isWrapperFor" -> {
                    Class<?> type = (Class<?>) args[0];
                    return type.isInstance(target) || target.isWrapperFor(type);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            }
        }

        private void unbindAndClose() throws SQLException {
            if (target.isClosed()) {
                return;
            }
            try {
                if (!target.getAutoCommit()) {
                    target.rollback();
                }
                setSearchPath(target, NO_SCHEMA);
            } catch (SQLException e) {
                // A connection whose schema cannot be cleared must never be reused.
                target.abort(Runnable::run);
                throw e;
            } finally {
                target.close();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool) || pool.isWrapperFor(type);
    }
}
