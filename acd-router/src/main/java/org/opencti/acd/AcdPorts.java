package org.opencti.acd;

import java.util.concurrent.Executor;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.queuelog.QueueLog;
import org.opencti.core.queuelog.QueueLogEntry;
import org.opencti.core.screenpop.ScreenPopService;

/**
 * Everything outside the ACD that it talks to. {@code worker} runs the blocking writes (Redis, JDBC);
 * {@code queueLog} never blocks (it buffers); {@code desk} holds the agent desk's stores (callbacks, desk defaults) and the
 * check before a click-to-dial.
 */
public record AcdPorts(PbxGateway pbx, ScreenPopService pops, DesktopNotifier desktops, AgentStateStore agentStates,
                       InteractionLog history, Executor worker, QueueLog queueLog, DeskPorts desk) {

    /** The agent desk's stores in memory, nothing refused before a dial. */
    public AcdPorts(PbxGateway pbx, ScreenPopService pops, DesktopNotifier desktops, AgentStateStore agentStates,
                    InteractionLog history, Executor worker, QueueLog queueLog) {
        this(pbx, pops, desktops, agentStates, history, worker, queueLog, DeskPorts.inMemory());
    }

    /** Without a queue_log. */
    public AcdPorts(PbxGateway pbx, ScreenPopService pops, DesktopNotifier desktops, AgentStateStore agentStates,
                    InteractionLog history, Executor worker) {
        this(pbx, pops, desktops, agentStates, history, worker, NO_QUEUE_LOG);
    }

    private static final QueueLog NO_QUEUE_LOG = new QueueLog() {
        @Override
        public void append(QueueLogEntry entry) {
            // no queue_log configured
        }

        @Override
        public void close() {
            // nothing to release
        }
    };
}
