package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.acd.DeskBench.done;
import static org.opencti.acd.DeskBench.refusal;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.event.ChannelRef;

/** A ready agent clicks a customer's number: their phone rings, then the customer's, and the two are bridged. */
class ClickToDialTest {
    private static final String ALICE = "+12025550143";
    private DeskBench desk;
    private AcdBench bench;

    @BeforeEach
    void readyAnn() {
        desk = new DeskBench(false);
        bench = desk.bench;
        done(desk.desk().login("2001", "2101"));
        done(bench.acd.ready("2001"));
    }

    private String lastOutcome() {
        return bench.pushed.stream().filter(e -> e instanceof DesktopEvent.CallEnded).map(e -> ((DesktopEvent.CallEnded) e).outcome())
            .reduce((a, b) -> b).orElse(null);
    }

    @Test
    void agentFirstThenTheCustomerThenWrapUpAndTheCallIsRecordedAsOutbound() {
        assertThat(done(desk.desk().dial("2001", ALICE, 7L)).state()).isEqualTo(AgentState.RINGING);
        assertThat(bench.originated()).as("the agent's phone first").containsExactly("PJSIP/2101");
        assertThat(bench.pushed).filteredOn(e -> e instanceof DesktopEvent.ScreenPopped).singleElement()
            .satisfies(e -> assertThat(((DesktopEvent.ScreenPopped) e).callData()).containsEntry("CTI_DIRECTION", "outbound"));
        ChannelRef leg = bench.answer("100.9", "2001");
        assertThat(bench.originated()).containsExactly("PJSIP/2101", "Local/" + ALICE + "@cti-outbound");
        assertThat(bench.pbx.originates.get(bench.pbx.lastReference()).context()).isEqualTo("cti-customer-leg");
        assertThat(bench.state("2001")).isEqualTo(AgentState.ON_CALL);

        ChannelRef customer = bench.answer("200.1", "customer");
        assertThat(bench.pbx.actions).last().isEqualTo("bridge " + customer.name() + " + " + leg.name());
        assertThat(bench.pushed).anyMatch(e -> e instanceof DesktopEvent.CallConnected);
        bench.time.advance(Duration.ofSeconds(95));
        bench.hangUp(customer);
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        assertThat(bench.history).singleElement().satisfies(r -> {
            assertThat(r.channel()).isEqualTo("outbound");
            assertThat(r.agentId()).isEqualTo("2001");
            assertThat(r.outcome()).isEqualTo("answered");
            assertThat(r.customerId()).isEqualTo(7L);
            assertThat(r.callerNumber()).isEqualTo(ALICE);
            assertThat(r.key()).startsWith("outbound:dial-").endsWith("/100.9");
            assertThat(Duration.between(r.answeredAt(), r.endedAt())).isEqualTo(Duration.ofSeconds(95));
        });
        assertThat(bench.queueLogLines()).as("never in a queue").noneMatch(l -> l.startsWith("COMPLETE"));
        bench.time.advance(Duration.ofSeconds(10));
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
    }

    @Test
    void busyAndNoAnswerEndWithAClearEventTheAgentReadyAndTheAttemptRecorded() {
        done(desk.desk().dial("2001", ALICE, 7L));
        bench.answer("100.9", "2001");
        bench.pbx.fail(bench.pbx.lastReference(), 5);
        assertThat(lastOutcome()).isEqualTo("customer busy");
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
        assertThat(bench.pbx.actions).contains("hangup Local/2001@agents-100.9;1");

        done(desk.desk().dial("2001", ALICE, 7L));
        bench.answer("101.9", "2001");
        bench.pbx.fail(bench.pbx.lastReference(), 3);
        assertThat(lastOutcome()).isEqualTo("customer did not answer");
        assertThat(bench.history).extracting(InteractionRecord::outcome).containsExactly("busy", "no answer");
        assertThat(bench.history).allSatisfy(r -> assertThat(r.channel()).isEqualTo("outbound"));
        assertThat(bench.originated()).as("dialed once each, never again").filteredOn(d -> d.endsWith("@cti-outbound")).hasSize(2);
        bench.time.advance(CallbackFlow.RETRY_AFTER.multipliedBy(3));
        assertThat(bench.originated()).hasSize(4);
        assertThat(done(bench.acd.liveCallCount())).isZero();
    }

