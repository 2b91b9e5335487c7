package org.opencti.core.desktop;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencti.core.agent.AgentState;
import org.opencti.core.screenpop.ScreenPop;

/** What an agent's desktop is told, in the order it happened. Each event concerns one agent. */
public sealed interface DesktopEvent {
    String agentId();

    Instant at();

    record AgentStateChanged(String agentId, Instant at, AgentState state, String reason) implements DesktopEvent { }

    record CallOffered(String agentId, Instant at, String callId, String callerNumber, String queue)
        implements DesktopEvent { }

    /** {@code callData}: what the IVR collected and set for the call (intent, path, account checked...), by name. */
    record ScreenPopped(String agentId, Instant at, String callId, ScreenPop pop, Map<String, String> callData) implements DesktopEvent {
        public ScreenPopped {
            callData = Collections.unmodifiableMap(new LinkedHashMap<>(callData)); // in the order the IVR set them
        }

        public ScreenPopped(String agentId, Instant at, String callId, ScreenPop pop) {
            this(agentId, at, callId, pop, Map.of());
        }
    }

    record CallConnected(String agentId, Instant at, String callId) implements DesktopEvent { }

    record CallEnded(String agentId, Instant at, String callId, String outcome) implements DesktopEvent { }

    /** The agent's scheduled callbacks changed (scheduled, moved, cancelled, made, handed to the queue): time to reread them. */
    record CallbacksChanged(String agentId, Instant at) implements DesktopEvent { }

    /**
     * A preview campaign (or a callback due to this agent) shows the agent a lead to read before {@code answerBy}; the
     * agent then dials or skips it. {@code callbackId} is set for a callback.
     */
    record CampaignPreview(String agentId, Instant at, long campaignId, String campaignName, CampaignLead lead, Long callbackId,
                           String script, Instant answerBy) implements DesktopEvent { }

    /** The preview was taken back: no decision in time, or the campaign paused or stopped. */
    record CampaignPreviewWithdrawn(String agentId, Instant at, long campaignId, long leadId, String reason) implements DesktopEvent { }

    /**
     * A person answered a campaign call and is now connected to this agent: the lead, the script, and the dispositions
     * the wrap-up form offers for {@code attemptId}. {@code callId} names the call as the agent's other frames do.
     */
    record CampaignConnected(String agentId, Instant at, long campaignId, String campaignName, String callId, long attemptId,
                             CampaignLead lead, String script, List<DispositionChoice> dispositions) implements DesktopEvent {
        public CampaignConnected {
            dispositions = List.copyOf(dispositions);
        }
    }

    /** A callback is due: offered to this agent ({@code toAgent}) or being dialed for them from the pool. */
    record CampaignCallbackDue(String agentId, Instant at, long campaignId, long callbackId, CampaignLead lead, Instant dueAt,
                               boolean toAgent) implements DesktopEvent { }
}
