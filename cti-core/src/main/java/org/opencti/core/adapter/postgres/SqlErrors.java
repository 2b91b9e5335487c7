package org.opencti.core.adapter.postgres;

import java.sql.SQLException;

/** Turns SQLExceptions into unchecked ones: the caller's mistakes into IllegalArgumentException, the rest wrapped. */
final class SqlErrors {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String CHECK_VIOLATION = "23514";
    static final String NOT_NULL_VIOLATION = "23502";
    static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

    private SqlErrors() {
    }

    /** A plain message for a refused value, or null when the failure is not about the values given. */
    static String refusal(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case UNIQUE_VIOLATION -> "duplicate value";
            case FOREIGN_KEY_VIOLATION -> "refers to a row that does not exist";
            case CHECK_VIOLATION, NOT_NULL_VIOLATION, CHARACTER_NOT_IN_REPERTOIRE -> "value refused by the database";
            default -> null;
        };
    }

    static RuntimeException translate(String doing, SQLException e) {
        String refusal = refusal(e);
        if (refusal != null) {
            return new IllegalArgumentException(doing + ": " + refusal + " (" + e.getMessage() + ")", e);
        }
        return new DatabaseException(doing + " failed: " + e.getMessage(), e);
    }
}
