package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.opencti.acd.TransferRequest.Kind;
import org.opencti.acd.TransferRequest.Target;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.PbxEvent;

/** Blind and attended transfers on virtual time: what the PBX is asked, who is in which state, what the next pop and the history say. */
class TransferFlowTest {
    private static final QueueSetup SUPPORT = QueueSetup.simple("support", List.of(new SkillRequirement("support", 1)),
        Duration.ofSeconds(10), Duration.ofSeconds(15));
    private static final QueueSetup BILLING = QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)),
        Duration.ofSeconds(10), Duration.ofSeconds(15));

    private final AcdBench bench = new AcdBench(List.of(SUPPORT, BILLING), List.of(
        new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("support", 5)),
        new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("billing", 5)),
        new AgentProfile("2003", "Cy", "blue", "Local/2003@agents", Map.of("support", 5))));
    private ChannelRef caller;
    private ChannelRef leg1;

    /** A caller who told the IVR their intent is talking to 2001. */
    private void connectedTo2001() {
        bench.ready("2001");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "support");
        vars.put("CTI_INTENT", "refund");
        vars.put("CTI_IVR_DATA", "CTI_INTENT");
        caller = bench.callerOnHold("100.1", "+15551230001", vars);
        leg1 = bench.answer("200.1", "2001");
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
    }

    private AgentState transfer(String agent, Kind kind, Target.Type type, String value, String note) {
        return AcdBench.done(bench.acd.transfer(agent, new TransferRequest(kind, new Target(type, value), note))).state();
    }

    private Throwable refusal(Kind kind, Target.Type type, String value) {
        Throwable t = catchThrowable(() -> transfer("2001", kind, type, value, null));
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private List<DesktopEvent.ScreenPopped> popsOf(String agent) {
        return bench.pushed.stream().filter(e -> e instanceof DesktopEvent.ScreenPopped p && p.agentId().equals(agent))
            .map(e -> (DesktopEvent.ScreenPopped) e).toList();
    }

    @Test
    void blindToAQueueRequeuesTheCallerWithTheirCallDataAndTheNote() {
        connectedTo2001();
        bench.ready("2002");
        int before = bench.pbx.actions.size();

        assertThat(transfer("2001", Kind.BLIND, Target.Type.QUEUE, "billing", "wants a refund")).isEqualTo(AgentState.WRAP_UP);

        List<String> asked = bench.pbx.actions.subList(before, bench.pbx.actions.size());
        String legId = "c-100.1-t1";
        assertThat(asked).containsExactly(
            "setvar " + caller.name() + " CTI_TRANSFERRED_BY=2001",
            "setvar " + caller.name() + " CTI_TRANSFER_NOTE=wants a refund",
            "setvar " + caller.name() + " CTI_TRANSFER_LEG=" + legId,
            "setvar " + caller.name() + " CTI_IVR_DATA=CTI_INTENT,CTI_TRANSFERRED_BY,CTI_TRANSFER_NOTE",
            "setvar " + caller.name() + " CTI_QUEUE=billing",
            "redirect " + caller.name());
        assertThat(bench.pbx.redirects).last().isEqualTo(caller.name() + " -> cti-hold,s");
        InteractionRecord first = bench.history.get(0);
        assertThat(first.agentId()).isEqualTo("2001");
        assertThat(first.outcome()).isEqualTo("transferred");
        assertThat(first.transfer()).isEqualTo(new InteractionRecord.Transfer("blind", "2001", "queue:billing"));
        assertThat(bench.queueLogLines()).contains("BLINDTRANSFER support 2001").doesNotContain("COMPLETEAGENT support 2001");

        // The PBX: the variables, the old agent leg hangs up on its own, the caller reaches hold again.
        Map<String, String> set = new LinkedHashMap<>();
        set.put("CTI_TRANSFERRED_BY", "2001");
        set.put("CTI_TRANSFER_NOTE", "wants a refund");
        set.put("CTI_TRANSFER_LEG", legId);
        set.put("CTI_IVR_DATA", "CTI_INTENT,CTI_TRANSFERRED_BY,CTI_TRANSFER_NOTE");
        set.put("CTI_QUEUE", "billing");
        set.forEach((k, v) -> bench.acd.onPbxEvent(new PbxEvent.VariableSet(bench.time.now(), caller, k, v)));
        bench.hangUp(leg1);
        bench.acd.onPbxEvent(new PbxEvent.DialplanStep(bench.time.now(), caller, "cti-hold", "s", 1, "NoOp", "", "Caller"));

        DesktopEvent.ScreenPopped pop = popsOf("2002").get(0);
        assertThat(pop.callId()).isEqualTo(legId);
        assertThat(pop.callData()).containsExactly(Map.entry("CTI_INTENT", "refund"), Map.entry("CTI_TRANSFERRED_BY", "2001"),
            Map.entry("CTI_TRANSFER_NOTE", "wants a refund"));
        ChannelRef leg2 = bench.answer("200.2", "2002");
        assertThat(bench.state("2002")).isEqualTo(AgentState.ON_CALL);
        bench.hangUp(caller);
        assertThat(bench.history).hasSize(2);
        assertThat(bench.history.get(1).agentId()).isEqualTo("2002");
        assertThat(bench.history.get(1).queue()).isEqualTo("billing");
        assertThat(bench.history.get(1).key()).isEqualTo(caller.linkedId() + "/" + leg2.uniqueId());
        assertThat(bench.history.get(1).transfer()).isEqualTo(new InteractionRecord.Transfer("blind", "2001", "queue:billing"));
    }

    @Test
    void blindToAReadyAgentOffersThemTheCallWithTheNote() {
        connectedTo2001();
        bench.ready("2003");

        transfer("2001", Kind.BLIND, Target.Type.AGENT, "2003", "VIP, be nice");

        assertThat(bench.pbx.redirects).last().isEqualTo(caller.name() + " -> cti-onhold,s");
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.state("2003")).isEqualTo(AgentState.RINGING);
        assertThat(popsOf("2003").get(0).callData()).containsEntry("CTI_INTENT", "refund").containsEntry("CTI_TRANSFERRED_BY", "2001")
            .containsEntry("CTI_TRANSFER_NOTE", "VIP, be nice");
        assertThat(bench.originated()).last().isEqualTo("Local/2003@agents");

        ChannelRef leg3 = bench.answer("200.3", "2003");
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg3.name());
        bench.hangUp(leg1);
        assertThat(bench.state("2003")).isEqualTo(AgentState.ON_CALL);
        bench.hangUp(leg3);
        assertThat(bench.history).extracting(InteractionRecord::agentId, InteractionRecord::outcome)
            .containsExactly(tuple("2001", "transferred"), tuple("2003", "answered"));
        assertThat(bench.history.get(1).transfer().target()).isEqualTo("agent:2003");
    }

    @Test
    void anAgentWhoIsNotReadyOrUnknownIsRefusedAndNothingChanges() {
        connectedTo2001();
        AcdBench.done(bench.acd.login("2003"));
        AcdBench.done(bench.acd.notReady("2003", "lunch"));
        int before = bench.pbx.actions.size();

        assertThat(refusal(Kind.BLIND, Target.Type.AGENT, "2003")).isInstanceOf(IllegalStateException.class)
            .hasMessage("agent 2003 is not available: not ready (lunch)");
        assertThat(refusal(Kind.BLIND, Target.Type.AGENT, "9999")).isInstanceOf(TransferRequest.BadField.class)
            .hasMessage("unknown agent \"9999\"").extracting(t -> ((TransferRequest.BadField) t).field()).isEqualTo("agent");
        assertThat(refusal(Kind.BLIND, Target.Type.AGENT, "2001")).isInstanceOf(TransferRequest.BadField.class);
        assertThat(refusal(Kind.BLIND, Target.Type.QUEUE, "nope")).hasMessage("unknown queue \"nope\"");
        assertThat(refusal(Kind.ATTENDED, Target.Type.QUEUE, "billing")).isInstanceOf(TransferRequest.BadField.class);
        assertThat(refusal(Kind.BLIND, Target.Type.NUMBER, "12; Hangup")).isInstanceOf(TransferRequest.BadField.class)
            .extracting(t -> ((TransferRequest.BadField) t).field()).isEqualTo("number");

        assertThat(bench.pbx.actions).hasSize(before);
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(bench.history).isEmpty();
    }

    @Test
    void blindToANumberRedirectsTheCallerOut() {
        connectedTo2001();

        transfer("2001", Kind.BLIND, Target.Type.NUMBER, "+15550100", null);

        assertThat(bench.pbx.redirects).last().isEqualTo(caller.name() + " -> cti-outbound,+15550100");
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.history.get(0).transfer()).isEqualTo(new InteractionRecord.Transfer("blind", "2001", "number:+15550100"));
        bench.hangUp(leg1);
        bench.hangUp(caller);
        assertThat(bench.history).hasSize(1);
        assertThat(AcdBench.done(bench.acd.followedChannelCount())).isZero();
    }

    @Test
    void attendedCompletedBridgesTheCallerWithTheConsultedAgent() {
        connectedTo2001();
        bench.ready("2003");

        assertThat(transfer("2001", Kind.ATTENDED, Target.Type.AGENT, "2003", "address change")).isEqualTo(AgentState.ON_HOLD);
        assertThat(bench.pbx.actions).contains("redirect " + caller.name() + " -> cti-onhold + " + leg1.name() + " -> cti-consult");
        assertThat(bench.status("2001").reason()).isEqualTo("consulting agent:2003");
        assertThat(bench.state("2003")).isEqualTo(AgentState.RINGING);
        assertThatThrownBy(() -> AcdBench.done(bench.acd.completeTransfer("2001"))).hasMessageContaining("has not answered");
        assertThatThrownBy(() -> AcdBench.done(bench.acd.resume("2001"))).hasMessageContaining("cancel the transfer");

        ChannelRef leg3 = bench.answer("200.3", "2003");
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + leg1.name() + " + " + leg3.name());
        assertThat(bench.state("2003")).isEqualTo(AgentState.ON_CALL);

        assertThat(AcdBench.done(bench.acd.completeTransfer("2001")).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.pbx.actions.subList(bench.pbx.actions.size() - 2, bench.pbx.actions.size()))
            .containsExactly("bridge " + caller.name() + " + " + leg3.name(), "hangup " + leg1.name());
        assertThat(bench.history.get(0).transfer()).isEqualTo(new InteractionRecord.Transfer("attended", "2001", "agent:2003"));
        assertThat(bench.queueLogLines()).contains("ATTENDEDTRANSFER support 2001", "CONNECT support 2003");
        bench.hangUp(leg1);
        assertThat(bench.state("2003")).isEqualTo(AgentState.ON_CALL);

        bench.hangUp(caller);
        assertThat(bench.state("2003")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.history).hasSize(2);
        assertThat(bench.history.get(1).agentId()).isEqualTo("2003");
        assertThat(bench.history.get(1).transfer().kind()).isEqualTo("attended");
        assertThat(AcdBench.done(bench.acd.followedChannelCount())).isZero();
    }

    @Test
    void attendedCancelledBringsTheAgentBackAndReleasesTheConsultedAgent() {
        connectedTo2001();
        bench.ready("2003");
        transfer("2001", Kind.ATTENDED, Target.Type.AGENT, "2003", null);
        ChannelRef leg3 = bench.answer("200.3", "2003");

        assertThat(AcdBench.done(bench.acd.cancelTransfer("2001")).state()).isEqualTo(AgentState.ON_CALL);

        assertThat(bench.pbx.actions.subList(bench.pbx.actions.size() - 2, bench.pbx.actions.size()))
            .containsExactly("bridge " + caller.name() + " + " + leg1.name(), "hangup " + leg3.name());
        assertThat(bench.state("2003")).isEqualTo(AgentState.READY);
        bench.hangUp(leg3);
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThatThrownBy(() -> AcdBench.done(bench.acd.cancelTransfer("2001"))).hasMessageContaining("is not consulting");
        bench.hangUp(caller);
        assertThat(bench.history).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo("answered");
            assertThat(r.transfer()).isNull();
        });
    }

    @Test
    void whenTheConsultedPartyHangsUpTheAgentIsBackWithTheCallerAndWhenTheAgentHangsUpTheTransferCompletes() {
        connectedTo2001();
        bench.ready("2003");
        transfer("2001", Kind.ATTENDED, Target.Type.NUMBER, "+15550100", null);
        assertThat(bench.pbx.originates.values()).last().satisfies(o -> {
            assertThat(o.dialString()).isEqualTo("Local/+15550100@cti-outbound");
            assertThat(o.context()).isEqualTo("cti-customer-leg");
        });
        ChannelRef outside = bench.answer("300.1", "x");
        bench.hangUp(outside);
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg1.name());

        transfer("2001", Kind.ATTENDED, Target.Type.AGENT, "2003", null);
        ChannelRef leg3 = bench.answer("200.3", "2003");
        bench.hangUp(leg1);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.state("2003")).isEqualTo(AgentState.ON_CALL);
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg3.name());
    }

    @Test
    void aConsultedAgentWhoDoesNotAnswerGoesNotReadyAndTheAgentIsBack() {
        connectedTo2001();
        bench.ready("2003");
        transfer("2001", Kind.ATTENDED, Target.Type.AGENT, "2003", null);

        bench.pbx.fail(bench.pbx.lastReference(), 3);

        assertThat(bench.state("2003")).isEqualTo(AgentState.NOT_READY);
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg1.name());
    }

    @Test
    void onlyAnAgentWithAConnectedCallCanTransfer() {
        bench.ready("2001");
        assertThat(refusal(Kind.BLIND, Target.Type.QUEUE, "billing")).isInstanceOf(IllegalStateException.class)
            .hasMessage("agent 2001 cannot transfer: no connected call (agent is ready)");
    }

    @Test
    void aConferenceJoinsTheThreeAndTheAgentLeavingItHandsTheCallOn() {
        connectedTo2001();
        bench.ready("2003");
        assertThatThrownBy(() -> AcdBench.done(bench.acd.conference("2001"))).hasMessageContaining("no consultation in progress");
        transfer("2001", Kind.ATTENDED, Target.Type.AGENT, "2003", null);
        ChannelRef leg3 = bench.answer("200.3", "2003");

        assertThat(AcdBench.done(bench.acd.conference("2001")).reason()).isEqualTo("conference with agent:2003");

        assertThat(bench.pbx.actions).contains("redirect " + caller.name() + " -> cti-conference + " + leg1.name() + " -> cti-conference");
        assertThat(bench.pbx.redirects).last().isEqualTo(leg3.name() + " -> cti-conference,1001");
        assertThat(bench.state("2003")).isEqualTo(AgentState.ON_CALL);
        assertThatThrownBy(() -> AcdBench.done(bench.acd.hold("2001"))).hasMessageContaining("conference");

        bench.hangUp(leg1);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + caller.name() + " + " + leg3.name());
        bench.hangUp(caller);
        assertThat(bench.history).extracting(InteractionRecord::agentId).containsExactly("2001", "2003");
        assertThat(AcdBench.done(bench.acd.followedChannelCount())).isZero();
    }
}
