package org.opencti.dialer.pacing;

/** How a campaign decides when to dial. */
public enum DialMode {
    /** The agent sees the record first, then dials or skips it; the dialer never dials by itself. */
    PREVIEW,
    /** One line per free agent: no call is ever answered without an agent waiting for it. */
    PROGRESSIVE,
    /** Lines for agents free now and soon, from online estimates, within the abandon limit. */
    PREDICTIVE
}
