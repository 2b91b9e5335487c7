package org.opencti.core.adapter.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.response.ManagerError;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the AMI link alive and tells downstream when it (re)starts. Runs on one thread,
 * {@code cti-ami-link}; Asterisk-Java's callbacks only post tasks to it, so the state here has one writer.
 *
 * <p>Who reconnects. A socket that closes or errors is reconnected by Asterisk-Java itself: on its
 * {@code DisconnectEvent} it always starts its own reconnect thread (50 ms retries, then every 5 s) and
 * there is no switch to turn that off, so a second loop of ours would race it for the same connection.
 * We drive the cases it cannot see: the first login (Asterisk-Java never retries a login that was not
 * connected before), a half-open link (no FIN, so no DisconnectEvent: our Ping gets no answer within
 * the timeout and we {@code logoff()}, which closes the socket and leaves the connection DISCONNECTED),
 * and an Asterisk-Java reconnect that gave up. A watchdog tick every ping interval pings when CONNECTED
 * and logs in when DISCONNECTED; it waits a tick after our logoff so the old socket's DisconnectEvent is
 * dispatched before a new login (Asterisk-Java would treat a late one as a drop of the new session).
 *
 * <p>On every login: FullyBooted's {@code Uptime} (in the login burst, or later as an event when we
 * connected during boot) gives the PBX's boot instant; if it moved, or the uptime is lower than the
 * last one, or a Shutdown was seen, the PBX restarted. Then CoreShowChannels is taken with the event
 * queue on hold and {@code PbxReady} and {@code ChannelsResynced} are queued ahead of the events that
 * arrived meanwhile.
 */
