package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.opencti.core.agent.AgentState;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.port.OriginateRequest;

/**
 * What reaches the history of a call beyond its outcome: the IVR path and data, the recording, and the agent's
 * after-call work, written as updates of the call's row after it, by the agent who had the call only.
 */
class AcdWrapUpTest {
    private static final List<Disposition> CODES = List.of(new Disposition("resolved", "Resolved"),
        new Disposition("refund-issued", "Refund issued"));
    private static final QueueSetup BILLING = QueueSetup.simple("billing", List.of(new SkillRequirement("billing", 1)),
        Duration.ofSeconds(30), Duration.ofSeconds(15)).withWrapUp(true, CODES);
    private static final QueueSetup SUPPORT = QueueSetup.simple("support", List.of(new SkillRequirement("support", 1)),
        Duration.ofSeconds(10), Duration.ofSeconds(15));

    private final AcdBench bench = new AcdBench(List.of(BILLING, SUPPORT), List.of(
        new AgentProfile("2001", "Ann", "blue", "Local/2001@agents", Map.of("billing", 5)),
        new AgentProfile("2002", "Bob", "blue", "Local/2002@agents", Map.of("support", 5))));

    /** A caller the IVR placed in billing, answered by 2001 and ended by the caller after a minute. */
    private String answeredBillingCall() {
        bench.ready("2001");
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "billing");
        vars.put("CTI_INTENT", "refund");
        vars.put("CTI_ACCOUNT", "AC-7");
        vars.put("CTI_PIN_OK", "yes");
        vars.put("CTI_IVR_PATH", "main>billing>refund");
        vars.put("CTI_IVR_DATA", "CTI_QUEUE,CTI_IVR_PATH,CTI_INTENT,CTI_ACCOUNT,CTI_PIN_OK");
        ChannelRef caller = bench.callerOnHold("100.1", "+15551230001", vars);
        bench.answer("100.2", "2001");
        bench.time.advance(Duration.ofSeconds(60));
        bench.hangUp(caller);
        return "c-100.1";
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Test
    void aRecordedQueuesCallCarriesItsRecordingAndTheIvrPathAndDataWithoutAPin() {
        String callId = answeredBillingCall();

        OriginateRequest leg = bench.pbx.originates.values().iterator().next();
        assertThat(leg.variables()).containsEntry("CTI_RECORD", "yes").containsEntry("CTI_CALL_ID", callId);
        InteractionRecord row = bench.history.get(0);
        assertThat(row.recording()).isEqualTo(callId + ".wav");
        assertThat(row.ivrPath()).isEqualTo("main>billing>refund");
        assertThat(row.ivrData()).containsExactly(Map.entry("CTI_QUEUE", "billing"), Map.entry("CTI_INTENT", "refund"),
            Map.entry("CTI_ACCOUNT", "AC-7"));
        assertThat(row.disposition()).as("the after-call work comes later").isNull();
    }

    @Test
    void aQueueThatDoesNotRecordSetsNoRecordingVariableAndStoresNoReference() {
        bench.ready("2002");
        ChannelRef caller = bench.callerOnHold("200.1", "+15551230002", Map.of("CTI_QUEUE", "support"));
        bench.answer("200.2", "2002");
        bench.hangUp(caller);

        assertThat(bench.pbx.originates.values().iterator().next().variables()).doesNotContainKey("CTI_RECORD");
        assertThat(bench.history.get(0).recording()).isNull();
        assertThat(bench.history.get(0).ivrPath()).isNull();
    }

