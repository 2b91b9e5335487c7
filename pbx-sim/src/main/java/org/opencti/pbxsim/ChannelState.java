package org.opencti.pbxsim;

/** Channel states the simulator uses, with Asterisk's numbers ({@code ChannelState}) and names. */
public enum ChannelState {
    DOWN(0, "Down"),
    RING(4, "Ring"),
    RINGING(5, "Ringing"),
    UP(6, "Up"),
    BUSY(7, "Busy");

    private final int code;
    private final String desc;

    ChannelState(int code, String desc) {
        this.code = code;
        this.desc = desc;
    }

    /** {@code ChannelState:} value (also AGI {@code CHANNEL STATUS} result). */
    public int code() {
        return code;
    }

    /** {@code ChannelStateDesc:} value. */
    public String desc() {
        return desc;
    }
}
