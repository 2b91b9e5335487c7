package org.opencti.acd;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.opencti.core.agent.AgentState;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.port.PhoneState;
import org.opencti.core.time.SingleWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an Asterisk box restarted (the reconcile has closed its calls), the phones of the agents homed on it are asked
 * again ({@link PbxGateway#phoneState}): a phone that did not register again would only ring into nothing, so its agent goes
 * not ready with the reason {@value #REASON}, which their desktop shows. Any other answer (available, in use, unknown) or
 * none changes nothing. With one box every idle agent is asked; with several, those whose phone's home box is the one that
 * restarted. Only a box restart starts it, not a reconnect nor a takeover.
 *
 * <p>The questions leave from the worker, never the ACD's thread; the answers are applied on the owner, by the floor holder
 * only, to an agent still idle (ready, not ready or wrapping up, no call) at the phone that was asked about.
 */
final class PhoneCheck {
    static final String REASON = "phone unavailable";
    private static final Logger LOG = LoggerFactory.getLogger(PhoneCheck.class);
    private static final Set<AgentState> IDLE = EnumSet.of(AgentState.READY, AgentState.NOT_READY, AgentState.WRAP_UP);

    private final AcdService acd;
    private final PbxGateway pbx;
    private final Executor worker;
    private final SingleWriter owner;

    PhoneCheck(AcdService acd, PbxGateway pbx, Executor worker, SingleWriter owner) {
        this.acd = acd;
        this.pbx = pbx;
        this.worker = worker;
        this.owner = owner;
    }

    /** On the owner, after {@link CallEnds#reconcile}: a resync that follows a restart checks that box's agents' phones. */
    void afterResync(PbxEvent.ChannelsResynced resynced) {
        owner.assertOwner();
        if (!resynced.pbxRestarted() || !acd.holdsFloor()) {
            return;
        }
        String box = resynced.box();
        for (AgentSession a : acd.sessions()) {
            String phone = a.profile.phone();
            if (idle(a) && (box == null || box.equals(pbx.homeBox(phone).orElse(null)))) {
                worker.execute(() -> ask(a, phone));
            }
        }
    }

    private void ask(AgentSession a, String phone) {
        try {
            pbx.phoneState(phone).whenComplete((state, failure) -> owner.execute(() -> answered(a, phone, state, failure)));
        } catch (RuntimeException e) {
            owner.execute(() -> answered(a, phone, null, e));
        }
    }

    private void answered(AgentSession a, String phone, PhoneState state, Throwable failure) {
        String agent = a.profile.id();
        if (failure != null) {
            LOG.warn("after the PBX restart, the state of agent {}'s phone {} is unknown: {}", agent, phone, failure.toString());
            return;
        }
        if (state != PhoneState.UNAVAILABLE || !acd.holdsFloor() || !idle(a) || !phone.equals(a.profile.phone())) {
            return; // reachable or unknown, or the agent moved on (a call, a logout, another phone) while the PBX answered
        }
        if (a.state == AgentState.NOT_READY && REASON.equals(a.reason)) {
            return;
        }
        LOG.info("after the PBX restart agent {}'s phone {} is unavailable: not ready", agent, phone);
        acd.change(a, AgentState.NOT_READY, REASON, true);
    }

    private static boolean idle(AgentSession a) {
        return IDLE.contains(a.state) && a.callId == null;
    }
}
