package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge, or a ConfBridge conference (named). Only touched on the core thread. */
final class BridgeState {
    final String id;
    final List<Chan> members = new ArrayList<>();
    /** The ConfBridge room; null for a basic bridge. A conference does not dissolve when one channel is left. */
    final String conference;

    BridgeState(String id) {
        this(id, null);
    }

    BridgeState(String id, String conference) {
        this.id = id;
        this.conference = conference;
    }
}
