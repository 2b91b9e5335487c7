package org.opencti.core.adapter.memory;

import java.util.List;
import org.opencti.core.adapter.contract.AgentStateLogContract;
import org.opencti.core.port.AgentStateLog;

class InMemoryAgentStateLogTest extends AgentStateLogContract {
    private final InMemoryAgentStateLog log = new InMemoryAgentStateLog();

    @Override
    protected AgentStateLog log() {
        return log;
    }

    @Override
    protected List<String> stored() {
        return log.all().stream().map(c -> c.agentId() + " " + c.state() + " " + c.reason()).toList();
    }
}
