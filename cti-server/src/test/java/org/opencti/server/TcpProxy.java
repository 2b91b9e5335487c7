package org.opencti.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy for tests: listens on a free local port and forwards every connection to {@code host:port}, so a test can
 * make a server "go away" for the nodes behind the proxy without touching the server others use. {@link #cut()} closes
 * every connection and, until {@link #restore()}, accepts new ones only to close them at once (a client sees a refused,
 * reset or closed connection, as when the server is down). Plain sockets, two daemon threads per connection.
 */
final class TcpProxy implements AutoCloseable {
    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean cut;
    private volatile boolean closed;

    TcpProxy(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept-" + port, this::acceptLoop).start();
    }

    /** Where clients connect instead of the target. */
    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection through the proxy; new ones are closed as soon as they are accepted, until {@link #restore}. */
    void cut() {
        synchronized (gate) {
            cut = true;
            closeAll();
        }
    }

    /** Forwards new connections again. */
    void restore() {
        synchronized (gate) {
            cut = false;
        }
    }

    /** Connections forwarded now (each counted once, client side). */
    int connections() {
        return open.size() / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            forward(client);
        }
    }

    private void forward(Socket client) {
        Socket target = new Socket();
        try {
            if (cut) {
                client.close();
                return;
            }
            target.connect(new InetSocketAddress(host, port), 2_000);
            client.setTcpNoDelay(true);
            target.setTcpNoDelay(true);
            synchronized (gate) {
                if (cut || closed) {
                    quietly(client);
                    quietly(target);
                    return;
                }
                open.add(client);
                open.add(target);
            }
            daemon("tcp-proxy-up-" + port, () -> pump(client, target)).start();
            daemon("tcp-proxy-down-" + port, () -> pump(target, client)).start();
        } catch (IOException e) {
            quietly(client);
            quietly(target);
        }
    }

    /** Copies one direction until either side closes, then closes both (the other pump ends with them). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away (or the proxy cut it): the connection is over either way
        } finally {
            quietly(from);
            quietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void closeAll() {
        for (Socket s : open) {
            quietly(s);
        }
        open.clear();
    }

    private static Thread daemon(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed: nothing to do
        }
    }

    @Override
    public void close() {
        synchronized (gate) {
            closed = true;
            closeAll();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing on the way out
        }
    }
}
