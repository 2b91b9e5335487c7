package org.opencti.config;

/**
 * The Asterisk Manager Interface connection.
 *
 * @param host                AMI host (default {@code 127.0.0.1})
 * @param port                AMI port (default 5038)
 * @param username            the {@code [user]} section in Asterisk's {@code manager.conf}
 * @param secret              its {@code secret}; never printed
 * @param pingIntervalSeconds how often the link is probed with an AMI Ping (default 5)
 * @param pingTimeoutSeconds  how long a Ping may take before the link is declared dead and reconnected (default 3)
 * @param eventQueueCapacity  AMI events buffered between the socket reader and the state machine (default 100000)
 * @param hintContext         the dialplan context of the hints of phones dialled as {@code PJSIP/2001} (default
 *                            {@code agents}): where their state is asked (ExtensionState) after a box restarts
 */
public record AmiConfig(String host, int port, String username, String secret, int pingIntervalSeconds, int pingTimeoutSeconds,
                        int eventQueueCapacity, String hintContext) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5038;
    public static final int DEFAULT_PING_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_PING_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_EVENT_QUEUE_CAPACITY = 100_000;
    public static final String DEFAULT_HINT_CONTEXT = "agents";

    /** With the default hint context. */
    public AmiConfig(String host, int port, String username, String secret, int pingIntervalSeconds, int pingTimeoutSeconds,
                     int eventQueueCapacity) {
        this(host, port, username, secret, pingIntervalSeconds, pingTimeoutSeconds, eventQueueCapacity, DEFAULT_HINT_CONTEXT);
    }

    @Override
    public String toString() {
        return "AmiConfig[host=" + host + ", port=" + port + ", username=" + username + ", secret=" + Secrets.MASK
                + ", pingIntervalSeconds=" + pingIntervalSeconds + ", pingTimeoutSeconds=" + pingTimeoutSeconds
                + ", eventQueueCapacity=" + eventQueueCapacity + ", hintContext=" + hintContext + "]";
    }
}