    @Test
    void anAgentWhoIsNotReadyOrOnACallMayNotDial() {
        done(bench.acd.notReady("2001", "lunch"));
        DeskRefusal r = refusal(desk.desk().dial("2001", ALICE, 7L));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.CONFLICT);
        assertThat(r.getMessage()).isEqualTo("agent 2001 can dial only when ready (is not ready)");
        done(bench.acd.ready("2001"));
        bench.callerOnHold("100.1", "+15551230001", Map.of("CTI_QUEUE", DeskBench.BILLING));
        assertThat(refusal(desk.desk().dial("2001", ALICE, 7L)).getMessage())
            .isEqualTo("agent 2001 can dial only when ready (is ringing, on call c-100.1)");
        assertThat(bench.originated()).containsExactly("PJSIP/2101");
    }

    @Test
    void aDoNotCallNumberIsRefusedAndNothingIsDialed() {
        desk.doNotCall.add(ALICE);
        DeskRefusal r = refusal(desk.desk().dial("2001", ALICE, 7L));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.FORBIDDEN);
        assertThat(r.field()).isEqualTo("number");
        assertThat(r.getMessage()).isEqualTo(ALICE + " may not be called: it is on the internal do-not-call list");
        assertThat(bench.originated()).isEmpty();
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
    }

    @Test
    void aTypedNumberNeedsManualDialing() {
        DeskRefusal r = refusal(desk.desk().dial("2001", ALICE, null));
        assertThat(r.kind()).isEqualTo(DeskRefusal.Kind.FORBIDDEN);
        assertThat(r.getMessage()).isEqualTo("manual dialing is off here: dial a number from a customer's record");
        assertThat(bench.originated()).isEmpty();

        DeskBench manual = new DeskBench(true);
        done(manual.bench.acd.login("2002"));
        done(manual.bench.acd.ready("2002"));
        assertThat(done(manual.desk().dial("2002", ALICE, null)).state()).isEqualTo(AgentState.RINGING);
    }

    @Test
    void theAgentsPhoneNotAnsweringEndsTheCallWithoutDialingTheCustomer() {
        done(desk.desk().dial("2001", ALICE, 7L));
        bench.pbx.fail(bench.pbx.lastReference(), 3);
        assertThat(bench.state("2001")).isEqualTo(AgentState.NOT_READY);
        assertThat(lastOutcome()).isEqualTo("your phone did not answer");
        assertThat(bench.originated()).containsExactly("PJSIP/2101");
        assertThat(bench.history).extracting(InteractionRecord::outcome).containsExactly("agent did not answer");
        assertThat(done(bench.acd.waitingCalls())).as("never put in a queue").isEmpty();
    }

    @Test
    void theAgentHangingUpWhileTheCustomerRingsEndsItAndALateAnswerIsReleased() {
        done(desk.desk().dial("2001", ALICE, 7L));
        ChannelRef leg = bench.answer("100.9", "2001");
        String customerDial = bench.pbx.lastReference();
        bench.hangUp(leg);
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
        assertThat(bench.history).extracting(InteractionRecord::outcome).containsExactly("agent hung up");
        bench.pbx.answer(customerDial, new org.opencti.core.event.PbxEvent.OriginateCompleted(bench.time.now(), customerDial, true, 4,
            "200.1", "Local/" + ALICE + "@cti-outbound-1;1"));
        assertThat(bench.pbx.actions).last().isEqualTo("hangup Local/" + ALICE + "@cti-outbound-1;1");
        assertThat(done(bench.acd.liveCallCount())).isZero();
    }
}
