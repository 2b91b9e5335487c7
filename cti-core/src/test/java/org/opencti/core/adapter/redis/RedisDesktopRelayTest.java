package org.opencti.core.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencti.core.adapter.contract.Await;
import org.opencti.core.adapter.contract.DesktopRelayContract;
import org.opencti.core.cluster.DesktopRelay;

/** Against the local Redis: every node on a link of its own, as separate servers would be. */
class RedisDesktopRelayTest extends DesktopRelayContract {
    private final RedisScratch scratch = new RedisScratch();
    private final List<DesktopRelay> relays = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        relays.forEach(DesktopRelay::close);
        scratch.close();
    }

    @Override
    protected DesktopRelay node(String nodeId) {
        RedisDesktopRelay relay = new RedisDesktopRelay(scratch.link(), nodeId);
        relays.add(relay);
        return relay;
    }

    @Test
    void theEnvelopePutsTheLengthsBeforeTheIds() {
        assertThat(RedisDesktopRelay.envelope("cti-a", "10:01", "{\n}")).isEqualTo("5:cti-a5:10:01{\n}");
        assertThat(RedisDesktopRelay.open("5:cti-a5:10:01{\n}")).containsExactly("cti-a", "10:01", "{\n}");
        assertThat(RedisDesktopRelay.open("0:0:")).containsExactly("", "", "");
        assertThatThrownBy(() -> RedisDesktopRelay.open("cti-a 1001 {}")).hasMessageContaining("node length");
        assertThatThrownBy(() -> RedisDesktopRelay.open("5:cti-a")).hasMessageContaining("user length");
        assertThatThrownBy(() -> RedisDesktopRelay.open("5:cti-a9:1001")).hasMessageContaining("runs past");
        assertThatThrownBy(() -> RedisDesktopRelay.open("x:cti-a")).hasMessageContaining("not a number");
    }

    @Test
    void malformedMessagesAreSkippedAndTheNextFramesStillArrive() {
        DesktopRelay a = node("cti-a");
        List<Received> atB = new CopyOnWriteArrayList<>();
        node("cti-b").subscribe((user, frame) -> atB.add(new Received(user, frame)));
        String channel = scratch.prefix + "desktop";

        scratch.raw().publish(channel, "garbage");
        scratch.raw().publish(channel, "99:cti-x");
        a.publish("1001", "{}");

        Await.until("B has A's frame", () -> atB.size() == 1);
        assertThat(atB).containsExactly(new Received("1001", "{}"));
    }

    @Test
    void aSubscriberThatThrowsDoesNotStopTheNextFrames() {
        DesktopRelay a = node("cti-a");
        List<String> atB = new CopyOnWriteArrayList<>();
        node("cti-b").subscribe((user, frame) -> {
            atB.add(frame);
            if (frame.equals("boom")) {
                throw new IllegalStateException("the socket went away");
            }
        });

        a.publish("1001", "boom");
        a.publish("1001", "next");

        Await.until("B has both frames", () -> atB.size() == 2);
        assertThat(atB).containsExactly("boom", "next");
    }

    @Test
    void aPublishThatCannotReachRedisIsCountedNotThrown() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RedisLink link = scratch.link(registry);
        RedisDesktopRelay relay = new RedisDesktopRelay(link, "cti-a");
        link.close();

        relay.publish("1001", "{}");
        relay.publish("1001", "{}");

        Await.until("both failures are counted", () -> registry.counter("cti.relay.publish.failures").count() == 2.0);
    }

    @Test
    void aBlankNodeIdIsRefused() {
        RedisLink link = scratch.link();
        assertThatThrownBy(() -> new RedisDesktopRelay(link, " ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("node id");
    }
}
