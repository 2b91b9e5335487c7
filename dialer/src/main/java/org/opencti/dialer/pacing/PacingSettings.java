package org.opencti.dialer.pacing;

import java.time.Duration;

/**
 * A campaign's pacing rules.
 *
 * @param mode preview, progressive or predictive
 * @param abandonLimit the abandoned share of live-answered calls the campaign must stay under (at most 3 %, the TSR)
 * @param headroom the share of the limit the predictive pacing aims at, leaving the rest for bad luck (0.8 aims at
 *     2.4 % under a 3 % limit)
 * @param maxLinesPerAgent a ceiling on lines in progress per logged-in agent, whatever the estimates say
 * @param connectDeadline how long a live answer may wait for an agent before the safe-harbour message (at most 2 s)
 */
public record PacingSettings(DialMode mode, double abandonLimit, double headroom, int maxLinesPerAgent, Duration connectDeadline) {
    public static final double TSR_LIMIT = 0.03;
    public static final Duration TSR_CONNECT = Duration.ofSeconds(2);

    public PacingSettings {
        if (mode == null) {
            throw new IllegalArgumentException("pacing needs a dial mode");
        }
        if (!(abandonLimit > 0 && abandonLimit <= TSR_LIMIT)) {
            throw new IllegalArgumentException("abandon limit must be in (0, 0.03], got " + abandonLimit);
        }
        if (!(headroom > 0 && headroom <= 1)) {
            throw new IllegalArgumentException("headroom must be in (0, 1], got " + headroom);
        }
        if (maxLinesPerAgent < 1) {
            throw new IllegalArgumentException("max lines per agent must be >= 1, got " + maxLinesPerAgent);
        }
        if (connectDeadline.isNegative() || connectDeadline.isZero() || connectDeadline.compareTo(TSR_CONNECT) > 0) {
            throw new IllegalArgumentException("connect deadline must be in (0, 2 s], got " + connectDeadline);
        }
    }

    /** 3 % limit aimed at 80 %, 4 lines per agent, 2 s to connect. */
    public static PacingSettings standard(DialMode mode) {
        return new PacingSettings(mode, TSR_LIMIT, 0.8, 4, TSR_CONNECT);
    }
}
