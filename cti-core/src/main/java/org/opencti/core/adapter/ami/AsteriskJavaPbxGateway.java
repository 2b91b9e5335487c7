package org.opencti.core.adapter.ami;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ExtensionStateAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.response.ExtensionStateResponse;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.OriginateRequest;
import org.opencti.core.port.PbxEventListener;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.port.SpyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PbxGateway} over Asterisk's Manager Interface, through Asterisk-Java's {@link ManagerConnection}.
 *
 * <p>Threads. Asterisk-Java calls {@link #onManagerEvent} on its single dispatch thread, which also
 * carries action responses: there we only translate the bean and offer the record to our bounded
 * {@link AmiEventQueue} (never blocking). Listeners run on {@code cti-ami-delivery}. Actions are sent
 * with Asterisk-Java's asynchronous {@code sendAction(action, callback)} from a small
 * {@code cti-ami-action} pool, and futures are completed on that pool, never on Asterisk-Java's thread
 * nor the caller's. The link lifecycle (login, ping, reconnect, resync) is {@link AmiLink}'s.
 */
public final class AsteriskJavaPbxGateway implements PbxGateway, ManagerEventListener {
    /** The box of a node with one Asterisk: its meters are tagged {@code box="default"}. */
    public static final String DEFAULT_BOX = "default";
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskJavaPbxGateway.class);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ORIGINATE_GRACE = Duration.ofSeconds(30);

    private final String box;
    private final ManagerConnection connection;
    private final AmiEventTranslator translator;
    private final AmiEventQueue queue;
    private final AmiLink link;
    private final ExecutorService actions;
    private final ConcurrentHashMap<String, CompletableFuture<PbxEvent.OriginateCompleted>> originates =
        new ConcurrentHashMap<>();
    private volatile String hintContext = PhoneHints.DEFAULT_HINT_CONTEXT;

    /** The link to a node's only Asterisk, box {@value #DEFAULT_BOX}. */
    public AsteriskJavaPbxGateway(String host, int port, String username, String secret, Duration pingInterval,
                                  Duration pingTimeout, Clock clock, MeterRegistry registry, int queueCapacity) {
        this(DEFAULT_BOX, host, port, username, secret, pingInterval, pingTimeout, clock, registry, queueCapacity);
    }

    /**
     * @param box          the Asterisk box's name: the {@code box} tag of the meters (reconnects, queue depth, events) and
     *                     in the threads' names; the events themselves are not tagged here (see MultiBoxGateway)
     * @param pingInterval how often the link is checked (Ping when up, login when down)
     * @param pingTimeout  a Ping unanswered this long means the link is dead
     * @param queueCapacity size of our event queue between Asterisk-Java and the listeners
     */
    public AsteriskJavaPbxGateway(String box, String host, int port, String username, String secret, Duration pingInterval,
                                  Duration pingTimeout, Clock clock, MeterRegistry registry, int queueCapacity) {
        this.box = Objects.requireNonNull(box, "box");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        this.connection = new ManagerConnectionFactory(host, port, username, secret).createManagerConnection();
        for (var userEvent : CtiUserEvents.ALL) {
            connection.registerUserEventClass(userEvent);
        }
        this.translator = new AmiEventTranslator(clock);
        this.queue = new AmiEventQueue(queueCapacity, registry, box);
        this.link = new AmiLink(connection, queue, translator, clock, pingInterval, pingTimeout, registry, this::failPending, box);
        AtomicInteger n = new AtomicInteger();
        this.actions = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, threadName("cti-ami-action", box) + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        connection.addEventListener(this);
    }

    @Override
    public void addListener(PbxEventListener listener) {
        queue.addListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void start() {
        queue.start();
        link.start();
    }

    /** Asterisk-Java's dispatch thread: translate and hand off, nothing else. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent) {
            link.connected();
            return;
        }
        if (event instanceof DisconnectEvent) {
            link.disconnected();
            return;
        }
        if (event instanceof FullyBootedEvent booted) {
            link.fullyBooted(booted.getUptime());
            return;
        }
        if (event instanceof ShutdownEvent) {
            link.shutdown();
        }
        PbxEvent record;
        try {
            record = translator.translate(event);
        } catch (RuntimeException e) {
            LOG.warn("Could not translate {}: {}", event.getClass().getSimpleName(), e.toString());
            return;
        }
        if (record == null) {
            return;
        }
        if (record instanceof PbxEvent.OriginateCompleted done && done.reference() != null) {
            CompletableFuture<PbxEvent.OriginateCompleted> pending = originates.remove(done.reference());
            if (pending != null) {
                completeLater(pending, done);
            }
        }
        queue.offer(record);
    }

    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request) {
        OriginateAction action = new OriginateAction();
        action.setChannel(request.dialString());
        action.setContext(request.context());
        action.setExten(request.exten());
        action.setPriority(request.priority());
        if (!request.variables().isEmpty()) {
            action.setVariables(request.variables());
        }
        return originate(action, request.reference(), request.callerId(), request.timeout());
    }

    /** Originate of the supervisor's phone with Application ChanSpy, Data {@code <agent channel>,<options>} (capture 05). */
    @Override
    public CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request) {
        OriginateAction action = new OriginateAction();
        action.setChannel(request.supervisorDialString());
        action.setApplication(SpyRequest.APPLICATION);
        action.setData(request.data());
        return originate(action, request.reference(), request.callerId(), request.timeout());
    }

    private CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateAction action, String requested, String callerId,
                                                                    Duration requestedTimeout) {
        String reference = requested.isBlank() ? "cti-" + UUID.randomUUID() : requested;
        action.setActionId(reference);
        if (callerId != null) {
            action.setCallerId(callerId);
        }
        Duration timeout = requestedTimeout == null ? Duration.ofSeconds(30) : requestedTimeout;
        action.setTimeout(timeout.toMillis());
        action.setAsync(Boolean.TRUE);
        CompletableFuture<PbxEvent.OriginateCompleted> result = new CompletableFuture<>();
        if (originates.putIfAbsent(reference, result) != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("originate " + reference + " already pending"));
        }
        send(action).whenComplete((ok, error) -> {
            if (error != null) {
                originates.remove(reference, result);
                result.completeExceptionally(error);
            }
        });
        return result.orTimeout(timeout.plus(ORIGINATE_GRACE).toMillis(), TimeUnit.MILLISECONDS)
            .whenComplete((ok, error) -> originates.remove(reference, result));
    }

    @Override
    public CompletionStage<Void> redirect(String channel, String context, String exten, int priority) {
        return send(new RedirectAction(channel, context, exten, priority)).thenApply(r -> null);
    }

    @Override
    public CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                              String extraExten) {
        RedirectAction action = new RedirectAction(channel, context, exten, 1);
        action.setExtraChannel(extraChannel);
        action.setExtraContext(extraContext);
        action.setExtraExten(extraExten);
        action.setExtraPriority(1);
        return send(action).thenApply(r -> null);
    }

    @Override
    public CompletionStage<Void> bridge(String channel1, String channel2) {
        return send(new BridgeAction(channel1, channel2, Boolean.FALSE)).thenApply(r -> null);
    }

    @Override
    public CompletionStage<Void> hangup(String channel) {
        return send(new HangupAction(channel)).thenApply(r -> null);
    }

    @Override
    public CompletionStage<Void> setVariable(String channel, String name, String value) {
        return send(new SetVarAction(channel, name, value)).thenApply(r -> null);
    }

    @Override
    public CompletionStage<List<LiveChannel>> liveChannels() {
        CompletableFuture<List<LiveChannel>> result = new CompletableFuture<>();
        runAction(result, () -> connection.sendEventGeneratingAction(new CoreShowChannelsAction(), answer -> {
            if (answer == null || answer.getResponse() == null) {
                failLater(result, new AmiActionException("CoreShowChannels: AMI link lost"));
            } else if (answer.getResponse() instanceof ManagerError error) {
                failLater(result, new AmiActionException("CoreShowChannels: " + error.getMessage()));
            } else {
                completeLater(result, List.copyOf(translator.toLiveChannels(answer.getEvents())));
            }
        }));
        return result.orTimeout(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * AMI {@code ExtensionState} on the phone's hint (see {@link PhoneHints}: why that action, which hint, the answer's
     * layout); {@link PhoneState#UNKNOWN} without asking for a dial string that names no hint.
     */
    @Override
    public CompletionStage<PhoneState> phoneState(String phone) {
        var hint = PhoneHints.of(phone, hintContext);
        if (hint.isEmpty()) {
            return CompletableFuture.completedFuture(PhoneState.UNKNOWN);
        }
        return send(new ExtensionStateAction(hint.get().exten(), hint.get().context())).thenApply(response ->
            response instanceof ExtensionStateResponse state ? PhoneHints.state(state.getStatus()) : PhoneState.UNKNOWN);
    }

    /**
     * The context of the hints of technology phones ({@code PJSIP/2001} is asked as {@code 2001@<context>}); default
     * {@value PhoneHints#DEFAULT_HINT_CONTEXT}. {@code Local/<exten>@<context>} phones are asked in their own context.
     */
    /** The context of the hints of technology phones. */
    public String hintContext() {
        return hintContext;
    }

    public AsteriskJavaPbxGateway hintContext(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("hint context: must not be blank");
        }
        this.hintContext = context.trim();
        return this;
    }

    /** The box's name; {@value #DEFAULT_BOX} for a node's only Asterisk. */
    public String box() {
        return box;
    }

    /** {@code cti-ami-link} for the only box, {@code cti-ami-link-b} for box b of several. */
    static String threadName(String base, String box) {
        return DEFAULT_BOX.equals(box) ? base : base + "-" + box;
    }

    /** AMI events translated and offered to our queue so far (delivered or dropped). */
    public long receivedCount() {
        return queue.receivedCount();
    }

    /** AMI events dropped because our queue was full. */
    public long droppedCount() {
        return queue.droppedCount();
    }

    /** Logins after the first one. */
    public long reconnectCount() {
        return link.reconnectCount();
    }

    /** Logged in to Asterisk right now. */
    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Events waiting for the delivery thread. */
    public int queueDepth() {
        return queue.depth();
    }

    private CompletableFuture<ManagerResponse> send(ManagerAction action) {
        CompletableFuture<ManagerResponse> result = new CompletableFuture<>();
        runAction(result, () -> connection.sendAction(action, response -> {
            if (response == null) {
                failLater(result, new AmiActionException(action.getAction() + ": AMI link lost"));
            } else if (response instanceof ManagerError error) {
                failLater(result, new AmiActionException(action.getAction() + ": " + error.getMessage()));
            } else {
                completeLater(result, response);
            }
        }));
        return result.orTimeout(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private interface AmiCall {
        void run() throws Exception;
    }

    private void runAction(CompletableFuture<?> result, AmiCall call) {
        try {
            actions.execute(() -> {
                try {
                    call.run();
                } catch (Exception e) {
                    result.completeExceptionally(new AmiActionException("AMI action not sent: " + e.getMessage(), e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new AmiActionException("gateway closed", e));
        }
    }

    private <T> void completeLater(CompletableFuture<T> future, T value) {
        try {
            actions.execute(() -> future.complete(value));
        } catch (RejectedExecutionException e) {
            future.complete(value);
        }
    }

    private void failLater(CompletableFuture<?> future, Throwable error) {
        try {
            actions.execute(() -> future.completeExceptionally(error));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(error);
        }
    }

    private void failPending(String why) {
        for (var entry : originates.entrySet()) {
            if (originates.remove(entry.getKey(), entry.getValue())) {
                failLater(entry.getValue(), new AmiActionException("originate " + entry.getKey() + ": " + why));
            }
        }
    }

    @Override
    public void close() {
        link.close();
        failPending("gateway closed");
        queue.close();
        actions.shutdown();
    }

    @Override
    public String toString() {
        return "AsteriskJavaPbxGateway[" + box + " " + connection.getHostname() + ":" + connection.getPort() + "]";
    }
}