final class AmiLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    private static final Duration BOOT_TOLERANCE = Duration.ofSeconds(2);
    private static final long SNAPSHOT_TIMEOUT_MS = 10_000;

    private final ManagerConnection connection;
    private final String box;
    private final AmiEventQueue queue;
    private final AmiEventTranslator translator;
    private final Clock clock;
    private final Duration pingInterval;
    private final Duration pingTimeout;
    private final Counter reconnects;
    private final Consumer<String> onLinkLost;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean closed = new AtomicBoolean();

    // state below: touched only on the link thread
    private boolean linkUp;
    private boolean everConnected;
    private boolean readySent;
    private Long sessionUptime;
    private Instant lastBoot;
    private Long lastUptime;
    private boolean shutdownSeen;
    private long pingSeq;
    private long pingOutstandingSince;

    AmiLink(ManagerConnection connection, AmiEventQueue queue, AmiEventTranslator translator, Clock clock,
            Duration pingInterval, Duration pingTimeout, MeterRegistry registry, Consumer<String> onLinkLost, String box) {
        this.connection = connection;
        this.box = box;
        this.queue = queue;
        this.translator = translator;
        this.clock = clock;
        this.pingInterval = pingInterval;
        this.pingTimeout = pingTimeout;
        this.onLinkLost = onLinkLost;
        this.reconnects = Counter.builder("cti.ami.reconnects").description("AMI logins after the first").tag("box", box)
            .register(registry);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, AsteriskJavaPbxGateway.threadName("cti-ami-link", box));
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.execute(this::login);
        long interval = pingInterval.toMillis();
        thread.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    long reconnectCount() {
        return (long) reconnects.count();
    }

    // ---- posted by Asterisk-Java threads -------------------------------------------------------

    void connected() {
        post(this::onConnected);
    }

    void disconnected() {
        post(() -> onLinkLost("connection closed"));
    }

    void fullyBooted(Integer uptime) {
        post(() -> onFullyBooted(uptime == null ? 0L : uptime.longValue()));
    }

    void shutdown() {
        post(() -> shutdownSeen = true);
    }

    private void post(Runnable task) {
        if (!closed.get()) {
            try {
                thread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("AMI link closed, task ignored");
            }
        }
    }

    // ---- link thread ---------------------------------------------------------------------------

    private void login() {
        if (closed.get()) {
            return;
        }
        try {
            connection.login("on");
        } catch (Exception e) {
            LOG.warn("AMI login to {}:{} failed: {}; retrying in {} ms", connection.getHostname(), connection.getPort(),
                e.getMessage(), pingInterval.toMillis());
        }
    }

    private void onConnected() {
        if (linkUp) {
            return;
        }
        linkUp = true;
        readySent = false;
        if (everConnected) {
            reconnects.increment();
        }
        LOG.info("AMI logged in to box {} at {}:{}", box, connection.getHostname(), connection.getPort());
        if (sessionUptime != null) {
            resync();
        }
    }

    private void onFullyBooted(long uptime) {
        sessionUptime = uptime;
        if (linkUp && !readySent) {
            resync();
        }
    }

    private void onLinkLost(String why) {
        sessionUptime = null;
        if (!linkUp) {
            return;
        }
        linkUp = false;
        readySent = false;
        pingOutstandingSince = 0;
        LOG.warn("AMI link to box {} lost: {}", box, why);
        queue.offer(new PbxEvent.PbxLinkLost(clock.instant(), why));
        onLinkLost.accept(why);
    }

    private void resync() {
        Instant now = clock.instant();
        long uptime = sessionUptime;
        Instant boot = now.minusSeconds(uptime);
        boolean restarted = shutdownSeen || lastUptime != null && uptime < lastUptime
            || lastBoot != null && boot.isAfter(lastBoot.plus(BOOT_TOLERANCE));
        queue.hold();
        List<LiveChannel> channels = List.of();
        boolean ok = false;
        try {
            ResponseEvents answer = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), SNAPSHOT_TIMEOUT_MS);
            if (answer.getResponse() instanceof ManagerError error) {
                LOG.warn("CoreShowChannels refused: {}", error.getMessage());
            } else {
                channels = translator.toLiveChannels(answer.getEvents());
                ok = true;
            }
        } catch (Exception e) {
            LOG.warn("CoreShowChannels failed: {}", e.toString());
        }
        if (!ok) {
            queue.releaseHeld(List.of());
            thread.schedule(() -> {
                if (linkUp && !readySent && sessionUptime != null) {
                    resync();
                }
            }, pingInterval.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        Instant at = clock.instant();
        queue.releaseHeld(List.of(new PbxEvent.PbxReady(at, uptime, everConnected),
            new PbxEvent.ChannelsResynced(at, channels, restarted)));
        readySent = true;
        everConnected = true;
        shutdownSeen = false;
        lastUptime = uptime;
        lastBoot = lastBoot == null || restarted || boot.isAfter(lastBoot) ? boot : lastBoot;
    }

    private void tick() {
        ManagerConnectionState state = connection.getState();
        if (state == ManagerConnectionState.CONNECTED && linkUp) {
            ping();
        } else if (state == ManagerConnectionState.INITIAL || state == ManagerConnectionState.DISCONNECTED) {
            login();
        }
    }

    private void ping() {
        if (pingOutstandingSince != 0) {
            checkPing(pingSeq);
            return;
        }
        long seq = ++pingSeq;
        pingOutstandingSince = System.nanoTime();
        try {
            connection.sendAction(new PingAction(), response -> {
                if (response != null) {
                    post(() -> {
                        if (pingSeq == seq) {
                            pingOutstandingSince = 0;
                        }
                    });
                }
            });
        } catch (Exception e) {
            LOG.debug("Ping not sent: {}", e.toString());
        }
        thread.schedule(() -> checkPing(seq), pingTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkPing(long seq) {
        boolean unanswered = pingSeq == seq && pingOutstandingSince != 0
            && System.nanoTime() - pingOutstandingSince >= pingTimeout.toNanos();
        if (unanswered && linkUp) {
            pingOutstandingSince = 0;
            forceReconnect("no answer to Ping within " + pingTimeout.toMillis() + " ms");
        }
    }

    private void forceReconnect(String why) {
        onLinkLost(why);
        try {
            connection.logoff();
        } catch (RuntimeException e) {
            LOG.debug("logoff after a dead link: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            thread.shutdownNow();
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                LOG.debug("logoff on close: {}", e.toString());
            }
        }
    }
}
