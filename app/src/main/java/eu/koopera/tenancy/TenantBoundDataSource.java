package eu.koopera.tenancy;

import io.micronaut.core.annotation.Nullable;

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
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The single place where tenancy meets the database.
 *
 * <p>A connection checked out while a {@link CurrentTenant} is bound carries that tenant for as long as it is
 * checked out. Before the first statement of each transaction on it, one statement sets {@code search_path} to the
 * tenant's schema and {@code koopera.tenant} to its code, both with {@code set_config(..., true)}: they live and
 * die with the transaction, so nothing has to be reset when the connection goes back to the pool, a rollback or a
 * connection that dies takes them along, and the scheme works behind PgBouncer in transaction mode. Work that
 * touches a tenant outside an explicit transaction runs in one implicit transaction for the whole checkout,
 * committed when the connection is released. A connection checked out with no tenant bound is left alone: its
 * session has an empty {@code search_path}, so an unqualified table name fails instead of reading some tenant's
 * rows, and {@code koopera.tenant} is unset, so row-level security shows it no association's shared rows.
 */
public final class TenantBoundDataSource implements DataSource {

    private static final String BIND = "SELECT set_config('search_path', ?, true), set_config('koopera.tenant', ?, true)";
    private static final Set<String> STATEMENTS = Set.of("createStatement", "prepareStatement", "prepareCall",
            "setSavepoint");

    private final DataSource pool;
    private final Supplier<Optional<CurrentTenant>> currentTenant;

    /**
     * @param pool          the connection pool
     * @param currentTenant the tenant the current work runs for, read at each checkout
     */
    public TenantBoundDataSource(DataSource pool, Supplier<Optional<CurrentTenant>> currentTenant) {
        this.pool = pool;
        this.currentTenant = currentTenant;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return bind(pool.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return bind(pool.getConnection(username, password));
    }

    private Connection bind(Connection connection) {
        CurrentTenant tenant = currentTenant.get().orElse(null);
        if (tenant == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new TenantConnection(connection, tenant));
    }

    /** A checked-out connection that binds each of its transactions to one tenant before the first statement. */
    private static final class TenantConnection implements InvocationHandler {

        private final Connection target;
        private final CurrentTenant tenant;
        private boolean boundInTransaction;
        private boolean implicitTransaction;

        TenantConnection(Connection target, CurrentTenant tenant) {
            this.target = target;
            this.tenant = tenant;
        }

        @Override
        public Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (STATEMENTS.contains(name)) {
                bindTransaction();
                return delegate(method, args);
            }
            switch (name) {
                case "commit", "rollback" -> {
                    Object result = delegate(method, args);
                    if (args == null || args.length == 0) {
                        boundInTransaction = false; // the transaction ended and took the settings along
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    Object result = delegate(method, args);
                    boundInTransaction = false; // switching auto-commit commits any open transaction
                    if (Boolean.TRUE.equals(args[0])) {
                        implicitTransaction = false;
                    }
                    return result;
                }
                case "setReadOnly", "setTransactionIsolation" -> {
                    if (implicitTransaction && boundInTransaction) {
                        // auto-commit work in an implicit transaction: end it where auto-commit would have, so
                        // that the next unit of work may set its own transaction properties
                        target.commit();
                        boundInTransaction = false;
                    }
                    return delegate(method, args);
                }
                case "close" -> {
                    release();
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
                case "toString" -> {
                    return "TenantConnection[" + tenant.code() + ", " + target + "]";
                }
                default -> {
                    return delegate(method, args);
                }
            }
        }

        private Object delegate(Method method, @Nullable Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void bindTransaction() throws SQLException {
            if (boundInTransaction) {
                return;
            }
            if (target.getAutoCommit()) {
                target.setAutoCommit(false);
                implicitTransaction = true;
            }
            try (PreparedStatement statement = target.prepareStatement(BIND)) {
                statement.setString(1, '"' + tenant.schema() + '"');
                statement.setString(2, tenant.code());
                statement.execute();
            }
            boundInTransaction = true;
        }

        private void release() throws SQLException {
            if (target.isClosed()) {
                return;
            }
            try {
                if (implicitTransaction) {
                    target.commit();
                    target.setAutoCommit(true);
                }
            } catch (SQLException e) {
                // Whatever went wrong, this connection's transaction state is unknown: never reuse it.
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
