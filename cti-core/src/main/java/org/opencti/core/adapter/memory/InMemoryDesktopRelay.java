package org.opencti.core.adapter.memory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.opencti.core.cluster.DesktopRelay;

/**
 * Desktop frames between nodes in one process: every node's relay comes from one {@link Bus} ({@link Bus#relay()}), and a
 * frame one publishes reaches the subscribers of all the others, on the publisher's thread (the Redis twin delivers on its
 * own thread; subscribers must not assume either). One node alone: a bus with one relay, which delivers nothing.
 */
public final class InMemoryDesktopRelay implements DesktopRelay {
    private final Bus bus;
    private volatile BiConsumer<String, String> subscriber;

    private InMemoryDesktopRelay(Bus bus) {
        this.bus = bus;
    }

    /** What the nodes of one process share. */
    public static final class Bus {
        private final List<InMemoryDesktopRelay> relays = new CopyOnWriteArrayList<>();

        /** A relay for one more node. */
        public InMemoryDesktopRelay relay() {
            InMemoryDesktopRelay r = new InMemoryDesktopRelay(this);
            relays.add(r);
            return r;
        }
    }

    @Override
    public void publish(String userId, String frame) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(frame, "frame");
        for (InMemoryDesktopRelay r : bus.relays) {
            BiConsumer<String, String> s = r.subscriber;
            if (r != this && s != null) {
                s.accept(userId, frame);
            }
        }
    }

    @Override
    public void subscribe(BiConsumer<String, String> onFrame) {
        if (subscriber != null) {
            throw new IllegalStateException("already subscribed");
        }
        subscriber = Objects.requireNonNull(onFrame, "onFrame");
    }

    @Override
    public void close() {
        bus.relays.remove(this);
    }
}
