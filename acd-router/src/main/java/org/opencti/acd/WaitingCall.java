package org.opencti.acd;

import java.time.Instant;

/** A caller on hold for a queue. {@code waitingSince} never changes, so a call put back keeps its place. */
public record WaitingCall(String callId, String queue, Instant waitingSince) {
}
