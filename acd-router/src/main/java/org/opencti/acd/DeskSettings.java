package org.opencti.acd;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the agent desk allows: desk extensions, dialing typed numbers, and how scheduled callbacks behave.
 *
 * @param callbackGrace how long a due "to me" callback waits for its busy (or not ready) agent before it goes to its queue
 * @param zone          the centre's zone: callback times given without a zone are read in it
 */
public record DeskSettings(ExtensionPlan extensions, boolean manualDialing, Duration callbackGrace, ZoneId zone) {
    /** No desk extensions, no typed numbers, five minutes' grace, UTC. */
    public static final DeskSettings DEFAULT = new DeskSettings(ExtensionPlan.NONE, false, Duration.ofMinutes(5), ZoneId.of("UTC"));

    public DeskSettings {
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(zone, "zone");
        if (callbackGrace == null || callbackGrace.isNegative()) {
            throw new IllegalArgumentException("the callback grace must be zero or more, not " + callbackGrace);
        }
    }
}
