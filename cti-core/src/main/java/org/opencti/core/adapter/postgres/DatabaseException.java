package org.opencti.core.adapter.postgres;

/** A database failure that is not the caller's fault (connection lost, timeout, server error). */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