    @Test
    void theDispositionAndNotesAndTheWrapUpLengthUpdateTheRowAfterItsInsert() {
        String callId = answeredBillingCall();
        String key = bench.history.get(0).key();
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
        WrapUpForm form = AcdBench.done(bench.acd.wrapUpForm("2001")).orElseThrow();
        assertThat(form.callId()).isEqualTo(callId);
        assertThat(form.dispositions()).isEqualTo(CODES);
        assertThat(form.wrappingUp()).isTrue();

        bench.time.advance(Duration.ofSeconds(25));
        AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(callId, "refund-issued", "  Refund of 20 EUR sent  ", true)));

        assertThat(bench.state("2001")).as("finished: ready again").isEqualTo(AgentState.READY);
        assertThat(bench.log.order).containsExactly("record " + key, "wrapUp " + key, "wrapUp " + key);
        assertThat(bench.log.wrapUps).containsExactly(
            new WrapUpRecord(key, null, null, "refund-issued", "Refund of 20 EUR sent"),
            WrapUpRecord.time(key, null, 25));
        assertThat(AcdBench.done(bench.acd.wrapUpForm("2001")).orElseThrow())
            .extracting(WrapUpForm::wrappingUp, WrapUpForm::disposition, WrapUpForm::notes)
            .containsExactly(false, "refund-issued", "Refund of 20 EUR sent");
    }

    @Test
    void theFormMayBeSentAfterTheWrapUpEndedByItselfButNotAnHourLater() {
        String callId = answeredBillingCall();
        String key = bench.history.get(0).key();
        bench.time.advance(Duration.ofSeconds(30));
        assertThat(bench.state("2001")).isEqualTo(AgentState.READY);
        assertThat(bench.log.wrapUps).containsExactly(WrapUpRecord.time(key, null, 30));

        AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(null, "resolved", null, true)));
        assertThat(bench.log.wrapUps).hasSize(2).last().isEqualTo(new WrapUpRecord(key, null, null, "resolved", null));
        assertThat(bench.state("2001")).as("finish has nothing to end").isEqualTo(AgentState.READY);

        bench.time.advance(AfterCallWork.LATE_LIMIT);
        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(callId, "resolved", null, false))))
            .satisfies(e -> assertThat(cause(e)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no call to wrap up"));
        assertThat(bench.log.wrapUps).hasSize(2);
    }

    @Test
    void onlyTheAgentWhoHadTheCallAndOnlyThatCall() {
        answeredBillingCall();

        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2002", new WrapUpEntry("c-100.1", "resolved", null, false))))
            .satisfies(e -> assertThat(cause(e)).isInstanceOf(IllegalStateException.class)
                .hasMessage("agent 2002 has no call to wrap up"));
        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry("c-999.1", "resolved", null, false))))
            .satisfies(e -> assertThat(cause(e)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call c-999.1 is not agent 2001's last call (c-100.1)"));
        assertThat(bench.log.wrapUps).isEmpty();
    }

    @Test
    void badDispositionsAndNotesAreRefusedNamingTheFieldAndNothingIsWritten() {
        answeredBillingCall();

        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(null, "sold", null, false))))
            .satisfies(e -> assertThat(cause(e)).isInstanceOfSatisfying(TransferRequest.BadField.class, b -> {
                assertThat(b.field()).isEqualTo("disposition");
                assertThat(b.getMessage()).isEqualTo("\"sold\" is not a disposition of queue billing; one of resolved, refund-issued");
            }));
        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(null, null, "x".repeat(2001), false))))
            .satisfies(e -> assertThat(((TransferRequest.BadField) cause(e)).field()).isEqualTo("notes"));
        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(null, null, "bell\u0007", false))))
            .satisfies(e -> assertThat(((TransferRequest.BadField) cause(e)).field()).isEqualTo("notes"));
        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2001", new WrapUpEntry(null, " ", "", false))))
            .satisfies(e -> assertThat(((TransferRequest.BadField) cause(e)).field()).isEqualTo("disposition"));
        assertThat(bench.log.wrapUps).isEmpty();
        assertThat(bench.state("2001")).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aQueueWithoutCodesTakesNotesOnly() {
        bench.ready("2002");
        ChannelRef caller = bench.callerOnHold("200.1", "+15551230002", Map.of("CTI_QUEUE", "support"));
        bench.answer("200.2", "2002");
        bench.hangUp(caller);

        assertThatThrownBy(() -> AcdBench.done(bench.acd.wrapUp("2002", new WrapUpEntry(null, "resolved", null, false))))
            .satisfies(e -> assertThat(cause(e)).hasMessage("queue support has no disposition codes: give notes only"));
        AcdBench.done(bench.acd.wrapUp("2002", new WrapUpEntry(null, null, "called about a parcel\nwill call back", false)));
        assertThat(bench.log.wrapUps).singleElement().extracting(WrapUpRecord::notes).isEqualTo("called about a parcel\nwill call back");
    }
}
