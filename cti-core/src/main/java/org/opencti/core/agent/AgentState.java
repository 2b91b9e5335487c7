package org.opencti.core.agent;

/** The states an agent moves through in a shift. */
public enum AgentState {
    LOGGED_OUT, READY, RESERVED, RINGING, ON_CALL, ON_HOLD, WRAP_UP, NOT_READY
}
