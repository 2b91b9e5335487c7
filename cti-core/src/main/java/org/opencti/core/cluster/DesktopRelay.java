package org.opencti.core.cluster;

import java.util.function.BiConsumer;

/**
 * Carries desktop frames between nodes: a frame for a user (an agent's pop, a supervisor's figures) published on the
 * node that made it reaches that user's sockets on every other node. Best effort like any push: a node not subscribed
 * at the moment misses the frame, and the desktops resync when they reconnect. Never blocks the publisher.
 */
public interface DesktopRelay extends AutoCloseable {
    /** Sends {@code frame} (JSON text) for {@code userId}'s sockets on the other nodes. */
    void publish(String userId, String frame);

    /** Hands frames published by other nodes (never this node's own) to {@code onFrame(userId, frame)}. Call once. */
    void subscribe(BiConsumer<String, String> onFrame);

    @Override
    void close();
}
