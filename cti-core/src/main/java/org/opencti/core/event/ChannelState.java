package org.opencti.core.event;

/** Asterisk's channel states (AMI ChannelState numbers 0..10). */
public enum ChannelState {
    DOWN, RESERVED, OFF_HOOK, DIALING, RING, RINGING, UP, BUSY, DIALING_OFFHOOK, PRE_RING, UNKNOWN;

    public static ChannelState fromAmi(Integer code) {
        if (code == null || code < 0 || code >= values().length) {
            return UNKNOWN;
        }
        return values()[code];
    }
}
