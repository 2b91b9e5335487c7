package org.opencti.core.adapter.ami;

/** An AMI action failed: Asterisk answered Error, the link dropped, or it could not be sent. */
public final class AmiActionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AmiActionException(String message) {
        super(message);
    }

    public AmiActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
