package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An agent's desktop as the browser is: REST login, then the events WebSocket. Records when each frame arrived. */
final class DesktopClient implements AutoCloseable {
    record Frame(JsonObject json, Instant receivedAt) {
        String type() {
            return json.getString("type");
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient();
    private final int port;
    private final BlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();
    private WebSocket socket;

    DesktopClient(int port) {
        this.port = port;
    }

    /** An HTTP answer: status and JSON body. */
    record Reply(int status, JsonObject body) {
    }

    private String token;

    /** Logs in over REST and authenticates the WebSocket; returns the hello frame. */
    JsonObject connect(String user, String password) throws Exception {
        return connect(user, password, null);
    }

    /** At a desk extension (null: the agent's own phone). */
    JsonObject connect(String user, String password, String extension) throws Exception {
        login(user, password, extension);
        return openSocket();
    }

    private JsonObject openSocket() throws Exception {
        socket = vertx.createWebSocketClient().connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
            .setURI("/api/v1/events")).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        socket.textMessageHandler(t -> inbox.add(new Frame(new JsonObject(t), Instant.now())));
        socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", token).encode());
        return await(f -> f.type().equals("hello")).json();
    }

    /**
     * The page's link drops and comes back: the socket is closed, what it had not read is forgotten, and a new one
     * authenticates with the same session. Returns the frames the new socket got after its hello and before the answer to
     * a ping sent once the hello was in (so nothing the server sent with the hello can be missed).
     */
    List<Frame> reconnect() throws Exception {
        socket.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        inbox.clear();
        openSocket();
        send(new JsonObject().put("type", "ping"));
        List<Frame> got = new ArrayList<>();
        for (Frame f = await(x -> true); !f.type().equals("pong"); f = await(x -> true)) {
            got.add(f);
        }
        return got;
    }

    /** REST only: logs in and keeps the token for {@link #post}. */
    void login(String user, String password) throws Exception {
        login(user, password, null);
    }

    void login(String user, String password, String extension) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/api/v1/login").setIdleTimeout(15_000);
        JsonObject login = http.request(o)
            .compose(req -> req.send(Buffer.buffer(new JsonObject().put("user", user).put("password", password)
                    .put("extension", extension).encode()))
                .compose(res -> res.body().map(Buffer::toJsonObject)))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(login.getString("token")).as("login of %s: %s", user, login).isNotBlank();
        token = login.getString("token");
    }

    Reply post(String path) throws Exception {
        return request(HttpMethod.POST, path, null);
    }

    /** POST with a JSON body. */
    Reply post(String path, JsonObject body) throws Exception {
        return request(HttpMethod.POST, path, body);
    }

    /** POST a CSV file, as a lead list import. */
    Reply postCsv(String path, String csv) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI(path)
            .setIdleTimeout(15_000).putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "text/csv");
        return http.request(o).compose(req -> req.send(Buffer.buffer(csv))
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    Reply get(String path) throws Exception {
        return request(HttpMethod.GET, path, null);
    }

    private Reply request(HttpMethod method, String path, JsonObject body) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
            .setIdleTimeout(15_000).putHeader("Authorization", "Bearer " + token);
        Buffer payload = body == null ? Buffer.buffer() : Buffer.buffer(body.encode());
        // res.body() is asked for inside send()'s callback, which runs on the event loop as the response head arrives. Chained
        // after it from this (test) thread instead, it can come after the response has already ended on a reused connection,
        // and then that body future never completes.
        return http.request(o).compose(req -> req.send(payload)
                .compose(res -> res.body().map(b -> new Reply(res.statusCode(), b.length() == 0 ? new JsonObject() : b.toJsonObject()))))
            .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    void send(JsonObject frame) {
        socket.writeTextMessage(frame.encode());
    }

    /** The next frame matching {@code wanted}; frames before it are skipped. */
    Frame await(Predicate<Frame> wanted) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Frame f = inbox.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (f != null && System.getenv("DEBUG_FRAMES") != null) {
                System.out.println("FRAME " + f.json().encode());
            }
            assertThat(f).as("a matching desktop frame within 20 s").isNotNull();
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    Frame awaitType(String type) throws InterruptedException {
        return await(f -> f.type().equals(type));
    }

    Frame awaitState(String state) throws InterruptedException {
        return await(f -> f.type().equals("agentState") && state.equals(f.json().getString("state")));
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
