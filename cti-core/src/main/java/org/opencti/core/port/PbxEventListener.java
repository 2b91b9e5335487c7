package org.opencti.core.port;

import org.opencti.core.event.PbxEvent;

@FunctionalInterface
public interface PbxEventListener {
    void onPbxEvent(PbxEvent event);
}
