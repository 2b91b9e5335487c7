package org.opencti.acd;

import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.opencti.core.agent.AgentStatus;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.SpyMode;
import org.opencti.core.port.SpyRequest;

/**
 * What a supervisor does to an agent: listen to, whisper to (coach) or barge into their call, with the
 * supervisor's own phone rung into {@code ChanSpy} on the agent's leg; force them not ready or log them out. Who may
 * do this to whom is the caller's business (the desktop API checks teams). Thread-safe: the ACD's state is read
 * through {@link AcdService#agentLine}, on its owner.
 *
 * <p>A supervisor has one spy at a time: a new listen, whisper or barge first hangs up the one before, so going
 * from listening to barging rings the supervisor's phone once more rather than twice at once.
 */
public final class SupervisorActions {
    /** How long the supervisor's phone may ring. */
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(20);

    /** The spy started: the supervisor's channel now runs ChanSpy on {@code agentLegChannel}. */
    public record Spy(String agentId, SpyMode mode, String agentLegChannel, String supervisorChannel) { }

    /** The supervisor's phone did not answer (or could not be rung); {@code reason} is Asterisk's OriginateResponse Reason. */
    public static final class PhoneNotAnswered extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PhoneNotAnswered(String message) {
            super(message);
        }
    }

    private final AcdService acd;
    private final PbxGateway pbx;
    private final Map<String, String> phones;
    private final Map<String, String> spying = new ConcurrentHashMap<>();

    /**
     * @param phones each supervisor's (and admin's) own phone by user id: the dial string rung for a spy
     */
    public SupervisorActions(AcdService acd, PbxGateway pbx, Map<String, String> phones) {
        this.acd = Objects.requireNonNull(acd, "acd");
        this.pbx = Objects.requireNonNull(pbx, "pbx");
        this.phones = Map.copyOf(phones);
    }

    /** The agent as supervisors see them; fails with {@link NoSuchElementException} for an unknown agent. */
    public CompletionStage<AgentLine> agent(String agentId) {
        return acd.agentLine(agentId).thenApply(line -> line.orElseThrow(() ->
            new NoSuchElementException("unknown agent \"" + agentId + "\"")));
    }

    /**
     * Rings {@code supervisorId}'s phone into ChanSpy on the agent's leg. Completes once the supervisor answered.
     * Fails with {@link NoSuchElementException} (unknown agent), {@link IllegalStateException} (the agent is not on a
     * call; the supervisor has no phone) or {@link PhoneNotAnswered}.
     */
    public CompletionStage<Spy> spy(String supervisorId, String supervisorName, String agentId, SpyMode mode) {
        Objects.requireNonNull(mode, "mode");
        String phone = phones.get(supervisorId);
        if (phone == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no phone is configured for " + supervisorId));
        }
        return agent(agentId).thenCompose(line -> {
            if (!line.onCall()) {
                throw new IllegalStateException("agent " + agentId + " is not on a call (" + line.state().name().toLowerCase()
                    .replace('_', ' ') + ")");
            }
            String previous = spying.remove(supervisorId);
            CompletionStage<Void> before = previous == null ? CompletableFuture.completedFuture(null)
                : pbx.hangup(previous).exceptionally(gone -> null);
            String name = supervisorName == null || supervisorName.isBlank() ? supervisorId : supervisorName.replace("\"", "");
            SpyRequest request = new SpyRequest("spy-" + supervisorId + "-" + System.nanoTime(), phone, line.agentLegChannel(),
                mode, "\"" + name + "\" <" + supervisorId + ">", RING_TIMEOUT);
            return before.thenCompose(v -> pbx.spy(request)).thenApply(done -> started(supervisorId, line, mode, done));
        });
    }

    private Spy started(String supervisorId, AgentLine line, SpyMode mode, PbxEvent.OriginateCompleted done) {
        if (!done.success()) {
            throw new PhoneNotAnswered("the phone of " + supervisorId + " did not answer (" + reason(done.reason()) + ")");
        }
        spying.put(supervisorId, done.channelName());
        return new Spy(line.agentId(), mode, line.agentLegChannel(), done.channelName());
    }

    private static String reason(int reason) {
        return switch (reason) {
            case 3 -> "no answer";
            case 5 -> "busy";
            case 8 -> "congestion";
            default -> "failed, reason " + reason;
        };
    }

    /** The agent goes not ready with {@code reason}; refused while they are on a call. */
    public CompletionStage<AgentStatus> forceNotReady(String agentId, String reason) {
        return acd.notReady(agentId, reason == null || reason.isBlank() ? "set by supervisor" : reason);
    }

    /** The agent is logged out; refused while they are on a call. */
    public CompletionStage<AgentStatus> forceLogout(String agentId) {
        return acd.logout(agentId);
    }
}
