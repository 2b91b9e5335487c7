package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencti.core.callback.ScheduledCallback;
import org.opencti.core.callback.ScheduledCallback.Assignee;
import org.opencti.core.callback.ScheduledCallback.Status;
import org.opencti.core.port.ScheduledCallbackStore;
import org.opencti.core.port.DeskDefaults;

/** What every callback store (and desk-defaults store) does, in memory or in PostgreSQL. */
public abstract class ScheduledCallbackStoreContract {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    protected abstract ScheduledCallbackStore store();

    protected abstract DeskDefaults defaults();

    static ScheduledCallback callback(String id, Instant due) {
        return new ScheduledCallback(id, "2001", Assignee.AGENT, "billing", "+12025550143", 7L, due, "Europe/London",
            "wants the refund confirmed", Status.PENDING, NOW, 0);
    }

    @Test
    void aCallbackIsStoredWholeAndReadBack() {
        ScheduledCallback c = callback("cb-1", NOW.plusSeconds(3600));
        store().add(c);
        assertThat(store().find("cb-1")).contains(c);
        ScheduledCallback pool = new ScheduledCallback("cb-2", "2002", Assignee.QUEUE, "support", "+442079460000", null,
            NOW.plusSeconds(60), "UTC", null, Status.PENDING, NOW, 0);
        store().add(pool);
        assertThat(store().find("cb-2")).contains(pool);
        assertThat(store().find("cb-2").orElseThrow().note()).isEmpty();
        assertThat(store().find("nope")).isEmpty();
        assertThatThrownBy(() -> store().add(c.withStatus(Status.DONE))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("cb-1 exists already");
        assertThat(store().find("cb-1")).as("the first one stands").contains(c);
    }

    @Test
    void openCallbacksComeEarliestFirstAndClosedOnesAreLeftOut() {
        store().add(callback("late", NOW.plusSeconds(7200)));
        store().add(callback("early", NOW.plusSeconds(60)));
        ScheduledCallback active = callback("active", NOW.plusSeconds(600));
        store().add(active);
        ScheduledCallback done = callback("done", NOW.plusSeconds(30));
        store().add(done);
        assertThat(store().update(active.withStatus(Status.ACTIVE))).isTrue();
        assertThat(store().update(done.withStatus(Status.DONE))).isTrue();
        assertThat(store().open()).extracting(ScheduledCallback::id).containsExactly("early", "active", "late");
    }

    @Test
    void aChangeMadeOnAStaleCopyIsRefusedAndChangesNothing() {
        ScheduledCallback c = callback("cb-1", NOW.plusSeconds(3600));
        store().add(c);
        ScheduledCallback moved = c.rescheduled(NOW.plusSeconds(7200), "America/New_York");
        assertThat(store().update(moved)).isTrue();
        // a cancel made from the copy before the move loses: the callback stays where it was moved
        assertThat(store().update(c.withStatus(Status.CANCELLED))).isFalse();
        assertThat(store().find("cb-1")).contains(moved);
        assertThat(store().update(moved.withStatus(Status.CANCELLED))).isTrue();
        assertThat(store().find("cb-1").orElseThrow().status()).isEqualTo(Status.CANCELLED);
        assertThat(store().find("cb-1").orElseThrow().version()).isEqualTo(2);
        assertThat(store().update(callback("ghost", NOW).withStatus(Status.DONE))).as("unknown").isFalse();
        assertThat(store().find("ghost")).isEmpty();
    }

    @Test
    void badCallbacksAreRefusedBeforeTheyReachTheStore() {
        assertThatThrownBy(() -> new ScheduledCallback("cb-1", "2001", Assignee.AGENT, "billing", "2025550143", null, NOW, "UTC", "",
            Status.PENDING, NOW, 0)).hasMessageContaining("number must be E.164");
        assertThatThrownBy(() -> new ScheduledCallback("cb-1", "2001", Assignee.AGENT, "billing", "+12025550143", null, NOW,
            "Mars/Olympus", "", Status.PENDING, NOW, 0)).hasMessageContaining("unknown time zone \"Mars/Olympus\"");
        assertThatThrownBy(() -> new ScheduledCallback("cb-1", "2001", Assignee.AGENT, "billing", "+12025550143", null, NOW, "UTC",
            "x".repeat(501), Status.PENDING, NOW, 0)).hasMessageContaining("longer than 500");
        assertThat(store().open()).isEmpty();
    }

    @Test
    void theLastExtensionIsRememberedPerAgent() {
        assertThat(defaults().extension("2001")).isEmpty();
        defaults().rememberExtension("2001", "2101", NOW);
        defaults().rememberExtension("2002", "2102", NOW);
        defaults().rememberExtension("2001", "2105", NOW.plusSeconds(60));
        assertThat(defaults().extension("2001")).contains("2105");
        assertThat(defaults().extension("2002")).contains("2102");
        assertThatThrownBy(() -> defaults().rememberExtension("2001", "21 01", NOW)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("extension must be 1 to 20 letters or digits, not \"21 01\"");
        assertThat(defaults().extension("2001")).contains("2105");
    }
}
