package org.opencti.pbxsim;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge. Only touched on the core thread. */
final class BridgeState {
    final String id;
    final List<Chan> members = new ArrayList<>();

    BridgeState(String id) {
        this.id = id;
    }
}
