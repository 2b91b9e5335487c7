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
 */
public record HttpConfig(String bindHost, int port, List<String> allowedOrigins, int maxWebSocketFrameBytes) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_WEBSOCKET_FRAME_BYTES = 65_536;

    public HttpConfig {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
