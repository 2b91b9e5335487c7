package org.opencti.desktop.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;

/**
 * At least 10^5 generated bad frames over real WebSockets to a running server: each gets the error frame naming the
 * field that {@link ClientFrame#parse} names (the test's oracle), valid pings in between get their pong, no exception
 * reaches Vert.x, and afterwards the server still signs people in and answers /health. Reproducible: the seed is
 * printed, rerun with {@code -Dfuzz.seed=N}. The cut-offs (oversize, flood, broken framing) are tested apart, in
 * {@link DesktopCutOffTest}.
 */
class DesktopFrameFuzzTest {
    static final int MAX_FRAME = 4096;
    private static final int FRAMES = 100_000;
    private static final int CONNECTIONS = 400;
    /**
     * A connection sends its next frame this long after the answer to the previous one, so the server sees its frames at
     * least 55 ms apart: at most 19 in any second, below the hub's flood limit of 20. Throughput comes from connections.
     */
    private static final long GAP_MS = 55;

    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private Vertx clientVertx;
    private TestDesktop desktop;
    private WebSocketClient client;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errorFrames = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong binary = new AtomicLong();

    @BeforeEach
    void start() throws Exception {
        Vertx serverVertx = Vertx.vertx();
        serverVertx.exceptionHandler(escaped::add);
        desktop = new TestDesktop(serverVertx, MAX_FRAME);
        clientVertx = Vertx.vertx();
        client = clientVertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(CONNECTIONS + 1)
            .setConnectTimeout(30_000));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            desktop.close();
        }
    }

    @Test
    void aHundredThousandBadFramesEachGetTheirErrorAndNothingBreaks() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("DesktopFrameFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        String token = desktop.login("3001");
        long started = System.nanoTime();
        List<Fuzzing> all = new ArrayList<>();
        int perConnection = (FRAMES + CONNECTIONS - 1) / CONNECTIONS;
        for (int i = 0; i < CONNECTIONS; i++) {
            Fuzzing f = new Fuzzing(i, new FrameFuzzer(seed + i * 0x9E3779B97F4A7C15L, MAX_FRAME), perConnection, token);
            all.add(f);
            clientVertx.runOnContext(v -> f.start());
        }
        List<String> failures = new ArrayList<>();
        for (Fuzzing f : all) {
            try {
                f.done.get(120, TimeUnit.SECONDS);
            } catch (Exception e) {
                failures.add(e.getCause() == null ? e.toString() : e.getCause().getMessage());
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("DesktopFrameFuzzTest: seed %d, %d connections, %d frames sent (%d binary), %d error frames, %d pongs,"
            + " %d ms%n", seed, CONNECTIONS, sent.get(), binary.get(), errorFrames.get(), pongs.get(), millis);
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(sent.get()).isGreaterThanOrEqualTo(FRAMES);
        assertThat(errorFrames.get()).as("nearly every generated frame is bad").isGreaterThan(FRAMES * 8L / 10);
        assertThat(pongs.get()).isGreaterThanOrEqualTo(FRAMES / 10 - CONNECTIONS);
        assertServerStillServes(desktop, escaped);
    }

    static void assertServerStillServes(TestDesktop desktop, List<Throwable> escaped) throws Exception {
        assertThat(desktop.login("2002")).as("another client signs in over REST").isNotBlank();
        assertThat(desktop.call(HttpMethod.GET, "/health", null, null).status()).isEqualTo(200);
        assertThat(escaped).as("exceptions that reached Vert.x").isEmpty();
    }

    /** One connection's run: frames one at a time, each checked against the answer the oracle expects. */
    private final class Fuzzing {
        private final int id;
        private final FrameFuzzer fuzzer;
        private final int frames;
        private final String token;
        private final int preAuth;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private WebSocket ws;
        private int count;
        private boolean authenticated;
        private String expectedType;
        private String expectedField;
        private String lastFrame = "";

        Fuzzing(int id, FrameFuzzer fuzzer, int frames, String token) {
            this.id = id;
            this.fuzzer = fuzzer;
            this.frames = frames;
            this.token = token;
            this.preAuth = fuzzer.random().nextInt(4);
        }

        void start() {
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(desktop.port())
                .setURI("/api/v1/events");
            client.connect(o).onFailure(done::completeExceptionally).onSuccess(w -> {
                ws = w;
                w.textMessageHandler(this::onText);
                w.closeHandler(v -> fail("closed: " + w.closeStatusCode() + " " + w.closeReason()));
                w.exceptionHandler(e -> fail("socket error: " + e));
                sendNext();
            });
        }

        private void sendNext() {
            if (done.isDone()) {
                return;
            }
            if (count == frames) {
                done.complete(null);
                ws.close();
                return;
            }
            count++;
            sent.incrementAndGet();
            if (!authenticated && count > preAuth) {
                expect("hello", null);
                send(new JsonObject().put("type", "auth").put("token", token).encode());
            } else if (authenticated && count % 10 == 0) {
                expect("pong", null);
                send("{\"type\":\"ping\"}");
            } else if (fuzzer.random().nextInt(50) == 0) {
                byte[] bytes = new byte[fuzzer.random().nextInt(MAX_FRAME + 1)];
                fuzzer.random().nextBytes(bytes);
                binary.incrementAndGet();
                expect("error", "$");
                lastFrame = "binary frame of " + bytes.length + " bytes";
                ws.writeBinaryMessage(Buffer.buffer(bytes));
            } else {
                String frame = fuzzer.next();
                oracle(FrameFuzzer.overTheWire(frame));
                send(frame);
            }
        }

        /** What the hub must answer, from the frame as it arrives (lone surrogates became '?'). */
        private void oracle(String wire) {
            try {
                ClientFrame frame = ClientFrame.parse(wire);
                if (!authenticated) {
                    expect("error", frame.type().equals("auth") ? "token" : "type");
                } else if (frame.type().equals("ping")) {
                    expect("pong", null);
                } else {
                    expect("error", "type");
                }
            } catch (FrameError e) {
                expect("error", FrameFuzzer.overTheWire(e.field()));
            }
        }

        private void expect(String type, String field) {
            expectedType = type;
            expectedField = field;
        }

        private void send(String frame) {
            lastFrame = frame;
            ws.writeTextMessage(frame);
        }

        private void onText(String text) {
            JsonObject m;
            try {
                m = new JsonObject(text);
            } catch (RuntimeException e) {
                fail("not a JSON object from the server: " + text);
                return;
            }
            if ("wallboard".equals(m.getString("type")) || "campaigns".equals(m.getString("type"))) {
                // Pushed unasked to a supervisor (3001 here) after hello: no answer to any frame of ours.
                return;
            }
            if (expectedType == null) {
                fail("unexpected frame " + text);
                return;
            }
            if (!expectedType.equals(m.getString("type"))
                || expectedType.equals("error") && !expectedField.equals(m.getString("field"))) {
                fail("expected " + expectedType + (expectedField == null ? "" : " on field " + expectedField) + ", got " + text);
                return;
            }
            switch (expectedType) {
                case "hello" -> authenticated = true;
                case "pong" -> pongs.incrementAndGet();
                default -> errorFrames.incrementAndGet();
            }
            expectedType = null;
            clientVertx.setTimer(GAP_MS, t -> sendNext());
        }

        private void fail(String why) {
            if (done.completeExceptionally(new AssertionError("connection " + id + ", frame " + count + " "
                + FrameFuzzer.printable(lastFrame) + ": " + why))) {
                ws.close();
            }
        }
    }
}
