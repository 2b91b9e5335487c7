package org.opencti.dialer.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.opencti.core.adapter.postgres.DatabaseException;

/** The dialer's JDBC plumbing: one connection per call, a transaction where asked, errors named by what was being done. */
public final class Sql {
    private Sql() {
    }

    /** Work on one connection; may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T query(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws (anything). */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static RuntimeException failure(String what, SQLException e) {
        // unique, foreign-key and check violations come from bad input, not from a broken database
        if ("23505".equals(e.getSQLState()) || "23503".equals(e.getSQLState()) || "23514".equals(e.getSQLState())) {
            return new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        return new DatabaseException(what + ": " + e.getMessage(), e);
    }
}
