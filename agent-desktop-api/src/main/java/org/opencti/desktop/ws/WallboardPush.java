package org.opencti.desktop.ws;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.opencti.acd.AcdService;
import org.opencti.acd.AgentRoster;
import org.opencti.acd.stats.QueueSnapshot;
import org.opencti.core.cluster.DesktopRelay;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.queuelog.QueueLogEntry;
import org.opencti.desktop.auth.AuthService;
import org.opencti.desktop.auth.Role;
import org.opencti.desktop.auth.Session;
import org.opencti.desktop.auth.User;
import org.opencti.desktop.campaign.CampaignBoard;
import org.opencti.desktop.cluster.FloorAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes {@code wallboard} frames (every queue's snapshot and the agents the supervisor oversees) to supervisors' and
 * admins' WebSockets when something changes, at most one frame per {@code interval} per socket; the page never polls.
 *
 * <p>"Something changed" is heard from the two streams the ACD already emits for every moment that moves a figure: the
 * desktop events (every agent state change, offer, connect, end: {@link DesktopHub#notify}) and the queue_log entries
 * (a caller queued, answered, abandoned, overflowed; an agent added to or removed from a queue:
 * {@link #signalling(QueueLog, Runnable)}). {@link #changed()} only bumps a generation and arms each socket's timer, so
 * it costs the ACD's thread next to nothing; the snapshot is read from the ACD once per generation and shared by every
 * supervisor's frame, each filtered to the agents that supervisor may see.
 *
 * <p>Campaign figures move with every dial, which raises no event here, so they go in their own {@code campaigns} frame:
 * while anyone watches, the {@link CampaignBoard} is read once per {@code interval} and each watcher gets a frame with the
 * campaigns they may see, only when those changed (figures' own timestamps aside) and always once after they start.
 *
 * <p>With several nodes ({@link #joinCluster}) only the node that holds the floor makes frames (a standby's ACD decides
 * nothing, so its picture would be wrong): for its own sockets, and for every supervisor and admin user as if each had a
 * socket, published on the relay with the user's id (at most one per interval, when something changed; campaigns only
 * when that user's rows changed), which the other nodes hand to that user's sockets. A supervisor's socket opening on a
 * standby asks for its first frames ({@link #resend}). The supervisors are few, so the holder needs no presence list.
 */
public final class WallboardPush {
    private static final Logger LOG = LoggerFactory.getLogger(WallboardPush.class);

    private final Vertx vertx;
    private final AuthService auth;
    private final AcdService acd;
    private final long intervalMillis;
    private final Map<ServerWebSocket, Watcher> watchers = new ConcurrentHashMap<>();
    /** Every supervisor and admin user, for their sockets on the other nodes (empty with one node). */
    private final Map<String, Watcher> elsewhere = new ConcurrentHashMap<>();
    private volatile FloorAccess floor = FloorAccess.ALONE;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong framesSent = new AtomicLong();
    private volatile Board board;
    private volatile CampaignBoard campaigns = CampaignBoard.NONE;
    private long campaignTimer = -1;

    /** What the ACD looked like at one generation of changes. */
    private record Board(long generation, CompletableFuture<View> view) { }

    private record View(List<QueueSnapshot> queues, AgentRoster.Listing roster) { }

    /**
     * One supervisor's socket, or (ws null) their sockets on the other nodes: a frame is pending (timer armed) or not, and
     * when the last one went.
     */
    private static final class Watcher {
        final ServerWebSocket ws;
        final Session session;
        final User user;
        final Consumer<String> sink;
        final AtomicBoolean pending = new AtomicBoolean();
        volatile long lastSentNanos;
        volatile boolean sentAny;
        volatile String lastCampaigns;

        Watcher(ServerWebSocket ws, Session session) {
            this.ws = ws;
            this.session = session;
            this.user = session.user();
            this.sink = ws::writeTextMessage;
        }

        Watcher(User user, Consumer<String> sink) {
            this.ws = null;
            this.session = null;
            this.user = user;
            this.sink = sink;
        }

        boolean closed() {
            return ws != null && ws.isClosed();
        }
    }

    public WallboardPush(Vertx vertx, AuthService auth, AcdService acd, Duration interval) {
        this.vertx = vertx;
        this.auth = auth;
        this.acd = acd;
        this.intervalMillis = interval.toMillis();
    }

    /**
     * The queue_log the ACD writes, telling {@code changed} after every entry: wire it into the ACD's ports so queue
     * moments (which raise no desktop event) reach the wallboards too.
     */
    public static QueueLog signalling(QueueLog log, Runnable changed) {
        return new QueueLog() {
            @Override
            public void append(QueueLogEntry entry) {
                log.append(entry);
                changed.run();
            }

            @Override
            public void close() {
                log.close();
            }
        };
    }

    /** Something a wallboard shows has changed: every watcher gets a frame, coalesced to one per interval. Any thread. */
    public void changed() {
        generation.incrementAndGet();
        watchers.values().forEach(this::arm);
        elsewhere.values().forEach(this::arm);
    }

    /**
     * Makes frames for {@code users}' sockets on the other nodes too, published on {@code relay}, while {@code floorAccess}
     * says this node holds the floor; while it does not, makes none (the holder's reach this node's sockets). Once.
     */
    void joinCluster(FloorAccess floorAccess, DesktopRelay relay, List<User> users) {
        this.floor = floorAccess;
        for (User u : users) {
            if (u.role() != Role.AGENT) {
                elsewhere.put(u.id(), new Watcher(u, frame -> relay.publish(u.id(), frame)));
            }
        }
        if (!elsewhere.isEmpty()) {
            startCampaignTicks();
        }
    }

    /** A supervisor's socket opened on another node: their first frames go now (when this node holds the floor). */
    void resend(String userId) {
        Watcher w = elsewhere.get(userId);
        if (w != null) {
            w.lastCampaigns = null;
            w.sentAny = false;
            arm(w);
        }
    }

    /** A supervisor's socket starts watching: its first frame (the whole picture) goes at once. */
    void watch(ServerWebSocket ws, Session session) {
        Watcher w = new Watcher(ws, session);
        watchers.put(ws, w);
        arm(w);
        startCampaignTicks();
    }

    /** Where the campaigns' figures come from (the desktop server sets it); {@link CampaignBoard#NONE} until then. */
    public void setCampaigns(CampaignBoard board) {
        this.campaigns = Objects.requireNonNull(board, "board");
    }

    private synchronized void startCampaignTicks() {
        if (campaignTimer < 0) {
            campaignTimer = vertx.setPeriodic(intervalMillis, this::campaignTick);
        }
    }

    private void campaignTick(long timer) {
        synchronized (this) {
            if (watchers.isEmpty() && elsewhere.isEmpty()) {
                vertx.cancelTimer(timer);
                campaignTimer = -1;
                return;
            }
        }
        if (!floor.holdsFloor()) {
            return;
        }
        campaigns.figures().whenComplete((seen, failure) -> {
            if (failure != null) {
                LOG.warn("campaign figures unavailable: {}", failure.toString());
                return;
            }
            List<Watcher> all = new ArrayList<>(watchers.values());
            all.addAll(elsewhere.values());
            for (Watcher w : all) {
                // an expired session is closed by the next wallboard frame; it gets no campaigns meanwhile
                if (w.closed() || w.session != null && auth.authenticate(w.session.token()).isEmpty()) {
                    continue;
                }
                JsonArray rows = CampaignFiguresJson.list(CampaignBoard.visibleTo(seen, w.user));
                JsonArray withoutTimes = rows.copy();
                withoutTimes.forEach(r -> ((JsonObject) r).remove("at"));
                String key = withoutTimes.encode();
                if (!key.equals(w.lastCampaigns)) {
                    w.lastCampaigns = key;
                    w.sink.accept(new JsonObject().put("type", "campaigns").put("campaigns", rows).encode());
                    framesSent.incrementAndGet();
                }
            }
        });
    }

    void unwatch(ServerWebSocket ws) {
        watchers.remove(ws);
    }

    public int watchers() {
        return watchers.size();
    }

    public long framesSent() {
        return framesSent.get();
    }

    private void arm(Watcher w) {
        if (!w.pending.compareAndSet(false, true)) {
            return;
        }
        long sinceLast = (System.nanoTime() - w.lastSentNanos) / 1_000_000;
        long wait = w.sentAny ? intervalMillis - sinceLast : 0;
        if (wait <= 0) {
            vertx.runOnContext(v -> send(w));
        } else {
            vertx.setTimer(wait, id -> send(w));
        }
    }

    private void send(Watcher w) {
        if (w.ws == null ? elsewhere.get(w.user.id()) != w : watchers.get(w.ws) != w) {
            return;
        }
        if (w.closed()) {
            watchers.remove(w.ws, w);
            return;
        }
        if (w.session != null && auth.authenticate(w.session.token()).isEmpty()) {
            watchers.remove(w.ws);
            w.ws.close((short) 1008, "session expired");
            return;
        }
        if (!floor.holdsFloor()) {
            // a standby's picture would be wrong: the holder's frames reach this node's sockets through the relay
            w.pending.set(false);
            return;
        }
        // Changes from here on arm the next frame, one interval after this one.
        w.lastSentNanos = System.nanoTime();
        w.sentAny = true;
        w.pending.set(false);
        view().whenComplete((view, failure) -> {
            if (failure != null) {
                LOG.warn("wallboard unavailable: {}", failure.toString());
                return;
            }
            if (!w.closed()) {
                w.sink.accept(WallboardJson.frame(view.queues(), view.roster(), w.user).encode());
                framesSent.incrementAndGet();
            }
        });
    }

    /** The ACD's picture for the current generation, read once and shared by every watcher's frame. */
    private CompletionStage<View> view() {
        long g = generation.get();
        Board b = board;
        if (b != null && b.generation() == g && !b.view().isCompletedExceptionally()) {
            return b.view();
        }
        CompletableFuture<View> fresh = acd.queueSnapshots().thenCombine(acd.roster().agents(), View::new).toCompletableFuture();
        board = new Board(g, fresh);
        return fresh;
    }
}
