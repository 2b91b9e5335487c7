package org.opencti.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A plain-socket AMI client for tests: writes raw actions, collects every message Asterisk (the sim) writes. */
final class AmiTestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final Object lock = new Object();
    private final List<AmiMessage> received = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private String banner;
    private boolean closed;
    private int nextId;

    private AmiTestClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::read, "ami-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    static AmiTestClient connect(int port) {
        try {
            Socket s = new Socket("127.0.0.1", port);
            s.setSoTimeout(0);
            return new AmiTestClient(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and logs in as cti/cti-secret; returns the client once the login burst (up to SuccessfulAuth) is in. */
    static AmiTestClient loggedIn(int port) {
        AmiTestClient c = connect(port);
        AmiMessage r = c.action("Login", "Username: cti", "Secret: cti-secret", "Events: on");
        if (!"Success".equals(r.get("Response"))) {
            throw new IllegalStateException("login failed: " + r);
        }
        c.awaitEvent("SuccessfulAuth", m -> true);
        return c;
    }

    private void read() {
        byte[] buf = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (lock) {
                    pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    drain();
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // connection reset: treated as closed
        }
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void drain() {
        if (banner == null) {
            int eol = pending.indexOf("\r\n");
            if (eol < 0) {
                return;
            }
            banner = pending.substring(0, eol);
            pending.delete(0, eol + 2);
        }
        int end;
        while ((end = pending.indexOf("\r\n\r\n")) >= 0) {
            received.add(AmiMessageDecoder.parse(pending.substring(0, end + 2)));
            pending.delete(0, end + 4);
        }
    }

    /** Writes one message: each argument is a {@code Name: value} line. */
    void send(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append("\r\n");
        }
        sendRaw(sb.append("\r\n").toString());
    }

    void sendRaw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code Action: name} with a fresh ActionID and the given lines; returns the response. */
    AmiMessage action(String name, String... lines) {
        String id = "t-" + (++nextId);
        List<String> all = new ArrayList<>(List.of("Action: " + name, "ActionID: " + id));
        all.addAll(List.of(lines));
        send(all.toArray(String[]::new));
        return await(m -> id.equals(m.actionId()) && m.has("Response"));
    }

    String banner() {
        synchronized (lock) {
            waitFor(() -> banner != null, WAIT);
            return banner;
        }
    }

    /** Number of messages received so far: pass it to {@link #awaitFrom} to look only at later ones. */
    int mark() {
        synchronized (lock) {
            return received.size();
        }
    }

    AmiMessage await(Predicate<AmiMessage> match) {
        return awaitFrom(0, match);
    }

    AmiMessage awaitFrom(int from, Predicate<AmiMessage> match) {
        synchronized (lock) {
            AmiMessage[] found = new AmiMessage[1];
            boolean ok = waitFor(() -> {
                for (int i = from; i < received.size(); i++) {
                    if (match.test(received.get(i))) {
                        found[0] = received.get(i);
                        return true;
                    }
                }
                return false;
            }, WAIT);
            if (!ok) {
                throw new AssertionError("no matching AMI message within " + WAIT + "; got " + describe(received.subList(
                    Math.min(from, received.size()), received.size())));
            }
            return found[0];
        }
    }

    AmiMessage awaitEvent(String event, Predicate<AmiMessage> match) {
        return await(m -> event.equals(m.event()) && match.test(m));
    }

    AmiMessage awaitEventFrom(int from, String event, Predicate<AmiMessage> match) {
        return awaitFrom(from, m -> event.equals(m.event()) && match.test(m));
    }

    /** Everything received since {@code mark}, in one consistent snapshot. */
    List<AmiMessage> since(int mark) {
        synchronized (lock) {
            return List.copyOf(received.subList(mark, received.size()));
        }
    }

    List<AmiMessage> messages() {
        synchronized (lock) {
            return List.copyOf(received);
        }
    }

    boolean awaitClosed(Duration d) {
        synchronized (lock) {
            return waitFor(() -> closed, d);
        }
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private boolean waitFor(java.util.function.BooleanSupplier cond, Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (!cond.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                lock.wait(Math.max(1, left / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String describe(List<AmiMessage> msgs) {
        StringBuilder sb = new StringBuilder();
        for (AmiMessage m : msgs) {
            sb.append("\n  ").append(m.has("Event") ? "Event " + m.event() : "Response " + m.get("Response"))
                .append(m.has("Channel") ? " " + m.get("Channel") : "").append(m.has("Message") ? " " + m.get("Message") : "");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
