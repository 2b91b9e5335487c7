package org.opencti.ivr.agi;

/**
 * Asterisk sent {@code HANGUP}: the caller is gone. The command in flight and every later command on the
 * session fail with this.
 */
public final class CallerHungUp extends AgiException {
    private static final long serialVersionUID = 1L;

    public CallerHungUp(String command) {
        super("caller hung up (command: " + command + ")");
    }
}
