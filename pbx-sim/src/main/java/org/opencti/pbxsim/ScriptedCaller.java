package org.opencti.pbxsim;

import java.time.Duration;
import java.util.Objects;

/**
 * A customer who calls in and behaves on their own: keys in {@code digits} when the IVR asks, gives up
 * (hangs up) when nobody has answered after {@code patience}, and otherwise talks for {@code talkTime}
 * once bridged to an agent, then hangs up.
 *
 * @param number   caller ID number as the network presents it ({@code ""} for a withheld number)
 * @param digits   keys pressed for the IVR, in order ({@code ""} presses nothing)
 * @param patience how long the caller waits, from dialing, before abandoning
 * @param talkTime how long the conversation lasts once bridged
 */
public record ScriptedCaller(String number, String name, String did, String digits, Duration patience, Duration talkTime) {
    public ScriptedCaller {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(digits, "digits");
        if (!digits.matches("[0-9*#]*")) {
            throw new IllegalArgumentException("digits may only be 0-9, * and #: " + digits);
        }
        if (patience == null || patience.isNegative() || talkTime == null || talkTime.isNegative()) {
            throw new IllegalArgumentException("patience and talkTime must be zero or more");
        }
    }
}
