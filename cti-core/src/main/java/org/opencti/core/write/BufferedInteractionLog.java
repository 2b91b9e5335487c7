package org.opencti.core.write;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.opencti.core.customer.InteractionRecord;
import org.opencti.core.port.InteractionLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interaction history written behind the calls: {@link #record} hands the record to a {@link BackgroundWriter} and
 * returns at once, so a database that is slow or briefly down delays the writing, never a call, and the records are
 * written when it is back, in order, each once (the store is idempotent on the record's key, so a batch retried after
 * a lost acknowledgement writes nothing twice). A record the store refuses for its values (an unknown customer, say)
 * cannot succeed on a retry: it is skipped and counted ({@link #rejected}) rather than holding up the rest.
 */
public final class BufferedInteractionLog implements InteractionLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BufferedInteractionLog.class);

    private final BackgroundWriter<InteractionRecord> writer;
    private final AtomicLong rejected = new AtomicLong();

    public BufferedInteractionLog(InteractionLog store) {
        this(store, BackgroundWriter.DEFAULT_CAPACITY, BackgroundWriter.DEFAULT_CLOSE_TIMEOUT);
    }

    public BufferedInteractionLog(InteractionLog store, int capacity, Duration closeTimeout) {
        Objects.requireNonNull(store, "store");
        this.writer = new BackgroundWriter<>("cti-interactions", "interaction history", capacity, closeTimeout,
            batch -> write(store, batch), r -> "interaction " + r.key());
        writer.start();
    }

    private void write(InteractionLog store, List<InteractionRecord> batch) {
        for (InteractionRecord r : batch) {
            try {
                store.record(r);
            } catch (IllegalArgumentException refused) {
                rejected.incrementAndGet();
                LOG.error("interaction {} refused by the store, skipped: {}", r.key(), refused.getMessage());
            }
        }
    }

    /**
     * Queues the record for writing. True when it was accepted (it will be written, or was already there); false when
     * it was refused because the buffer is full or the log is closed (counted, and logged).
     */
    @Override
    public boolean record(InteractionRecord interaction) {
        Objects.requireNonNull(interaction, "interaction");
        if (interaction.key().isBlank()) {
            throw new IllegalArgumentException("interaction key must not be blank");
        }
        return writer.submit(interaction);
    }

    /** Records accepted and not yet written. */
    public int pending() {
        return writer.pending();
    }

    public long writeFailures() {
        return writer.writeFailures();
    }

    /** Records the store refused for their values (skipped). */
    public long rejected() {
        return rejected.get();
    }

    /** Records refused because the buffer was full. */
    public long overflowed() {
        return writer.overflowed();
    }

    /** Records submitted after close, or unwritten when the close timeout ran out. */
    public long lost() {
        return writer.lost();
    }

    /** Flushes what is buffered for up to the close timeout (retrying a store that is down), then stops. */
    @Override
    public void close() {
        writer.close();
    }
}
