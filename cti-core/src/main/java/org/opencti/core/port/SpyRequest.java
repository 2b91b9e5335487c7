package org.opencti.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * Ring a supervisor's phone ({@code supervisorDialString}) and, once answered, run {@code ChanSpy} on
 * {@code targetChannel} (the agent's leg) in {@code mode}. {@code reference} comes back in the result, like an
 * {@link OriginateRequest}'s. The target is a channel name: a comma or a line break in it would change ChanSpy's
 * arguments or the AMI action, so it is refused.
 */
public record SpyRequest(String reference, String supervisorDialString, String targetChannel, SpyMode mode, String callerId,
                         Duration timeout) {
    /** The application that runs on the supervisor's channel once it answers. */
    public static final String APPLICATION = "ChanSpy";

    public SpyRequest {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(supervisorDialString, "supervisorDialString");
        Objects.requireNonNull(targetChannel, "targetChannel");
        Objects.requireNonNull(mode, "mode");
        if (targetChannel.isBlank() || targetChannel.matches("(?s).*[,\\r\\n].*")) {
            throw new IllegalArgumentException("not a channel to spy on: \"" + targetChannel + "\"");
        }
        if (supervisorDialString.matches("(?s).*[\\r\\n].*")) {
            throw new IllegalArgumentException("the supervisor's dial string has a line break");
        }
    }

    /** ChanSpy's argument: {@code <target channel>,<options>}, e.g. {@code Local/2001@agents-00000001;1,qE}. */
    public String data() {
        return targetChannel + "," + mode.options();
    }
}
