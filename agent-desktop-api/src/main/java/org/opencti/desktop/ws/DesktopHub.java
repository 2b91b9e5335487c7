package org.opencti.desktop.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.acd.AcdService;
import org.opencti.acd.DeskRefusal;
import org.opencti.core.cluster.DesktopRelay;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.cluster.FloorAccess;
import org.opencti.desktop.cluster.HolderCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket per signed-in desktop. The first frame must authenticate within a deadline; after that an agent
 * receives only their own events and may change only their own state; a supervisor or admin receives {@code wallboard}
 * frames ({@link WallboardPush}). Bad frames get an error frame and the
 * connection stays usable; floods are cut off. An agent's socket gets, right after its hello, the events still open for
 * them ({@link OpenFrames}: a campaign preview, a campaign call to dispose), so a page that reconnects loses nothing.
 *
 * <p>With several nodes ({@link #joinCluster}) desktops connect to any of them: every frame made here for a user is also
 * published on the {@link DesktopRelay}, and frames other nodes publish go to this node's sockets of that user (the relay
 * never hands a node its own frames, so nothing arrives twice). On a node that does not hold the floor, agents' ACD
 * commands and the hello's state go to the holder ({@link StandbyDesk}). User ids starting with {@code #} are never
 * users (ids start with a letter or digit) and carry the nodes' own notices: {@link #REVOKED} a logout,
 * {@link #WALLBOARD_HELLO} a supervisor's new socket whose first frames the holder should send now, {@link #OPEN_HELLO} an
 * agent's new socket whose open frames the holder should relay.
 */
public final class DesktopHub implements DesktopNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopHub.class);
    private static final long AUTH_DEADLINE_MS = 5_000;
    private static final int MAX_FRAMES_PER_SECOND = 20;

    private final Vertx vertx;
    private final AuthService auth;
    private final AcdService acd;
    /** Relay notice: a token revoked on another node, {@code {"tokenId": ..., "until": ...}}. */
    static final String REVOKED = "#revoked";
    /** Relay notice: a supervisor's socket opened on a standby; the frame is the user's id. */
    static final String WALLBOARD_HELLO = "#wallboard";
    /** An agent's socket opened on a standby: the holder, which keeps the open campaign frames, relays them to it. */
    static final String OPEN_HELLO = "#open";

    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final AtomicLong pushed = new AtomicLong();
    private final WallboardPush wallboard;
    private final OpenFrames open;
    private volatile FloorAccess floor = FloorAccess.ALONE;
    private volatile DesktopRelay relay;
    private volatile StandbyDesk standby;

    public DesktopHub(Vertx vertx, AuthService auth, AcdService acd) {
        this(vertx, auth, acd, Duration.ofSeconds(1), OpenFrames.NONE);
    }

    /** {@code open}: what an agent's socket is sent again after its hello (see {@link OpenFrames}). */
    public DesktopHub(Vertx vertx, AuthService auth, AcdService acd, OpenFrames open) {
        this(vertx, auth, acd, Duration.ofSeconds(1), open);
    }

    /** {@code wallboardInterval}: at most one wallboard frame per supervisor's socket this often. */
    public DesktopHub(Vertx vertx, AuthService auth, AcdService acd, Duration wallboardInterval) {
        this(vertx, auth, acd, wallboardInterval, OpenFrames.NONE);
    }

    /** With both the wallboard's interval and the agents' open frames. */
    public DesktopHub(Vertx vertx, AuthService auth, AcdService acd, Duration wallboardInterval, OpenFrames open) {
        this.vertx = vertx;
        this.auth = auth;
        this.acd = acd;
        this.wallboard = new WallboardPush(vertx, auth, acd, wallboardInterval);
        this.open = Objects.requireNonNull(open, "open");
    }

    /** What pushes queue and agent figures to supervisors' sockets; tell it of queue changes (see its doc). */
    public WallboardPush wallboard() {
        return wallboard;
    }

    /**
     * Joins the other nodes: frames go both ways over {@code relay}, logouts are relayed, supervisors' figures are made
     * for every node's sockets by whichever node holds the floor, and on a standby agents' commands go to the holder.
     * Once, before any socket connects.
     */
    public void joinCluster(FloorAccess floorAccess, DesktopRelay desktopRelay, HolderCalls holder) {
        this.floor = floorAccess;
        this.standby = new StandbyDesk(holder);
        this.relay = desktopRelay;
        auth.onRevoke(r -> desktopRelay.publish(REVOKED, new JsonObject().put("tokenId", r.tokenId())
            .put("until", r.until().toEpochMilli()).encode()));
        wallboard.joinCluster(floorAccess, desktopRelay, auth.users());
        desktopRelay.subscribe(this::fromRelay);
    }

    @Override
    public void notify(DesktopEvent event) {
        // Every agent event moves a supervisor's figures (state counts, the agent's row), even with no agent socket open.
        wallboard.changed();
        Set<Connection> sockets = byUser.get(event.agentId());
        DesktopRelay r = relay;
        if (r == null && (sockets == null || sockets.isEmpty())) {
            return;
        }
        String text = DesktopEventJson.toJson(event).encode();
        if (r != null) {
            r.publish(event.agentId(), text);
        }
        if (sockets != null) {
            for (Connection c : sockets) {
                c.ws.writeTextMessage(text);
                pushed.incrementAndGet();
            }
        }
    }

    /** A frame another node published: a notice, or a frame for this node's sockets of that user. Any thread. */
    private void fromRelay(String userId, String frame) {
        if (userId.startsWith("#")) {
            notice(userId, frame);
            return;
        }
        Set<Connection> sockets = byUser.get(userId);
        if (sockets == null) {
            return;
        }
        for (Connection c : sockets) {
            if (auth.authenticate(c.session.token()).isEmpty()) {
                c.ws.close((short) 1008, "session expired");
            } else if (!c.ws.isClosed()) {
                c.ws.writeTextMessage(frame);
                pushed.incrementAndGet();
            }
        }
    }

    private void notice(String kind, String frame) {
        try {
            if (REVOKED.equals(kind)) {
                JsonObject r = new JsonObject(frame);
                auth.revoke(new AuthService.Revocation(r.getString("tokenId"), Instant.ofEpochMilli(r.getLong("until"))));
            } else if (WALLBOARD_HELLO.equals(kind)) {
                wallboard.resend(frame);
            } else if (OPEN_HELLO.equals(kind) && floor.holdsFloor() && relay != null) {
                DesktopRelay r = relay;
                for (DesktopEvent event : open.of(frame)) {
                    r.publish(frame, DesktopEventJson.toJson(event).encode());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("unreadable {} notice from another node: {}", kind, e.toString());
        }
    }

    public long pushedCount() {
        return pushed.get();
    }

    public int connectedAgents() {
        return byUser.size();
    }

    /** Takes over an accepted WebSocket. */
    public void accept(ServerWebSocket ws) {
        Connection c = new Connection(ws, vertx.getOrCreateContext());
        long deadline = vertx.setTimer(AUTH_DEADLINE_MS, id -> {
            if (c.session == null) {
                ws.close((short) 1008, "authenticate first: {\"type\":\"auth\",\"token\":\"...\"}");
            }
        });
        ws.textMessageHandler(text -> c.onText(text, deadline));
        ws.binaryMessageHandler(b -> c.onBinary());
        ws.exceptionHandler(e -> {
            LOG.debug("websocket error: {}", e.toString());
            // Vert.x drops a fragmented message that grows past the size limit and reports it here, leaving the
            // connection open with the sender waiting for an answer that never comes: cut it off like an oversize frame.
            if (!ws.isClosed()) {
                boolean tooBig = e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("overflow");
                ws.close((short) (tooBig ? 1009 : 1002), tooBig ? "message too big" : "protocol error");
            }
        });
        ws.closeHandler(v -> c.closed());
    }

    private final class Connection {
        private final ServerWebSocket ws;
        /** The socket's event loop: the hello and what follows it are written there in one go. */
        private final Context context;
        private Session session;
        private long windowStart;
        private int framesInWindow;

        Connection(ServerWebSocket ws, Context context) {
            this.ws = ws;
            this.context = context;
        }

        void onBinary() {
            // Binary frames count towards the flood limit like text ones: each one costs an answer.
            if (!cutOffIfFlooding()) {
                ws.writeTextMessage(new FrameError("$", "binary frames are not accepted").toJson().encode());
            }
        }

        void onText(String text, long authTimer) {
            if (cutOffIfFlooding()) {
                return;
            }
            try {
                ClientFrame frame = ClientFrame.parse(text);
                if (session == null) {
                    if (!frame.type().equals("auth")) {
                        throw new FrameError("type", "authenticate first with {\"type\":\"auth\",\"token\":\"...\"}");
                    }
                    authenticate(frame.token(), authTimer);
                    return;
                }
                if (auth.authenticate(session.token()).isEmpty()) {
                    ws.close((short) 1008, "session expired");
                    return;
                }
                act(frame);
            } catch (FrameError e) {
                ws.writeTextMessage(e.toJson().encode());
            }
        }

        private boolean cutOffIfFlooding() {
            if (!flooding()) {
                return false;
            }
            ws.close((short) 1008, "more than " + MAX_FRAMES_PER_SECOND + " frames a second");
            return true;
        }

        private boolean flooding() {
            long now = System.nanoTime() / 1_000_000_000L;
            if (now != windowStart) {
                windowStart = now;
                framesInWindow = 0;
            }
            return ++framesInWindow > MAX_FRAMES_PER_SECOND;
        }

        private void authenticate(String token, long authTimer) {
            Session s = auth.authenticate(token).orElseThrow(() -> new FrameError("token", "unknown or expired token"));
            session = s;
            vertx.cancelTimer(authTimer);
            byUser.computeIfAbsent(s.user().id(), k -> ConcurrentHashMap.newKeySet()).add(this);
            boolean holds = floor.holdsFloor();
            var read = holds ? acd.status(s.user().id()).thenCombine(DeskHello.of(acd, s.user()), (st, desk) -> desk.with(st))
                : standby.hello(s);
            read.whenComplete((desk, failure) -> context.runOnContext(v -> {
                // Even when the state cannot be read the desktop gets its hello (without a state), never silence.
                JsonObject hello = new JsonObject().put("type", "hello").put("userId", s.user().id())
                    .put("name", s.user().name()).put("role", s.user().role().name());
                if (failure != null) {
                    LOG.warn("state of {} unavailable for the hello: {}", s.user().id(), failure.toString());
                } else {
                    desk.addTo(hello);
                }
                ws.writeTextMessage(hello.encode());
                if (s.user().role() == Role.AGENT) {
                    resend(s.user().id());
                    DesktopRelay r = relay;
                    if (!holds && r != null) {
                        r.publish(OPEN_HELLO, s.user().id()); // the holder keeps them: it relays them after this hello
                    }
                } else if (!ws.isClosed()) {
                    wallboard.watch(ws, s);
                    DesktopRelay r = relay;
                    if (!holds && r != null) {
                        r.publish(WALLBOARD_HELLO, s.user().id()); // the holder makes this user's frames: first ones now
                    }
                }
            }));
        }

        /**
         * After the hello, which resets the page: what is still open for the agent, as the events first showed it. On the
         * socket's event loop in the hello's own task, so no other frame (a live event, the answer to a ping) comes between.
         */
        private void resend(String agentId) {
            List<DesktopEvent> events;
            try {
                events = open.of(agentId);
            } catch (RuntimeException e) {
                LOG.warn("open frames of {} unavailable after the hello: {}", agentId, e.toString());
                return;
            }
            for (DesktopEvent event : events) {
                if (!ws.isClosed()) {
                    ws.writeTextMessage(DesktopEventJson.toJson(event).encode());
                    pushed.incrementAndGet();
                }
            }
        }

        private void act(ClientFrame frame) {
            String me = session.user().id();
            switch (frame.type()) {
                case "ping" -> ws.writeTextMessage(new JsonObject().put("type", "pong").encode());
                case "auth" -> throw new FrameError("type", "already authenticated");
                case "extension" -> {
                    if (session.user().role() != Role.AGENT) {
                        throw new FrameError("type", "only agents sit at a desk extension");
                    }
                    if (!floor.holdsFloor()) {
                        standby.act(ws, session, frame);
                        return;
                    }
                    acd.desk().login(me, frame.extension()).whenComplete((st, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                            String field = cause instanceof DeskRefusal r ? r.field() : "extension";
                            ws.writeTextMessage(new FrameError(field, String.valueOf(cause.getMessage())).toJson().encode());
                        }
                    });
                }
                case "ready", "notReady" -> {
                    if (session.user().role() != Role.AGENT) {
                        throw new FrameError("type", "only agents have a ready state");
                    }
                    if (!floor.holdsFloor()) {
                        standby.act(ws, session, frame);
                        return;
                    }
                    var result = frame.type().equals("ready") ? acd.ready(me) : acd.notReady(me, frame.reason());
                    result.whenComplete((s, failure) -> {
                        if (failure != null) {
                            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                            String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
                            ws.writeTextMessage(new FrameError("type", why).toJson().encode());
                        }
                    });
                }
                default -> throw new FrameError("type", "unsupported");
            }
        }

        void closed() {
            wallboard.unwatch(ws);
            if (session != null) {
                Set<Connection> set = byUser.get(session.user().id());
                if (set != null) {
                    set.remove(this);
                    byUser.computeIfPresent(session.user().id(), (k, v) -> v.isEmpty() ? null : v);
                }
            }
        }
    }

    /** For tests: which agents have a socket open. */
    public List<String> agentsOnline() {
        return List.copyOf(byUser.keySet());
    }
}
