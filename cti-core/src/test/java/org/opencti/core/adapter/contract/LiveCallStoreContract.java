package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.core.cluster.LiveCall;
import org.opencti.core.cluster.LiveCall.Stage;
import org.opencti.core.cluster.LiveCallStore;

/** What every {@link LiveCallStore} must do. A subclass hands out a store that is empty at the start of each test. */
public abstract class LiveCallStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00.123456789Z");

    protected abstract LiveCallStore store();

    static LiveCall waiting(String callId, String queue, Instant since) {
        return new LiveCall(callId, Stage.WAITING, queue, callId, "PJSIP/trunk-00000017", callId, "+12025550143", null,
            since, null, null, null, null, Map.of());
    }

    static LiveCall connected(LiveCall call, String agentId, Instant answeredAt, Map<String, String> data) {
        return new LiveCall(call.callId(), Stage.CONNECTED, call.queue(), call.callerUniqueId(), call.callerChannel(),
            call.linkedId(), call.callerNumber(), call.callerName(), call.waitingSince(), agentId, "b1." + call.callId(),
            "PJSIP/" + agentId + "-0000001a", answeredAt, data);
    }

    @Test
    public void nothingIsStoredAtFirst() {
        assertThat(store().all()).isEmpty();
    }

    @Test
    public void aWaitingCallWithItsNullsIsReadBackExactly() {
        LiveCall call = new LiveCall("b1.1732266958.17", Stage.WAITING, "sales", null, null, null, null, null, T0,
            null, null, null, null, null);

        store().put(call);

        assertThat(store().all()).containsExactly(call);
        assertThat(store().all().get(0).data()).isEmpty();
    }

    @Test
    public void aConnectedCallWithItsDataIsReadBackExactly() {
        LiveCall call = connected(waiting("b1.1732266958.17", "support", T0), "1001", T0.plusSeconds(42),
            Map.of("customerId", "42", "ivrPath", "main>2>1", "tier", "Gold", "priority", "5", "note", "line 1\nline 2"));

        store().put(call);

        assertThat(store().all()).containsExactly(call);
    }

    @Test
    public void aCampaignConversationIsReadBackWithItsCampaign() {
        LiveCall call = new LiveCall("o-b1.1732266958.40", Stage.CONNECTED, "sales", "b1.1732266958.40",
            "Local/+12025550111@cti-outbound-00000003;1", "b1.1732266958.40", "+12025550111", null, T0, "1001", "b1.1732266958.41",
            "Local/1001@agents-00000002;1", T0.plusSeconds(2), Map.of("nailedLeg", "true"), 9_007_199_254_740_993L);
        LiveCall queueCall = connected(waiting("b1.2", "sales", T0), "1002", T0, Map.of());

        store().put(call);
        store().put(queueCall);

        assertThat(store().all()).containsExactlyInAnyOrder(call, queueCall);
        assertThat(store().all()).filteredOn(c -> c.callId().equals("b1.2")).singleElement()
            .satisfies(c -> assertThat(c.campaignId()).isNull());
    }

    @Test
    public void textOfAnyCharactersIsKeptExactly() {
        LiveCall call = new LiveCall("b1.1732266958.99", Stage.WAITING, "ventes-été", "b1.1732266958.99",
            "PJSIP/trunk-00000017", "b1.1732266958.99", "+33 1 23 45 67 89", "Zoë \"Zo\" O'Brien 東京 \uD83D\uDCDE\\",
            T0, null, null, null, null, Map.of("sujet", "réclamation: {\"a\":1}", "", "empty name", "tab", "\t\u0000"));

        store().put(call);

        assertThat(store().all()).containsExactly(call);
    }

    @Test
    public void aPutReplacesTheWholeCallAndAReplayChangesNothing() {
        LiveCall before = connected(waiting("b1.1", "sales", T0), "1001", T0.plusSeconds(5), Map.of("customerId", "42"));
        store().put(before);
        LiveCall after = waiting("b1.1", "support", T0.plusSeconds(30));

        store().put(after);
        store().put(after);

        assertThat(store().all()).containsExactly(after);
    }

    @Test
    public void allReturnsEveryCall() {
        LiveCall a = waiting("b1.1", "sales", T0);
        LiveCall b = waiting("b1.2", "sales", T0.plusMillis(1));
        LiveCall c = connected(waiting("b2.3", "support", T0.minusSeconds(60)), "1002", T0, Map.of());

        store().put(a);
        store().put(b);
        store().put(c);

        assertThat(store().all()).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    public void removeForgetsOneCallAndIsIdempotent() {
        store().put(waiting("b1.1", "sales", T0));
        LiveCall kept = waiting("b1.2", "sales", T0);
        store().put(kept);

        store().remove("b1.1");
        store().remove("b1.1");
        store().remove("never-stored");

        assertThat(store().all()).containsExactly(kept);
    }

    @Test
    public void badInputIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> store().put(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store().put(waiting(" ", "sales", T0))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("call id");
        assertThatThrownBy(() -> store().remove(null)).isInstanceOf(NullPointerException.class);

        assertThat(store().all()).isEmpty();
    }
}
