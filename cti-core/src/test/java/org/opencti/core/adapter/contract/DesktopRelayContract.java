package org.opencti.core.adapter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opencti.core.cluster.DesktopRelay;

/**
 * What every {@link DesktopRelay} must do. A subclass hands out relays for several nodes of one floor, each freshly made
 * and not yet subscribed, and closes them after the test.
 */
public abstract class DesktopRelayContract {
    /** A relay for one more node of the floor. */
    protected abstract DesktopRelay node(String nodeId);

    /** A user and a frame, as a subscriber got them. */
    public record Received(String userId, String frame) { }

    private static List<Received> subscribed(DesktopRelay relay) {
        List<Received> got = new CopyOnWriteArrayList<>();
        relay.subscribe((user, frame) -> got.add(new Received(user, frame)));
        return got;
    }

    @Test
    public void aFrameReachesTheOtherNodesButNotItsOwn() {
        DesktopRelay a = node("cti-a");
        DesktopRelay b = node("cti-b");
        DesktopRelay c = node("cti-c");
        List<Received> atA = subscribed(a);
        List<Received> atB = subscribed(b);
        List<Received> atC = subscribed(c);

        a.publish("1001", "{\"type\":\"pop\"}");
        Await.until("B and C have A's frame", () -> atB.size() == 1 && atC.size() == 1);
        b.publish("1002", "{\"type\":\"figures\"}");
        Await.until("A has B's frame", () -> atA.size() == 1);

        // A's own frame was published before B's, so it would have reached A first if it came back at all
        assertThat(atA).containsExactly(new Received("1002", "{\"type\":\"figures\"}"));
        assertThat(atB).containsExactly(new Received("1001", "{\"type\":\"pop\"}"));
        Await.until("C has both frames", () -> atC.size() == 2);
        assertThat(atC).containsExactly(new Received("1001", "{\"type\":\"pop\"}"), new Received("1002", "{\"type\":\"figures\"}"));
    }

    @Test
    public void framesAndUserIdsOfAnyContentArriveIntact() {
        DesktopRelay a = node("cti-a");
        List<Received> atB = subscribed(node("cti-b"));
        StringBuilder big = new StringBuilder("{\"type\":\"history\",\"rows\":\"");
        while (big.length() < 64 * 1024 - 2) {
            big.append("é\\n\"東");
        }
        String large = big.append("\"}").toString();
        List<Received> sent = List.of(
            new Received("1001", "line 1\nline 2\r\n\n"),
            new Received("12:34", "5:cti-a4:1001{}"),
            new Received("sup:green \"team\" é 東京 \uD83D\uDCDE", "{\"quote\":\"\\\"\",\"emoji\":\"\uD83C\uDFA7\"}"),
            new Received("1001", ""),
            new Received("", "for nobody in particular"),
            new Received("1002", large));

        sent.forEach(r -> a.publish(r.userId(), r.frame()));

        Await.until("B has every frame", () -> atB.size() == sent.size());
        assertThat(atB).containsExactlyElementsOf(sent);
        assertThat(atB.get(5).frame()).hasSize(large.length());
    }

    @Test
    public void framesFromOneNodeArriveInTheOrderItPublishedThem() {
        DesktopRelay a = node("cti-a");
        List<Received> atB = subscribed(node("cti-b"));
        List<Received> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(new Received("10" + (i % 7), "{\"seq\":" + i + "}"));
        }

        sent.forEach(r -> a.publish(r.userId(), r.frame()));

        Await.until("B has all 500 frames", () -> atB.size() == sent.size());
        assertThat(atB).containsExactlyElementsOf(sent);
    }

    @Test
    public void aClosedRelayGetsNothingMore() {
        DesktopRelay a = node("cti-a");
        DesktopRelay b = node("cti-b");
        List<Received> atB = subscribed(b);
        List<Received> atC = subscribed(node("cti-c"));
        a.publish("1001", "before");
        Await.until("B and C have the first frame", () -> atB.size() == 1 && atC.size() == 1);

        b.close();
        a.publish("1001", "after");

        Await.until("C has the second frame", () -> atC.size() == 2);
        assertThat(atB).containsExactly(new Received("1001", "before"));
    }

    @Test
    public void aRelaySubscribesOnceAndRefusesNulls() {
        DesktopRelay a = node("cti-a");
        a.subscribe((user, frame) -> { });

        assertThatThrownBy(() -> a.subscribe((user, frame) -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.publish(null, "{}")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> a.publish("1001", null)).isInstanceOf(NullPointerException.class);
    }
}
