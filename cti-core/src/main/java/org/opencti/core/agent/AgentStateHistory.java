package org.opencti.core.agent;

import java.util.Objects;
import org.opencti.core.desktop.DesktopEvent;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.port.AgentStateLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the agents' state history from the desktop events: the ACD tells every agent's desktop of every state change it
 * makes ({@link DesktopEvent.AgentStateChanged}), so the history needs no hook of its own in the ACD's flow. The log must
 * not block (the ACD's thread calls this): give it the buffered one.
 */
public final class AgentStateHistory {
    private static final Logger LOG = LoggerFactory.getLogger(AgentStateHistory.class);

    private AgentStateHistory() {
    }

    /** A notifier that records each state change in {@code log}, then hands every event on to {@code next}. */
    public static DesktopNotifier recording(AgentStateLog log, DesktopNotifier next) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(next, "next");
        return event -> {
            if (event instanceof DesktopEvent.AgentStateChanged changed) {
                try {
                    log.record(AgentStateChange.of(changed.agentId(), changed.state(), changed.reason(), changed.at()));
                } catch (RuntimeException e) {
                    // the desktop must hear of the change all the same; the buffer counts what it refused
                    LOG.warn("state change of agent {} not kept: {}", changed.agentId(), e.toString());
                }
            }
            next.notify(event);
        };
    }
}
