package org.opencti.ivr.agi;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Base of the failures an {@link AgiChannel} command can complete with. */
public class AgiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AgiException(String message) {
        super(message, null, false, false);
    }

    /**
     * True if {@code failure} (possibly wrapped in a {@link CompletionException}) means the caller is gone:
     * {@link CallerHungUp}, {@link AgiSessionClosed}, or a {@code 511} dead-channel reply. A script ends
     * quietly on these.
     */
    public static boolean isCallerGone(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof CallerHungUp || t instanceof AgiSessionClosed
                || t instanceof AgiCommandFailed f && f.isDeadChannel();
    }

    /** Strips {@link CompletionException} / {@link ExecutionException} wrappers. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
