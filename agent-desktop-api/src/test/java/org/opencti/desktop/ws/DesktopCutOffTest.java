package org.opencti.desktop.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.desktop.TestDesktop;

/**
 * What the hub cuts off rather than answers: frames and messages above the size limit, floods of text or binary
 * frames, broken framing. Each ends only the offending connection: a new one signs in and gets its pong, and nothing
 * reaches Vert.x's exception handler. Frames at the limit are still answered.
 */
class DesktopCutOffTest {
    private static final int MAX_FRAME = DesktopFrameFuzzTest.MAX_FRAME;
    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private TestDesktop desktop;
    private String token;

    private record Client(WebSocket ws, BlockingQueue<JsonObject> inbox) {
        JsonObject next() throws InterruptedException {
            JsonObject m = inbox.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a frame within 10 s").isNotNull();
            return m;
        }

        /** Skips answers until the connection is closed; returns the close frame's code (null when there was none). */
        Integer closed() throws InterruptedException {
            JsonObject m;
            do {
                m = next();
            } while (!m.getString("type").equals("closed"));
            return m.getInteger("code");
        }
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        vertx.exceptionHandler(escaped::add);
        desktop = new TestDesktop(vertx, MAX_FRAME);
        token = desktop.login("3001");
    }

    @AfterEach
    void stop() throws Exception {
        desktop.close();
    }

    private Client open() throws Exception {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(desktop.port())
            .setURI("/api/v1/events");
        WebSocket ws = vertx.createWebSocketClient().connect(o).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        ws.textMessageHandler(t -> {
            JsonObject m = new JsonObject(t);
            // Wallboard and campaigns frames come unasked to a supervisor (3001 here); the answers to our frames are checked.
            if (!"wallboard".equals(m.getString("type")) && !"campaigns".equals(m.getString("type"))) {
                inbox.add(m);
            }
        });
        ws.closeHandler(v -> inbox.add(new JsonObject().put("type", "closed").put("code", ws.closeStatusCode())));
        Client c = new Client(ws, inbox);
        ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
        assertThat(c.next().getString("type")).isEqualTo("hello");
        return c;
    }

    private void aNewConnectionWorks() throws Exception {
        Client c = open();
        c.ws().writeTextMessage("{\"type\":\"ping\"}");
        assertThat(c.next().getString("type")).isEqualTo("pong");
        c.ws().close();
    }

    private void cutOff(String what, Consumer<WebSocket> send, Integer... codes) throws Exception {
        Client c = open();
        send.accept(c.ws());
        assertThat(c.closed()).as(what).isIn((Object[]) codes);
        aNewConnectionWorks();
    }

    @Test
    void framesAtTheLimitAreAnsweredAndAboveItTheConnectionIsCutOff() throws Exception {
        Client c = open();
        for (int size : new int[] {MAX_FRAME - 1, MAX_FRAME}) {
            String frame = "{\"type\":\"ping\",\"reason\":\"" + "r".repeat(size - 27) + "\"}";
            assertThat(FrameFuzzer.utf8Length(frame)).isEqualTo(size);
            c.ws().writeTextMessage(frame);
            assertThat(c.next().getString("field")).as(size + " bytes").isEqualTo("reason");
        }
        byte[] atLimit = new byte[MAX_FRAME];
        c.ws().writeBinaryMessage(Buffer.buffer(atLimit));
        assertThat(c.next().getString("field")).isEqualTo("$");
        c.ws().writeTextMessage("{\"type\":\"ping\"}");
        assertThat(c.next().getString("type")).isEqualTo("pong");
        c.ws().close();

        // Netty's decoder drops the connection (1009, or no close frame at all): either way it is cut off.
        for (int size : new int[] {MAX_FRAME + 1, 2 * MAX_FRAME, 10 * MAX_FRAME}) {
            cutOff("text of " + size + " bytes", ws -> ws.writeTextMessage("{\"type\":\"ping\",\"reason\":\"" + "é".repeat(size / 2)
                + "\"}"), null, 1009, 1002);
        }
        cutOff("binary above the limit", ws -> ws.writeBinaryMessage(Buffer.buffer(new byte[MAX_FRAME + 1])), null, 1009, 1002);
        cutOff("a message above the limit in fragments", ws -> {
            ws.writeFrame(WebSocketFrame.textFrame("{\"type\":\"ping\",\"reason\":\"" + "x".repeat(MAX_FRAME / 2), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("y".repeat(MAX_FRAME / 2 + 10)), false));
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("\"}"), true));
        }, null, 1009, 1002);
        assertThat(escaped).isEmpty();
        DesktopFrameFuzzTest.assertServerStillServes(desktop, escaped);
    }

    @Test
    void floodsOfTextOrBinaryFramesAreCutOff() throws Exception {
        cutOff("100 pings at once", ws -> {
            for (int i = 0; i < 100; i++) {
                ws.writeTextMessage("{\"type\":\"ping\"}");
            }
        }, 1008);
        cutOff("100 bad frames at once", ws -> {
            for (int i = 0; i < 100; i++) {
                ws.writeTextMessage("{oops");
            }
        }, 1008);
        cutOff("100 binary frames at once", ws -> {
            for (int i = 0; i < 100; i++) {
                ws.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
            }
        }, 1008);
        DesktopFrameFuzzTest.assertServerStillServes(desktop, escaped);
    }

    @Test
    void brokenFramingIsAnsweredOrEndsOnlyThatConnection() throws Exception {
        // Bytes that are not UTF-8 in a text frame are decoded with replacement characters: an error on the field.
        byte[] notUtf8 = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        Client c = open();
        c.ws().writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(notUtf8), true));
        JsonObject answer = c.next();
        assertThat(answer.getString("type")).isEqualTo("error");
        assertThat(answer.getString("field")).isEqualTo("type");
        c.ws().writeTextMessage("{\"type\":\"ping\"}");
        assertThat(c.next().getString("type")).isEqualTo("pong");
        c.ws().close();

        // A continuation frame with nothing to continue breaks the protocol: that connection is closed (1002).
        cutOff("an orphan continuation frame", ws -> {
            ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("{\"type\":\"ping\"}"), true));
            ws.writeTextMessage("{\"type\":\"ping\"}");
        }, 1002);
        DesktopFrameFuzzTest.assertServerStillServes(desktop, escaped);
    }
}
