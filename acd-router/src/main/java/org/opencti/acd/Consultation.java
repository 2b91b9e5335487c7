package org.opencti.acd;

import java.time.Instant;

/**
 * An attended transfer in progress: the caller waits with music, the agent's leg is in the consult context and the
 * target (an agent's phone, or an outside number) is rung and then bridged with the agent. Owned by the ACD's owner.
 */
final class Consultation {
    final TransferRequest.Target target;
    final String note;
    /** The call id the caller will have with the target once the transfer completes (the consulted agent's pop shows it). */
    final String nextCallId;
    /** The consulted agent; null for an outside number. */
    final AgentSession agent;
    final Instant startedAt;
    String legUniqueId;
    String legChannel;
    boolean answered;
    /** The three are in a conference ([cti-conference]); complete then means the agent leaves it, cancel drops the target. */
    boolean conference;

    Consultation(TransferRequest.Target target, String note, String nextCallId, AgentSession agent, Instant startedAt) {
        this.target = target;
        this.note = note;
        this.nextCallId = nextCallId;
        this.agent = agent;
        this.startedAt = startedAt;
    }
}
