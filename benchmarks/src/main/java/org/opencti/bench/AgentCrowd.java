package org.opencti.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Many agents' desktops in one JVM, as the browser page behaves: {@code POST /api/v1/login}, then the events WebSocket,
 * {@code {"type":"auth"}}, wait for {@code hello}, {@code {"type":"ready"}}, wait for {@code agentState READY}. Sockets
 * are spread over several Vert.x event loops; each frame is handed to a {@link Listener} with its arrival instant,
 * taken first thing on the event loop.
 */
final class AgentCrowd implements AutoCloseable {
    /** Sees every server frame; runs on a client event loop and must not block. */
    interface Listener {
        void onFrame(Agent agent, JsonObject frame, Instant arrived);
    }

    /** One desktop. */
    static final class Agent {
        final String id;
        final String token;
        volatile WebSocket socket;
        final Promise<Void> hello = Promise.promise();
        final Promise<Void> ready = Promise.promise();

        Agent(String id, String token) {
            this.id = id;
            this.token = token;
        }
    }

    private static final int LOGIN_ATTEMPTS = 4;

    private final Vertx vertx;
    private final HttpClient http;
    private final WebSocketClient sockets;
    private final int port;
    private final Listener listener;
    private final List<Agent> connected = java.util.Collections.synchronizedList(new ArrayList<>());
    final AtomicLong frames = new AtomicLong();
    final AtomicLong errorFrames = new AtomicLong();
    final AtomicLong closedSockets = new AtomicLong();
    final AtomicLong loginRetries = new AtomicLong();

    AgentCrowd(int port, int eventLoops, int maxSockets, int inFlight, Listener listener) {
        this.port = port;
        this.listener = listener;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        this.http = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(inFlight).setKeepAlive(true)
            .setConnectTimeout(30_000));
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(maxSockets)
            .setConnectTimeout(30_000));
    }

    /** Logs every id in over REST, at most {@code inFlight} at a time; the agents in id order. */
    CompletableFuture<List<Agent>> login(List<String> ids, int inFlight) {
        Agent[] out = new Agent[ids.size()];
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            indexes.add(i);
        }
        return forEach(indexes, inFlight, i -> login(ids.get(i), 1).map(a -> out[i] = a)).thenApply(v -> List.of(out));
    }

    /** Opens, authenticates and readies each agent's WebSocket, at most {@code inFlight} at a time. */
    CompletableFuture<Void> connect(List<Agent> agents, int inFlight) {
        return forEach(agents, inFlight, this::connect);
    }

    /**
     * Connects desktops that lost their node to this crowd's node with the tokens they have (valid on every node of one
     * floor), as a load balancer would send them: auth, hello, and ready only when the hello says they are not working
     * (the floor's new holder rebuilt their state; an agent on a call stays on it).
     */
    CompletableFuture<Void> rejoin(List<Agent> agents, int inFlight) {
        return forEach(agents, inFlight, a -> {
            Agent again = new Agent(a.id, a.token);
            WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/events");
            return sockets.connect(o).compose(ws -> {
                again.socket = ws;
                a.socket = ws;
                ws.textMessageHandler(text -> {
                    JsonObject f = new JsonObject(text);
                    if ("hello".equals(f.getString("type"))) {
                        String state = f.getString("state", "");
                        if (state.equals("NOT_READY") || state.equals("LOGGED_OUT") || state.isEmpty()) {
                            ws.writeTextMessage("{\"type\":\"ready\"}");
                        }
                    }
                    onText(again, text);
                });
                ws.exceptionHandler(e -> errorFrames.incrementAndGet());
                ws.closeHandler(v -> closedSockets.incrementAndGet());
                ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", a.token).encode());
                return again.hello.future();
            }).onSuccess(v -> connected.add(again));
        });
    }

    int connectedCount() {
        return connected.size();
    }

    private Future<Agent> login(String id, int attempt) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/api/v1/login").setIdleTimeout(60_000).putHeader("Content-Type", "application/json");
        String body = new JsonObject().put("user", id).put("password", FanOutConfig.PASSWORD).encode();
        // res.body() inside send()'s callback (on the event loop), so a fast answer cannot end before anyone reads it
        return http.request(o).compose(req -> req.send(Buffer.buffer(body))
            .compose(res -> res.body().map(b -> {
                if (res.statusCode() != 200) {
                    throw new IllegalStateException("login of " + id + ": HTTP " + res.statusCode() + " " + b);
                }
                return new Agent(id, b.toJsonObject().getString("token"));
            })))
            .recover(e -> {
                if (attempt >= LOGIN_ATTEMPTS) {
                    return Future.failedFuture(e);
                }
                loginRetries.incrementAndGet();
                return vertx.timer(500L * attempt, TimeUnit.MILLISECONDS).compose(v -> login(id, attempt + 1));
            });
    }

    private Future<Void> connect(Agent a) {
        WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/events");
        return sockets.connect(o).compose(ws -> {
            a.socket = ws;
            ws.textMessageHandler(text -> onText(a, text));
            ws.exceptionHandler(e -> errorFrames.incrementAndGet());
            ws.closeHandler(v -> {
                closedSockets.incrementAndGet();
                a.hello.tryFail("closed before hello");
                a.ready.tryFail("closed before ready");
            });
            ws.writeTextMessage(new JsonObject().put("type", "auth").put("token", a.token).encode());
            return a.hello.future();
        }).compose(v -> {
            a.socket.writeTextMessage("{\"type\":\"ready\"}");
            return a.ready.future();
        }).onSuccess(v -> connected.add(a));
    }

    private void onText(Agent a, String text) {
        Instant arrived = Instant.now();
        frames.incrementAndGet();
        JsonObject f = new JsonObject(text);
        String type = f.getString("type", "");
        if (type.equals("hello")) {
            a.hello.tryComplete();
        } else if (type.equals("agentState") && "READY".equals(f.getString("state"))) {
            a.ready.tryComplete();
        } else if (type.equals("error")) {
            errorFrames.incrementAndGet();
        }
        listener.onFrame(a, f, arrived);
    }

    /** Runs {@code op} on every item with at most {@code inFlight} running; fails on the first failure. */
    private static <T> CompletableFuture<Void> forEach(List<T> items, int inFlight, Function<T, Future<?>> op) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (items.isEmpty()) {
            done.complete(null);
            return done;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Runnable[] step = new Runnable[1];
        step[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= items.size() || done.isDone()) {
                return;
            }
            op.apply(items.get(i)).onComplete(ar -> {
                if (ar.failed()) {
                    done.completeExceptionally(ar.cause());
                } else if (finished.incrementAndGet() == items.size()) {
                    done.complete(null);
                } else {
                    step[0].run();
                }
            });
        };
        for (int k = 0; k < Math.min(inFlight, items.size()); k++) {
            step[0].run();
        }
        return done;
    }

    /** Closes every socket, then Vert.x. */
    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
