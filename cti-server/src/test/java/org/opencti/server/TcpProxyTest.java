package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {
    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::echoLoop, "echo");
        t.setDaemon(true);
        t.start();
        proxy = new TcpProxy("127.0.0.1", echo.getLocalPort());
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket s = echo.accept();
                Thread t = new Thread(() -> {
                    try (s) {
                        s.getInputStream().transferTo(s.getOutputStream());
                    } catch (IOException e) {
                        // the client went away
                    }
                }, "echo-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBothWaysThenCutsEveryConnectionAndRefusesNewOnesUntilRestored() throws IOException {
        try (Socket before = connect()) {
            assertThat(roundTrip(before, "ping")).isEqualTo("ping");
            assertThat(proxy.connections()).isEqualTo(1);

            proxy.cut();
            assertThat(endsWithoutData(before)).as("the open connection is closed").isTrue();
        }
        try (Socket during = connect()) {
            assertThat(endsWithoutData(during)).as("a new connection is closed at once").isTrue();
        }
        Await.until("no connection left", Duration.ofSeconds(5), () -> proxy.connections() == 0);

        proxy.restore();
        try (Socket after = connect()) {
            assertThat(roundTrip(after, "pong")).isEqualTo("pong");
        }
    }

    @Test
    void closingTheProxyClosesItsConnectionsAndItsPort() throws IOException {
        Socket s = connect();
        assertThat(roundTrip(s, "x")).isEqualTo("x");
        proxy.close();
        assertThat(endsWithoutData(s)).isTrue();
        s.close();
        boolean refused;
        try (Socket late = new Socket("127.0.0.1", proxy.port())) {
            refused = endsWithoutData(late);
        } catch (IOException e) {
            refused = true;
        }
        assertThat(refused).isTrue();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", proxy.port());
        s.setSoTimeout(5_000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        s.getOutputStream().write(sent);
        s.getOutputStream().flush();
        return new String(s.getInputStream().readNBytes(sent.length), StandardCharsets.UTF_8);
    }

    /** True when the peer closed (end of stream or reset) before sending anything; a 5 s read timeout fails the test. */
    private static boolean endsWithoutData(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            return true; // reset
        }
    }
}
