package org.opencti.config;

import java.util.List;

/**
 * The agent-desktop HTTP and WebSocket listener.
 *
 * @param bindHost               interface to bind (default {@code 127.0.0.1}: put a TLS proxy in front to expose it)
 * @param port                   TCP port (default 8080)
 * @param allowedOrigins         browser origins ({@code https://desk.example.com}), lower case, allowed to open the WebSocket;
 *                               empty means same-origin only
 * @param maxWebSocketFrameBytes largest accepted WebSocket frame (default 65536)
 * @param tokenSecret            the secret every CTI node signs desktop tokens with (at least 32 bytes; normally from
 *                               {@code CTI_TOKEN_SECRET}), so a token from one node is valid on all; null: a random one per
 *                               start (one node; tokens die with it). Never printed.
 */
public record HttpConfig(String bindHost, int port, List<String> allowedOrigins, int maxWebSocketFrameBytes, String tokenSecret) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_WEBSOCKET_FRAME_BYTES = 65_536;

    /** The least a token secret may have, in bytes (UTF-8). */
    public static final int MIN_TOKEN_SECRET_BYTES = 32;

    public HttpConfig {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    /** Without a shared token secret: one node. */
    public HttpConfig(String bindHost, int port, List<String> allowedOrigins, int maxWebSocketFrameBytes) {
        this(bindHost, port, allowedOrigins, maxWebSocketFrameBytes, null);
    }

    @Override
    public String toString() {
        return "HttpConfig[bindHost=" + bindHost + ", port=" + port + ", allowedOrigins=" + allowedOrigins
                + ", maxWebSocketFrameBytes=" + maxWebSocketFrameBytes + ", tokenSecret=" + (tokenSecret == null ? null : Secrets.MASK)
                + "]";
    }
}
