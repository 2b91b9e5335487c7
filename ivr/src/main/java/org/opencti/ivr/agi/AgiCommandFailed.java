package org.opencti.ivr.agi;

/**
 * Asterisk answered a command with something other than {@code 200}: {@code 510} invalid or unknown command,
 * {@code 511} not permitted on a dead channel, {@code 520} wrong usage (the usage text is in the reply's data).
 */
public final class AgiCommandFailed extends AgiException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final transient AgiReply reply;

    public AgiCommandFailed(String command, AgiReply reply) {
        super(describe(command, reply));
        this.command = command;
        this.reply = reply;
    }

    public String command() {
        return command;
    }

    public AgiReply reply() {
        return reply;
    }

    public int code() {
        return reply.code();
    }

    public boolean isInvalidCommand() {
        return reply.code() == AgiReply.INVALID_COMMAND;
    }

    public boolean isDeadChannel() {
        return reply.code() == AgiReply.DEAD_CHANNEL;
    }

    public boolean isUsageError() {
        return reply.code() == AgiReply.USAGE;
    }

    private static String describe(String command, AgiReply reply) {
        String what = switch (reply.code()) {
            case AgiReply.INVALID_COMMAND -> "invalid or unknown command";
            case AgiReply.DEAD_CHANNEL -> "not permitted on a dead channel";
            case AgiReply.USAGE -> "invalid command syntax";
            default -> "unexpected reply";
        };
        String text = reply.data() == null ? "" : reply.data();
        int newline = text.indexOf('\n');
        return "AGI " + reply.code() + " " + what + " for '" + command + "': " + (newline < 0 ? text : text.substring(0, newline));
    }
}
