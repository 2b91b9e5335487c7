package org.opencti.dialer.compliance;

/** Dial, or not and why (the reason and a sentence a supervisor can read: which list, which window, which cap). */
public record DialDecision(boolean allowed, RefusalReason reason, String detail) {
    public static final DialDecision ALLOW = new DialDecision(true, null, "allowed");

    public static DialDecision refuse(RefusalReason reason, String detail) {
        return new DialDecision(false, reason, detail);
    }
}
