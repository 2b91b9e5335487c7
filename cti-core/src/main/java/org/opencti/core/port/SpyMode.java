package org.opencti.core.port;

/**
 * How a supervisor joins an agent's call through Asterisk's {@code ChanSpy}. The options are those of capture 05:
 * {@code q} (no beep, no channel name spoken), {@code E} (leave when the spied-on channel hangs up), then
 * {@code w} to whisper to the agent only, or {@code B} to barge (talk to both parties).
 */
public enum SpyMode {
    /** Hear both parties, say nothing. */
    LISTEN("qE"),
    /** Coach: hear both parties, be heard by the agent only. */
    WHISPER("qEw"),
    /** Barge: hear and be heard by both parties. */
    BARGE("qEB");

    private final String options;

    SpyMode(String options) {
        this.options = options;
    }

    /** The ChanSpy options string, e.g. {@code qEw}. */
    public String options() {
        return options;
    }
}
