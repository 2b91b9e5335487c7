package org.opencti.core.queuelog;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource in front of a real one that a test can switch: up, down (every getConnection fails as if
 * PostgreSQL were unreachable), losing the next commit's acknowledgement (the commit takes effect, then the
 * connection fails), or hanging in getConnection until released.
 */
public final class SwitchableDataSource implements DataSource {
    public enum Mode { UP, DOWN, LOSE_NEXT_COMMIT_ACK, HANG }

    private final DataSource real;
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.UP);
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lostAcks = new AtomicInteger();
    private final CountDownLatch hanging = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    public SwitchableDataSource(DataSource real) {
        this.real = real;
    }

    public void set(Mode next) {
        mode.set(next);
    }

    /** getConnection calls refused while down. */
    public int refused() {
        return refused.get();
    }

    /** Commits that took effect and were then reported as failed. */
    public int lostAcks() {
        return lostAcks.get();
    }

    /** Waits until a caller is stuck in getConnection (mode HANG). */
    boolean awaitHanging(long seconds) throws InterruptedException {
        return hanging.await(seconds, TimeUnit.SECONDS);
    }

    /** Lets hanging callers go on (to the real DataSource). */
    public void releaseHanging() {
        release.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
        switch (mode.get()) {
            case DOWN -> {
                refused.incrementAndGet();
                throw new SQLException("Connection to 127.0.0.1:5432 refused (switched off by the test)", "08001");
            }
            case HANG -> {
                hanging.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while hanging", "08001", e);
                }
                return real.getConnection();
            }
            case LOSE_NEXT_COMMIT_ACK -> {
                return losingCommitAck(real.getConnection());
            }
            default -> {
                return real.getConnection();
            }
        }
    }

    /** The connection, except that its next commit is carried out and then reported as a lost connection. */
    private Connection losingCommitAck(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getName().equals("commit") && mode.compareAndSet(Mode.LOSE_NEXT_COMMIT_ACK, Mode.UP)) {
                    lostAcks.incrementAndGet();
                    throw new SQLException("An I/O error occurred while sending to the backend (by the test)", "08006");
                }
                return result;
            });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("not used by the queue log");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return real.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        real.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        real.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return real.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return real.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return real.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return real.isWrapperFor(type);
    }
}
