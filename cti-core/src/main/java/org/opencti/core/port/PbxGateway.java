package org.opencti.core.port;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;

/**
 * The PBX as the rest of the server sees it. Actions complete when the PBX has answered; an
 * Originate completes when the call was answered or failed (OriginateResponse), not when queued.
 */
public interface PbxGateway extends AutoCloseable {
    /**
     * Listeners are called on the gateway's own delivery thread, in PBX order. A gateway over several Asterisk boxes
     * ({@code MultiBoxGateway}) calls them on each box's delivery thread, each box's events in that box's order.
     */
    void addListener(PbxEventListener listener);

    void start();

    CompletionStage<PbxEvent.OriginateCompleted> originate(OriginateRequest request);

    /**
     * A supervisor joins a call: their phone is originated into {@code ChanSpy} on the agent's channel. Completes like
     * {@link #originate}: when the supervisor's phone answered (the spy starts just after, {@link PbxEvent.SpyStarted})
     * or the originate failed. Hanging up the supervisor's channel ends the spy.
     */
    CompletionStage<PbxEvent.OriginateCompleted> spy(SpyRequest request);

    CompletionStage<Void> redirect(String channel, String context, String exten, int priority);

    /**
     * Two channels sent to two places at once (AMI Redirect with ExtraChannel): what takes both parties of a
     * bridge out of it without the bridge's end hanging either of them up.
     */
    CompletionStage<Void> redirectBoth(String channel, String context, String exten, String extraChannel, String extraContext,
                                       String extraExten);

    CompletionStage<Void> bridge(String channel1, String channel2);

    CompletionStage<Void> hangup(String channel);

    CompletionStage<Void> setVariable(String channel, String name, String value);

    CompletionStage<List<LiveChannel>> liveChannels();

    /**
     * The state of an agent's phone, {@code phone} being its dial string as configured ({@code PJSIP/2001},
     * {@code Local/2001@agents}). Asked of the phone's {@linkplain #homeBox home box}; {@link PhoneState#UNKNOWN} when the
     * PBX cannot tell. Fails (like any action) when the PBX does not answer.
     */
    CompletionStage<PhoneState> phoneState(String phone);

    /**
     * The Asterisk box {@code phone} is homed on, when this gateway serves several and knows the phone; empty with one box
     * (every phone is on it) or for a phone it does not know.
     */
    default Optional<String> homeBox(String phone) {
        return Optional.empty();
    }

    @Override
    void close();
}
