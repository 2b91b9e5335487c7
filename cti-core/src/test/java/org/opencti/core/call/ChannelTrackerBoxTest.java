package org.opencti.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.ChannelRef;
import org.opencti.core.event.ChannelState;
import org.opencti.core.event.LiveChannel;
import org.opencti.core.event.PbxEvent;

class ChannelTrackerBoxTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    private final ChannelTracker tracker = new ChannelTracker();

    private ChannelRef onHold(String box, String uid) {
        // Both boxes' channels have the same name and maybe the same Uniqueid: the box tells them apart.
        ChannelRef ch = new ChannelRef(uid, "Local/100@cti-hold-00000001;2", uid);
        tracker.apply(new PbxEvent.DialplanStep(AT, ch, "cti-hold", "s", 1, "NoOp", "100", "").onBox(box));
        tracker.apply(new PbxEvent.VariableSet(AT, ch, "CTI_QUEUE", "billing").onBox(box));
        return ch.onBox(box);
    }

    @Test
    void aResyncOfOneBoxReplacesOnlyThatBoxsChannels() {
        ChannelRef onA = onHold("a", "1795346158.0");
        ChannelRef onB = onHold("b", "1795346158.0");
        ChannelRef alsoOnB = onHold("b", "1795346158.1");

        // Box b restarted: its list has nothing. Box a's caller is still there, with what we knew of it.
        tracker.apply(new PbxEvent.ChannelsResynced(AT, List.of(), true).onBox("b"));

        assertThat(tracker.isLive(onA.uniqueId())).isTrue();
        assertThat(tracker.get(onA.uniqueId()).orElseThrow().variable("CTI_QUEUE")).contains("billing");
        assertThat(tracker.get(onA.uniqueId()).orElseThrow().box()).isEqualTo("a");
        assertThat(tracker.isLive(onB.uniqueId())).isFalse();
        assertThat(tracker.isLive(alsoOnB.uniqueId())).isFalse();
        assertThat(tracker.size()).isEqualTo(1);
    }

    @Test
    void aResyncKeepsTheBoxsChannelsItStillHasAndLearnsNewOnes() {
        ChannelRef kept = onHold("b", "1.1");
        onHold("b", "1.2");
        LiveChannel still = new LiveChannel(new ChannelRef("1.1", "Local/100@cti-hold-00000001;2", "1.1"), ChannelState.UP, "100", "",
            "cti-hold", "s", "MusicOnHold", "");
        LiveChannel missed = new LiveChannel(new ChannelRef("1.3", "Local/300@cti-hold-00000003;2", "1.3"), ChannelState.UP, "300", "",
            "cti-hold", "s", "MusicOnHold", "");

        tracker.apply(new PbxEvent.ChannelsResynced(AT, List.of(still, missed), false).onBox("b"));

        assertThat(tracker.get(kept.uniqueId()).orElseThrow().variable("CTI_QUEUE")).contains("billing");
        assertThat(tracker.isLive("b:1.2")).isFalse();
        assertThat(tracker.get("b:1.3").orElseThrow().box()).isEqualTo("b");
    }

    @Test
    void withASingleBoxAResyncReplacesEverything() {
        tracker.apply(new PbxEvent.DialplanStep(AT, new ChannelRef("1.1", "X/1-1", "1.1"), "cti-hold", "s", 1, "NoOp", "1", ""));

        tracker.apply(new PbxEvent.ChannelsResynced(AT, List.of(), true));

        assertThat(tracker.size()).isZero();
    }
}
