package org.opencti.acd;

import java.util.concurrent.Executor;
import org.opencti.core.desktop.DesktopNotifier;
import org.opencti.core.port.AgentStateStore;
import org.opencti.core.port.InteractionLog;
import org.opencti.core.port.PbxGateway;
import org.opencti.core.screenpop.ScreenPopService;

/** Everything outside the ACD that it talks to. {@code worker} runs the blocking writes (Redis, JDBC). */
public record AcdPorts(PbxGateway pbx, ScreenPopService pops, DesktopNotifier desktops, AgentStateStore agentStates,
                       InteractionLog history, Executor worker) {
}
