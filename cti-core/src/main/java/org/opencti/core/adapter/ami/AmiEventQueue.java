package org.opencti.core.adapter.ami;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.core.event.PbxEvent;
import org.opencti.core.port.PbxEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-off between Asterisk-Java's single dispatch thread and our listeners. {@link #offer} never
 * blocks: it puts the record in a bounded queue, or counts a drop when the queue is full (and logs at
 * warn at most once a second). One thread, {@code cti-ami-delivery}, takes records in order and calls
 * the listeners; a slow listener therefore delays only our queue, never Asterisk-Java (whose own
 * 20,000-slot queue drops silently and also carries action responses).
 *
 * <p>Hold-back: while a resync snapshot (CoreShowChannels) is being taken, records are parked in a
 * side buffer of the same capacity; {@link #releaseHeld} then queues the resync records first and the
 * parked ones after, so downstream sees the snapshot before the changes that happened around it.
 */
final class AmiEventQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventQueue.class);
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BlockingQueue<PbxEvent> queue;
    private final ArrayDeque<PbxEvent> held = new ArrayDeque<>();
    private final int capacity;
    private final List<PbxEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Counter receivedCounter;
    private final Counter droppedCounter;
    private final Thread delivery;
    private final Object lock = new Object();
    private boolean holding;
    private long lastDropLog = System.nanoTime() - DROP_LOG_INTERVAL_NANOS;
    private volatile boolean running = true;

    AmiEventQueue(int capacity, MeterRegistry registry) {
        this(capacity, registry, AsteriskJavaPbxGateway.DEFAULT_BOX);
    }

    /** Meters tagged {@code box}, so that the queues of several Asterisk boxes are told apart. */
    AmiEventQueue(int capacity, MeterRegistry registry, String box) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be >= 1, was " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.receivedCounter = Counter.builder("cti.ami.events.received").description("AMI events translated and offered")
            .tag("box", box).register(registry);
        this.droppedCounter = Counter.builder("cti.ami.events.dropped").description("AMI events dropped: our queue was full")
            .tag("box", box).register(registry);
        Gauge.builder("cti.ami.queue.depth", queue, BlockingQueue::size).description("AMI events waiting for delivery")
            .tag("box", box).register(registry);
        this.delivery = new Thread(this::deliverLoop, AsteriskJavaPbxGateway.threadName("cti-ami-delivery", box));
        this.delivery.setDaemon(true);
    }

    void start() {
        delivery.start();
    }

    void addListener(PbxEventListener listener) {
        listeners.add(listener);
    }

    /** Never blocks (beyond a short lock shared with {@link #releaseHeld}). False if the record was dropped. */
    boolean offer(PbxEvent event) {
        received.incrementAndGet();
        receivedCounter.increment();
        boolean accepted;
        synchronized (lock) {
            if (holding) {
                accepted = held.size() < capacity && held.add(event);
            } else {
                accepted = queue.offer(event);
            }
            if (!accepted) {
                countDrop(event);
            }
        }
        return accepted;
    }

    /** Park records from now on until {@link #releaseHeld}. */
    void hold() {
        synchronized (lock) {
            holding = true;
        }
    }

    /** Queue {@code first} (in order), then everything parked since {@link #hold}, and stop parking. */
    void releaseHeld(List<PbxEvent> first) {
        synchronized (lock) {
            for (PbxEvent event : first) {
                if (!queue.offer(event)) {
                    countDrop(event);
                }
            }
            PbxEvent parked;
            while ((parked = held.poll()) != null) {
                if (!queue.offer(parked)) {
                    countDrop(parked);
                }
            }
            holding = false;
        }
    }

    private void countDrop(PbxEvent event) {
        dropped.incrementAndGet();
        droppedCounter.increment();
        long now = System.nanoTime();
        if (now - lastDropLog >= DROP_LOG_INTERVAL_NANOS) {
            lastDropLog = now;
            LOG.warn("AMI event queue full ({} slots): dropped {} (total dropped {})", capacity,
                event.getClass().getSimpleName(), dropped.get());
        }
    }

    long receivedCount() {
        return received.get();
    }

    long droppedCount() {
        return dropped.get();
    }

    int depth() {
        return queue.size();
    }

    private void deliverLoop() {
        while (running) {
            PbxEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == null) {
                continue;
            }
            for (PbxEventListener listener : listeners) {
                try {
                    listener.onPbxEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("PBX event listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        delivery.interrupt();
    }
}
