package org.opencti.dialer.sim;

import java.util.SplittableRandom;

/**
 * The truth about one number on the list, drawn from the lead's own random stream (the scenario's seed and the lead's
 * place on the list), so every dial mode meets the same people, machines and talk times in the same order.
 */
record Lead(Kind kind, double answerSeconds, double talkSeconds, double wrapSeconds, double amdDraw, double notSureDraw) {
    enum Kind { PERSON, MACHINE, BUSY, CONGESTION, INVALID, NO_ANSWER }

    static Lead draw(DialerScenario s, long index, boolean inSurge) {
        SplittableRandom r = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + index);
        double live = s.liveRate();
        double scale = 1;
        if (inSurge && s.surge() != null) {
            live = s.surge().liveRate();
            scale = s.liveRate() < 1 ? (1 - live) / (1 - s.liveRate()) : 0;
        }
        double u = r.nextDouble();
        Kind kind;
        double[] shares = {live, s.machineRate() * scale, s.busyRate() * scale, s.congestionRate() * scale, s.invalidRate() * scale};
        Kind[] kinds = {Kind.PERSON, Kind.MACHINE, Kind.BUSY, Kind.CONGESTION, Kind.INVALID};
        kind = Kind.NO_ANSWER;
        double cumulative = 0;
        for (int i = 0; i < shares.length; i++) {
            cumulative += shares[i];
            if (u < cumulative) {
                kind = kinds[i];
                break;
            }
        }
        return new Lead(kind, s.answerDelay().sample(r), s.talk().sample(r), s.wrapUp().sample(r), r.nextDouble(), r.nextDouble());
    }
}
