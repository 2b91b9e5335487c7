package org.opencti.ivr.agi;

/** Asterisk sent something that is not an AGI reply; the session is closed. */
public final class AgiProtocolException extends AgiException {
    private static final long serialVersionUID = 1L;

    public AgiProtocolException(String message) {
        super(message);
    }
}
