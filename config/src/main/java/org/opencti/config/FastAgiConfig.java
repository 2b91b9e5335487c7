package org.opencti.config;

/**
 * Where the FastAGI server listens for the dialplan's {@code AGI(agi://...)} calls.
 *
 * @param bindHost interface to bind (default {@code 0.0.0.0}, because Asterisk usually runs on another host or container)
 * @param port     TCP port (default 4573, the FastAGI convention)
 */
public record FastAgiConfig(String bindHost, int port) {

    public static final String DEFAULT_BIND_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 4573;
}
