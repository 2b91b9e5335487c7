package org.opencti.dialer.campaign;

import java.util.Locale;

/** How a campaign's calls are placed. */
public enum DialMode {
    /** The agent sees the lead first, then dials or skips. */
    PREVIEW,
    /** One line per free agent. */
    PROGRESSIVE,
    /** The pacing dials ahead of free agents, holding the abandon rate under the limit. */
    PREDICTIVE;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DialMode of(String word) {
        return Words.parse(DialMode.class, "dialMode", word);
    }
}
