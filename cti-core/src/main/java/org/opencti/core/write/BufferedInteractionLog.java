package org.opencti.core.write;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.core.agent.AgentStateChange;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.customer.WrapUpRecord;
import org.opencti.core.port.AgentStateLog;
import org.opencti.core.port.InteractionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interaction history written behind the calls: {@link #record} hands the record to a {@link BackgroundWriter} and
 * returns at once, so a database that is slow or briefly down delays the writing, never a call, and the records are
 * written when it is back, in order, each once (the store is idempotent on the record's key, so a batch retried after
 * a lost acknowledgement writes nothing twice). A record the store refuses for its values (an unknown customer, say)
 * cannot succeed on a retry: it is skipped and counted ({@link #rejected}) rather than holding up the rest.
 *
 * <p>The agent's after-call work ({@link #wrapUp}) and the agents' state history ({@link #record(AgentStateChange)})
 * go through the same writer, so they survive an outage the same way, and an update of an interaction can never
 * overtake its insert: one queue, one thread, written in the order submitted. (Submit the update after the insert: the
 * ACD chains it on the insert's hand-over.)
 */
public final class BufferedInteractionLog implements InteractionLog, AgentStateLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedInteractionLog.class);

    /** What waits in the writer's queue. */
    private sealed interface Item {
        String describe();
    }

    private record Insert(InteractionRecord record, Runnable whenStored) implements Item {
        public String describe() {
            return "interaction " + record.key();
        }
    }

    private record Update(WrapUpRecord wrapUp) implements Item {
        public String describe() {
            return "wrap-up of interaction " + wrapUp.key();
        }
    }

    private record StateChange(AgentStateChange change) implements Item {
        public String describe() {
            return "state change " + change.changeId() + " of agent " + change.agentId();
        }
    }

    private final BackgroundWriter<Item> writer;
    private final AgentStateLog states;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();

    public BufferedInteractionLog(InteractionLog store) {
        this(store, null, BackgroundWriter.DEFAULT_CAPACITY, BackgroundWriter.DEFAULT_CLOSE_TIMEOUT);
    }

    public BufferedInteractionLog(InteractionLog store, int capacity, Duration closeTimeout) {
        this(store, null, capacity, closeTimeout);
    }

    /** With the agents' state history written by the same writer ({@code states} null: none kept). */
    public BufferedInteractionLog(InteractionLog store, AgentStateLog states, int capacity, Duration closeTimeout) {
        Objects.requireNonNull(store, "store");
        this.states = states;
        this.writer = new BackgroundWriter<>("cti-interactions", "interaction history", capacity, closeTimeout,
            batch -> write(store, batch), Item::describe);
        writer.start();
    }

    private void write(InteractionLog store, List<Item> batch) {
        for (Item item : batch) {
            try {
                if (item instanceof Insert i) {
                    store.record(i.record());
                    stored(i);
                } else if (item instanceof Update u) {
                    if (!store.wrapUp(u.wrapUp())) {
                        // its insert was refused (or the row is gone): nothing to add the work to
                        unmatched.incrementAndGet();
                        LOG.warn("{}: no such interaction stored, skipped", item.describe());
                    }
                } else if (item instanceof StateChange c) {
                    states.record(c.change());
                }
            } catch (IllegalArgumentException refused) {
                rejected.incrementAndGet();
                LOG.error("{} refused by the store, skipped: {}", item.describe(), refused.getMessage());
            }
        }
    }

    /**
     * Queues the record for writing. True when it was accepted (it will be written, or was already there); false when
     * it was refused because the buffer is full or the log is closed (counted, and logged).
     */
    @Override
    public boolean record(InteractionRecord interaction) {
        return record(interaction, () -> { });
    }

    /** Queues the record; {@code whenStored} runs on the writer's thread once it is in the store (again after a retry). */
    @Override
    public boolean record(InteractionRecord interaction, Runnable whenStored) {
        Objects.requireNonNull(interaction, "interaction");
        Objects.requireNonNull(whenStored, "whenStored");
        if (interaction.key().isBlank()) {
            throw new IllegalArgumentException("interaction key must not be blank");
        }
        return writer.submit(new Insert(interaction, whenStored));
    }

    private static void stored(Insert insert) {
        try {
            insert.whenStored().run();
        } catch (RuntimeException e) {
            LOG.warn("{}: stored, but what waited for it failed: {}", insert.describe(), e.toString());
        }
    }

    /**
     * Queues the after-call work for writing, behind everything submitted before it (the interaction's insert). True
     * when accepted; whether the interaction was there is known only when written ({@link #unmatched}).
     */
    @Override
    public boolean wrapUp(WrapUpRecord wrapUp) {
        Objects.requireNonNull(wrapUp, "wrapUp");
        return writer.submit(new Update(wrapUp));
    }

    /** Queues the state change for writing; refused (IllegalStateException) when no state history is kept. */
    @Override
    public boolean record(AgentStateChange change) {
        Objects.requireNonNull(change, "change");
        if (states == null) {
            throw new IllegalStateException("this interaction history keeps no agent state history");
        }
        return writer.submit(new StateChange(change));
    }

    /** Items (records, updates, state changes) accepted and not yet written. */
    public int pending() {
        return writer.pending();
    }

    public long writeFailures() {
        return writer.writeFailures();
    }

    /** Items the store refused for their values (skipped). */
    public long rejected() {
        return rejected.get();
    }

    /** Wrap-up updates written when no interaction had their key (skipped). */
    public long unmatched() {
        return unmatched.get();
    }

    /** Items refused because the buffer was full. */
    public long overflowed() {
        return writer.overflowed();
    }

    /** Items submitted after close, or unwritten when the close timeout ran out. */
    public long lost() {
        return writer.lost();
    }

    /** Flushes what is buffered for up to the close timeout (retrying a store that is down), then stops. */
    @Override
    public void close() {
        writer.close();
    }
}
