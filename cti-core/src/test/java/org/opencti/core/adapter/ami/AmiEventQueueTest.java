package org.opencti.core.adapter.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.PbxEvent;

class AmiEventQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-22T11:15:58Z");

    @Test
    void aBlockedListenerNeverBlocksTheOffererAndOverflowIsCountedAsDrops() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstDelivered = new CountDownLatch(1);
        BlockingQueue<PbxEvent> delivered = new LinkedBlockingQueue<>();
        try (AmiEventQueue queue = new AmiEventQueue(2, registry)) {
            queue.addListener(event -> {
                firstDelivered.countDown();
                await(release);
                delivered.add(event);
            });
            queue.start();
            queue.offer(linkLost(0));
            assertThat(firstDelivered.await(5, TimeUnit.SECONDS)).isTrue();

            boolean[] accepted = new boolean[10];
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (int i = 0; i < accepted.length; i++) {
                    accepted[i] = queue.offer(linkLost(i + 1));
                }
            });

            assertThat(accepted[0]).isTrue();
            assertThat(accepted[1]).isTrue();
            assertThat(accepted[2]).as("queue of 2 is full").isFalse();
            assertThat(queue.droppedCount()).isEqualTo(8);
            assertThat(queue.receivedCount()).isEqualTo(11);
            assertThat(queue.depth()).isEqualTo(2);
            assertThat(registry.get("cti.ami.events.dropped").tag("box", "default").counter().count()).isEqualTo(8);
            assertThat(registry.get("cti.ami.queue.depth").gauge().value()).isEqualTo(2);

            release.countDown();
            List<Instant> order = List.of(take(delivered).at(), take(delivered).at(), take(delivered).at());
            assertThat(order).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2));
        }
    }

    @Test
    void heldEventsComeAfterTheResyncRecords() throws Exception {
        BlockingQueue<PbxEvent> delivered = new LinkedBlockingQueue<>();
        try (AmiEventQueue queue = new AmiEventQueue(10, new SimpleMeterRegistry())) {
            queue.addListener(delivered::add);
            queue.start();
            queue.hold();
            queue.offer(linkLost(5));
            PbxEvent ready = new PbxEvent.PbxReady(T0, 1, true);
            PbxEvent resynced = new PbxEvent.ChannelsResynced(T0, List.of(), false);
            queue.releaseHeld(List.of(ready, resynced));
            assertThat(List.of(take(delivered), take(delivered), take(delivered)))
                .containsExactly(ready, resynced, linkLost(5));
        }
    }

    private static PbxEvent linkLost(int second) {
        return new PbxEvent.PbxLinkLost(T0.plusSeconds(second), "test");
    }

    private static PbxEvent take(BlockingQueue<PbxEvent> queue) throws InterruptedException {
        PbxEvent event = queue.poll(5, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        return event;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
