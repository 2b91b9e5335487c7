package org.opencti.ivr.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays Asterisk's side of a FastAGI session over a real socket, blocking: sends the environment block, then
 * reads each command and answers it with the lines a {@link Responder} chooses (which may start with
 * {@code HANGUP}, as Asterisk does after the caller hung up). Records every command it received.
 */
public final class ScriptedAsteriskAgiClient implements AutoCloseable {
    /** The lines to answer a command with (without terminators); an empty list answers nothing. */
    @FunctionalInterface
    public interface Responder {
        List<String> answer(String command);
    }

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final List<String> commands = new ArrayList<>();

    public ScriptedAsteriskAgiClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text as is (LF terminators are the caller's business). */
    public ScriptedAsteriskAgiClient send(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next command from the server, or null once the server has closed the connection. */
    public String readCommand() {
        try {
            String line = in.readLine();
            if (line != null) {
                commands.add(line);
            }
            return line;
        } catch (SocketException reset) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers one command with these lines. */
    public void reply(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        if (!lines.isEmpty()) {
            send(text.toString());
        }
    }

    /** Reads and answers commands until the server closes; returns every command received in this session. */
    public List<String> converse(Responder responder) {
        for (String command = readCommand(); command != null; command = readCommand()) {
            reply(responder.answer(command));
        }
        return commands();
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
