package org.opencti.server;

/** {@code demo [--http-port N] [--call-every SECONDS]}. */
public record DemoOptions(int httpPort, int callEverySeconds) {
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_CALL_EVERY = 8;

    public DemoOptions {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("--http-port: " + httpPort + " is not a TCP port (0..65535)");
        }
        if (callEverySeconds < 1 || callEverySeconds > 3600) {
            throw new IllegalArgumentException("--call-every: " + callEverySeconds + " is outside 1..3600 seconds");
        }
    }

    /** args[0] is the command itself. */
    public static DemoOptions parse(String[] args) {
        int port = DEFAULT_HTTP_PORT;
        int every = DEFAULT_CALL_EVERY;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + ": a value is required");
            }
            String value = args[++i];
            switch (flag) {
                case "--http-port" -> port = number(flag, value);
                case "--call-every" -> every = number(flag, value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new DemoOptions(port, every);
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected a whole number, got \"" + value + "\"");
        }
    }
}
