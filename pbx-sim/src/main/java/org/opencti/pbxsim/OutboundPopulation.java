package org.opencti.pbxsim;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The people behind the numbers a campaign dials, for the demo and end-to-end tests: every number dialled out through
 * {@code [cti-outbound]} that has no explicit {@link PbxSimulator#phone PhoneBehaviour} meets the {@link CalledParty}
 * this population draws for it. The draw depends only on the seed and the number (a leading {@code +} ignored), so a
 * number meets the same party on every dial, in every run.
 *
 * @param person        share of dials a person answers (AMD: HUMAN)
 * @param machine       share an answering machine answers (AMD: MACHINE)
 * @param amdNotSure    share answered by someone AMD cannot classify (NOTSURE)
 * @param busy          share busy (Reason 5)
 * @param noAnswer      share that rings until the Originate times out (Reason 3)
 * @param congestion    share the network reports congested (Reason 8)
 * @param rejected      share rejected while ringing (cause 21, Reason 0)
 * @param invalidNumber share of numbers that do not exist (cause 1, Reason 0)
 * @param shortestRing  ring time before an answer or a rejection: uniform between this ...
 * @param longestRing   ... and this
 * @param meanTalk      talk time of a person once connected: log-normal with this mean ...
 * @param talkSpread    ... and this standard deviation
 */
public record OutboundPopulation(long seed, double person, double machine, double amdNotSure, double busy, double noAnswer,
                                 double congestion, double rejected, double invalidNumber, Duration shortestRing,
                                 Duration longestRing, Duration meanTalk, Duration talkSpread) {
    private static final double TOLERANCE = 1e-9;

    public OutboundPopulation {
        double sum = 0;
        String[] names = {"person", "machine", "amdNotSure", "busy", "noAnswer", "congestion", "rejected", "invalidNumber"};
        double[] shares = {person, machine, amdNotSure, busy, noAnswer, congestion, rejected, invalidNumber};
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0 && shares[i] <= 1)) {
                throw new IllegalArgumentException("outbound population: share " + names[i] + " must be within 0..1, was "
                    + shares[i]);
            }
            sum += shares[i];
        }
        if (Math.abs(sum - 1) > TOLERANCE) {
            throw new IllegalArgumentException("outbound population: the shares must add up to 1, they add up to " + sum);
        }
        Objects.requireNonNull(shortestRing, "shortestRing");
        Objects.requireNonNull(longestRing, "longestRing");
        Objects.requireNonNull(meanTalk, "meanTalk");
        Objects.requireNonNull(talkSpread, "talkSpread");
        if (shortestRing.isNegative() || longestRing.compareTo(shortestRing) < 0) {
            throw new IllegalArgumentException("outbound population: ring time range must be 0 <= shortest <= longest, was "
                + shortestRing + ".." + longestRing);
        }
        if (meanTalk.isNegative() || meanTalk.isZero() || talkSpread.isNegative()) {
            throw new IllegalArgumentException("outbound population: talk time needs a positive mean and a spread >= 0, was "
                + meanTalk + " / " + talkSpread);
        }
    }

    /**
     * A list as a consumer campaign meets it: 30 % people, 15 % machines, 2 % AMD not sure, 8 % busy, 35 % no answer,
     * 2 % congestion, 3 % rejected, 5 % numbers that no longer exist; rings 4-18 s; people talk 90 s on average (sd 75 s),
     * the dialer simulation's default.
     */
    public static OutboundPopulation typical(long seed) {
        return new OutboundPopulation(seed, 0.30, 0.15, 0.02, 0.08, 0.35, 0.02, 0.03, 0.05, Duration.ofSeconds(4),
            Duration.ofSeconds(18), Duration.ofSeconds(90), Duration.ofSeconds(75));
    }

    public OutboundPopulation withSeed(long newSeed) {
        return new OutboundPopulation(newSeed, person, machine, amdNotSure, busy, noAnswer, congestion, rejected, invalidNumber,
            shortestRing, longestRing, meanTalk, talkSpread);
    }

    public OutboundPopulation withRing(Duration shortest, Duration longest) {
        return new OutboundPopulation(seed, person, machine, amdNotSure, busy, noAnswer, congestion, rejected, invalidNumber,
            shortest, longest, meanTalk, talkSpread);
    }

    public OutboundPopulation withTalk(Duration mean, Duration spread) {
        return new OutboundPopulation(seed, person, machine, amdNotSure, busy, noAnswer, congestion, rejected, invalidNumber,
            shortestRing, longestRing, mean, spread);
    }

    /** Who {@code number} reaches. Same seed and number, same party. */
    public CalledParty calledParty(String number) {
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("outbound population: no number given");
        }
        SplittableRandom random = new SplittableRandom(seed ^ fingerprint(number.startsWith("+") ? number.substring(1) : number));
        // Always three draws in this order, so the ring and talk times of a number do not depend on its outcome.
        double outcome = random.nextDouble();
        double ringDraw = random.nextDouble();
        double z = random.nextGaussian();
        CalledParty.Kind kind = kindAt(outcome);
        Duration ring = kind == CalledParty.Kind.PERSON || kind == CalledParty.Kind.MACHINE
            || kind == CalledParty.Kind.AMD_NOT_SURE || kind == CalledParty.Kind.REJECTED ? ring(ringDraw) : Duration.ZERO;
        Duration talk = kind == CalledParty.Kind.PERSON || kind == CalledParty.Kind.AMD_NOT_SURE ? talk(z) : null;
        return new CalledParty(kind, ring, talk);
    }

    private CalledParty.Kind kindAt(double u) {
        double[] shares = {person, machine, amdNotSure, busy, noAnswer, congestion, rejected, invalidNumber};
        CalledParty.Kind[] kinds = CalledParty.Kind.values();
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                return kinds[i];
            }
        }
        // Only reached through rounding when the shares add up to a hair under 1: the last outcome with a share.
        for (int i = shares.length - 1; i >= 0; i--) {
            if (shares[i] > 0) {
                return kinds[i];
            }
        }
        return kinds[0];
    }

    private Duration ring(double u) {
        long span = longestRing.toMillis() - shortestRing.toMillis();
        return Duration.ofMillis(shortestRing.toMillis() + Math.round(u * span));
    }

    /** Log-normal with the configured mean and standard deviation (at least a millisecond). */
    private Duration talk(double z) {
        double mean = meanTalk.toMillis() / 1000.0;
        double sd = talkSpread.toMillis() / 1000.0;
        double sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
        double mu = Math.log(mean) - sigma2 / 2;
        double seconds = Math.exp(mu + Math.sqrt(sigma2) * z);
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    /** 64-bit FNV-1a over the number's characters: fixed by this code, not by a JVM's hashing. */
    private static long fingerprint(String number) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < number.length(); i++) {
            h ^= number.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
