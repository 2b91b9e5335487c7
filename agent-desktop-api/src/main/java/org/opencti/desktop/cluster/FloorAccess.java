package org.opencti.desktop.cluster;

import java.util.Optional;

/**
 * Whether this node holds the floor (its ACD decides) and, when it does not, where the holder's HTTP API is. The node's
 * wiring answers from what its floor lease last said: both are called on event loops and must not block.
 */
public interface FloorAccess {
    /** One node alone: it always holds the floor. */
    FloorAccess ALONE = new FloorAccess() {
        @Override
        public boolean holdsFloor() {
            return true;
        }

        @Override
        public Optional<String> holderAddress() {
            return Optional.empty();
        }
    };

    boolean holdsFloor();

    /** The holder's HTTP base address ({@code http://10.0.0.5:8080}); empty while no node is known to hold the floor. */
    Optional<String> holderAddress();
}
