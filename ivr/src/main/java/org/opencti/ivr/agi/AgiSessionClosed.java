package org.opencti.ivr.agi;

/** The FastAGI connection closed (or could not be written) before the command got its reply. */
public final class AgiSessionClosed extends AgiException {
    private static final long serialVersionUID = 1L;

    public AgiSessionClosed(String command) {
        super("FastAGI session closed (command: " + command + ")");
    }
}
