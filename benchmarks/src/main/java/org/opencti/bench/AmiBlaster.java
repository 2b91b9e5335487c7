package org.opencti.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The load source for the AMI ingest benchmark: an AMI peer that logs a client in the way Asterisk 22
 * does, then writes a prepared block of event bytes as fast as the socket takes them. It starts
 * writing on the client's first Ping or CoreShowChannels, i.e. once the client is fully set up.
 */
final class AmiBlaster implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] payload;
    private final CompletableFuture<Long> startedNanos = new CompletableFuture<>();

    AmiBlaster(byte[] payload) throws IOException {
        this.payload = payload.clone();
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serveOne, "ami-blaster");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** System.nanoTime() when the first event byte was written. */
    CompletableFuture<Long> started() {
        return startedNanos;
    }

    private void serveOne() {
        try (Socket socket = server.accept()) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            write(out, "Asterisk Call Manager/11.0.0\r\n");
            Map<String, String> action;
            while ((action = readAction(in)) != null) {
                String name = action.getOrDefault("action", "").toLowerCase();
                String id = action.containsKey("actionid") ? "ActionID: " + action.get("actionid") + "\r\n" : "";
                switch (name) {
                    case "challenge" -> write(out, "Response: Success\r\n" + id + "Challenge: 840271563\r\n\r\n");
                    case "login" -> write(out, "Response: Success\r\n" + id + "Message: Authentication accepted\r\n\r\n"
                        + "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 100\r\nLastReload: 100\r\nStatus: Fully Booted\r\n\r\n");
                    case "coresettings" -> write(out, "Response: Success\r\n" + id
                        + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\nSystemName: \r\n\r\n");
                    case "command" -> write(out, "Response: Success\r\n" + id
                        + "Message: Command output follows\r\nOutput: Asterisk 22.10.1\r\n\r\n");
                    case "ping" -> {
                        write(out, "Response: Success\r\n" + id + "Ping: Pong\r\nTimestamp: 1795346160.000000\r\n\r\n");
                        blast(out);
                    }
                    case "coreshowchannels" -> {
                        write(out, "Response: Success\r\n" + id + "EventList: start\r\nMessage: Channels will follow\r\n\r\n"
                            + "Event: CoreShowChannelsComplete\r\n" + id + "EventList: Complete\r\nListItems: 0\r\n\r\n");
                        blast(out);
                    }
                    default -> write(out, "Response: Success\r\n" + id + "\r\n");
                }
            }
        } catch (IOException e) {
            startedNanos.completeExceptionally(e);
        }
    }

    private void blast(OutputStream out) throws IOException {
        if (startedNanos.isDone()) {
            return;
        }
        startedNanos.complete(System.nanoTime());
        out.write(payload);
        out.flush();
    }

    private static Map<String, String> readAction(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\r') {
                continue;
            }
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            if (line.length() == 0) {
                if (!headers.isEmpty()) {
                    return headers;
                }
                continue;
            }
            int colon = line.indexOf(":");
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
            }
            line.setLength(0);
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
