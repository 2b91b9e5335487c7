package org.opencti.core.adapter.memory;

import org.opencti.core.adapter.contract.DesktopRelayContract;
import org.opencti.core.cluster.DesktopRelay;

class InMemoryDesktopRelayTest extends DesktopRelayContract {
    private final InMemoryDesktopRelay.Bus bus = new InMemoryDesktopRelay.Bus();

    @Override
    protected DesktopRelay node(String nodeId) {
        return bus.relay();
    }
}
