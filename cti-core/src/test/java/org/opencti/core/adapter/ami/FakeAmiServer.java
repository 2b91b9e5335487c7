package org.opencti.core.adapter.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A test-only AMI peer: speaks just enough AMI for Asterisk-Java's login (Challenge/MD5, CoreSettings),
 * answers actions like Asterisk 22 does, and writes captured event bytes verbatim. After it answers
 * the first CoreShowChannels of a connection it writes the {@code replay} messages.
 */
final class FakeAmiServer implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<String> actionsSeen = new CopyOnWriteArrayList<>();
    private volatile byte[] fullyBooted = loginFullyBooted(1);
    private volatile List<byte[]> replay = List.of();
    private volatile List<String> channelItems = List.of();
    private volatile boolean mute;
    private volatile byte[] lateFullyBooted;
    private volatile Function<Map<String, String>, List<String>> originateEvents = action -> List.of();

    FakeAmiServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void replayAfterResync(List<byte[]> messages) {
        replay = List.copyOf(messages);
    }

    void uptime(int seconds) {
        fullyBooted = loginFullyBooted(seconds);
        lateFullyBooted = null;
    }

    /** Like a PBX still booting (capture 08-restart-b): no FullyBooted at login, this event after CoreSettings. */
    void bootLate(byte[] fullyBootedEvent) {
        fullyBooted = new byte[0];
        lateFullyBooted = fullyBootedEvent.clone();
    }

    /** Body lines of CoreShowChannel items (without Event/ActionID), one string per channel. */
    void channels(List<String> items) {
        channelItems = List.copyOf(items);
    }

    void onOriginate(Function<Map<String, String>, List<String>> events) {
        originateEvents = events;
    }

    /** Stop answering anything (a half-open link). */
    void mute(boolean value) {
        mute = value;
    }

    List<String> actionsSeen() {
        return actionsSeen;
    }

    /** Close every client connection (what a network drop or an Asterisk crash looks like). */
    void dropConnections() throws IOException {
        for (Socket s : clients) {
            s.close();
        }
        clients.clear();
    }

    static byte[] loginFullyBooted(int uptime) {
        return ("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: " + uptime + "\r\nLastReload: " + uptime
            + "\r\nStatus: Fully Booted\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "fake-ami-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            write(out, "Asterisk Call Manager/11.0.0\r\n");
            boolean replayed = false;
            Map<String, String> action;
            while ((action = readAction(in)) != null) {
                if (mute) {
                    continue;
                }
                String name = action.getOrDefault("action", "").toLowerCase();
                actionsSeen.add(name);
                String id = action.get("actionid");
                String idLine = id == null ? "" : "ActionID: " + id + "\r\n";
                switch (name) {
                    case "challenge" -> write(out, "Response: Success\r\n" + idLine + "Challenge: 840271563\r\n\r\n");
                    case "login" -> {
                        write(out, "Response: Success\r\n" + idLine + "Message: Authentication accepted\r\n\r\n");
                        out.write(fullyBooted);
                    }
                    case "coresettings" -> {
                        write(out, "Response: Success\r\n" + idLine
                            + "AMIversion: 11.0.0\r\nAsteriskVersion: 22.10.1\r\nSystemName: \r\n\r\n");
                        byte[] late = lateFullyBooted;
                        if (late != null) {
                            out.write(late);
                        }
                    }
                    case "command" -> write(out, "Response: Success\r\n" + idLine
                        + "Message: Command output follows\r\nOutput: Asterisk 22.10.1 built by lab\r\n\r\n");
                    case "ping" -> write(out, "Response: Success\r\n" + idLine + "Ping: Pong\r\nTimestamp: 1795346160.000000\r\n\r\n");
                    case "coreshowchannels" -> {
                        coreShowChannels(out, idLine);
                        if (!replayed) {
                            replayed = true;
                            for (byte[] message : replay) {
                                out.write(message);
                            }
                        }
                    }
                    case "originate" -> {
                        if (action.getOrDefault("channel", "").contains("nosuch")) {
                            write(out, "Response: Error\r\n" + idLine + "Message: Originate failed\r\n\r\n");
                            continue;
                        }
                        write(out, "Response: Success\r\n" + idLine + "Message: Originate successfully queued\r\n\r\n");
                        for (String event : originateEvents.apply(action)) {
                            write(out, event);
                        }
                    }
                    case "logoff" -> {
                        write(out, "Response: Goodbye\r\n" + idLine + "Message: Thanks for all the fish.\r\n\r\n");
                        return;
                    }
                    case "hangup", "redirect", "bridge", "setvar" -> answerChannelAction(out, name, idLine, action);
                    default -> write(out, "Response: Error\r\n" + idLine + "Message: Invalid/unknown command: "
                        + action.get("action") + ". Use Action: ListCommands to show available commands.\r\n\r\n");
                }
                out.flush();
            }
        } catch (SocketException e) {
            // the test closed the connection: nothing to do
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            clients.remove(socket);
        }
    }

    private void answerChannelAction(OutputStream out, String name, String idLine, Map<String, String> action) throws IOException {
        String channel = action.getOrDefault("channel", action.getOrDefault("channel1", ""));
        if (channel.contains("nosuch")) {
            write(out, "Response: Error\r\n" + idLine + "Message: No such channel\r\n\r\n");
            return;
        }
        String message = switch (name) {
            case "hangup" -> "Channel Hungup";
            case "redirect" -> "Redirect successful";
            case "bridge" -> "Channels have been bridged";
            default -> "Variable Set";
        };
        write(out, "Response: Success\r\n" + idLine + "Message: " + message + "\r\n\r\n");
    }

    private void coreShowChannels(OutputStream out, String idLine) throws IOException {
        List<String> items = new ArrayList<>(channelItems);
        write(out, "Response: Success\r\n" + idLine + "EventList: start\r\nMessage: Channels will follow\r\n\r\n");
        for (String item : items) {
            write(out, "Event: CoreShowChannel\r\n" + idLine + item + "\r\n");
        }
        write(out, "Event: CoreShowChannelsComplete\r\n" + idLine + "EventList: Complete\r\nListItems: " + items.size() + "\r\n\r\n");
    }

    private static Map<String, String> readAction(BufferedReader in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (headers.isEmpty()) {
                    continue;
                }
                return headers;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon).trim().toLowerCase();
                String value = line.substring(colon + 1).trim();
                headers.merge(key, value, (a, b) -> a + "\n" + b);
            }
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropConnections();
    }
}
