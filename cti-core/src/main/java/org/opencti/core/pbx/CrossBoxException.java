package org.opencti.core.pbx;

/** An action that would need one Asterisk box to act on another's channel (a bridge across boxes): refused. */
public final class CrossBoxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CrossBoxException(String message) {
        super(message);
    }
}
