package org.opencti.acd;

import java.time.Duration;
import java.util.Optional;

/** A waiting caller's place in line and the expected wait, and the sentence that announces them. */
public record QueuePosition(String queue, int position, Optional<Duration> expectedWait, String announcement) {
}
