package org.opencti.core.port;

/**
 * What the PBX says of an agent's phone ({@link PbxGateway#phoneState}): enough to tell a phone that can ring from one that
 * cannot, not the PBX's every shade (ringing, on hold and busy are all {@link #IN_USE}).
 */
public enum PhoneState {
    /** Reachable and idle: it can ring. */
    AVAILABLE,
    /** Reachable and on a call (in use, busy, ringing or on hold): it answered the network, so it is there. */
    IN_USE,
    /** Not reachable (unregistered, unplugged): ringing it would fail. */
    UNAVAILABLE,
    /** The PBX could not tell (no hint for the phone, a state it does not name, or not asked): assume nothing. */
    UNKNOWN;

    /** Whether ringing the phone now is pointless. */
    public boolean unreachable() {
        return this == UNAVAILABLE;
    }
}
