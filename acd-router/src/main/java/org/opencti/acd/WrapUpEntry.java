package org.opencti.acd;

/**
 * What an agent enters at wrap-up for their last call: a disposition code of the call's queue and notes (either may be
 * null, not both), and whether to end the wrap-up now. {@code callId}, when given, must be that call's id: a form left
 * open from an earlier call cannot write to the next one.
 */
public record WrapUpEntry(String callId, String disposition, String notes, boolean finish) {
    /** Notes longer than this are refused (the same limit as a note on the customer's record). */
    public static final int MAX_NOTES = 2000;
}
