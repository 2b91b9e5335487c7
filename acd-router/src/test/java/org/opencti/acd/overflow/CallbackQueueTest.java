package org.opencti.acd.overflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackQueueTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    private static CallbackRequest request(String callId, String queue, long enteredSecondsAfterT0) {
        return new CallbackRequest(callId, queue, "+1555000" + callId, T0.plusSeconds(enteredSecondsAfterT0));
    }

    @Test
    void callbacksComeOutInTheOrderTheirCallersFirstEnteredTheQueue() {
        CallbackQueue callbacks = new CallbackQueue();
        callbacks.add(request("c3", "billing", 30));
        callbacks.add(request("c1", "billing", 10));
        callbacks.add(request("s1", "support", 5));
        callbacks.add(request("c2", "billing", 20));
        assertThat(callbacks.pending("billing")).extracting(CallbackRequest::callId).containsExactly("c1", "c2", "c3");
        assertThat(callbacks.nextFor("billing")).map(CallbackRequest::callId).contains("c1");
        assertThat(callbacks.nextFor("billing")).map(CallbackRequest::callId).contains("c2");
        assertThat(callbacks.nextFor("support")).map(CallbackRequest::callId).contains("s1");
        assertThat(callbacks.nextFor("support")).isEmpty();
        assertThat(callbacks.size()).isEqualTo(1);
    }

    @Test
    void aFailedCallbackAddedAgainGoesBackToItsPlace() {
        CallbackQueue callbacks = new CallbackQueue();
        callbacks.add(request("c1", "billing", 10));
        callbacks.add(request("c2", "billing", 20));
        CallbackRequest first = callbacks.nextFor("billing").orElseThrow();
        callbacks.add(request("c3", "billing", 30));
        callbacks.add(first);
        assertThat(callbacks.peek("billing")).contains(first);
    }

    @Test
    void cancelRemovesAPendingCallbackAndDuplicatesAreRefused() {
        CallbackQueue callbacks = new CallbackQueue();
        callbacks.add(new CallbackRequest("c1", "billing", "+15550001", T0, Optional.of("Gold"), true));
        assertThatThrownBy(() -> callbacks.add(request("c1", "billing", 99)))
            .hasMessage("a callback for call c1 is already pending");
        assertThat(callbacks.cancel("c1")).isTrue();
        assertThat(callbacks.cancel("c1")).isFalse();
        assertThat(callbacks.peek("billing")).isEmpty();
        assertThat(callbacks.pending("billing")).isEmpty();
    }

    @Test
    void aCallbackNeedsANumber() {
        assertThatThrownBy(() -> new CallbackRequest("c1", "billing", " ", T0)).hasMessage("callback c1 has no number to call");
    }
}
