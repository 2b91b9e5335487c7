package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from an independent computation: the birth-death chain truncated far out and solved in 30-digit
 * arithmetic (mpmath), with the answered callers' wait summed path by path and checked against Little's law.
 */
class ErlangATest {
    @Test
    void twentyAgentsWithTenMinutePatience() {
        // 240 calls/h of 5 minutes (20 erlangs offered) on 20 agents: only abandonment keeps this queue finite.
        ErlangA a = new ErlangA(1 / 15.0, 300, 600, 20);
        assertThat(a.probabilityOfWaiting()).isCloseTo(0.609929545288151, within(1e-12));
        assertThat(a.probabilityOfAbandon()).isCloseTo(0.0736873943118631, within(1e-12));
        assertThat(a.averageSpeedOfAnswer()).isCloseTo(43.011070186073, within(1e-9));
        assertThat(a.averageWait()).isCloseTo(44.2124365871179, within(1e-9));
        assertThat(a.occupancy()).isCloseTo(0.926312605688137, within(1e-12));
    }

    @Test
    void patienceEqualToHandleTimeMakesTheCentreAnInfiniteServerQueue() {
        // With θ = μ every caller leaves at rate μ whether talking or waiting: the number present is Poisson(A).
        // A = 2, N = 3: P(wait) = P(Poisson(2) >= 3) = 1 - 5/e².
        ErlangA a = new ErlangA(2, 1, 1, 3);
        assertThat(a.probabilityOfWaiting()).isCloseTo(1 - 5 * Math.exp(-2), within(1e-13));
        assertThat(a.probabilityOfAbandon()).isCloseTo(0.109008774564757, within(1e-12));
        assertThat(a.averageSpeedOfAnswer()).isCloseTo(0.0838847256286144, within(1e-12));
    }

    @Test
    void heavyOverloadStaysFinite() {
        // 50 erlangs on 40 agents.
        ErlangA a = new ErlangA(10, 5, 2, 40);
        assertThat(a.probabilityOfWaiting()).isCloseTo(0.813089749967701, within(1e-12));
        assertThat(a.probabilityOfAbandon()).isCloseTo(0.212405510569625, within(1e-12));
        assertThat(a.averageSpeedOfAnswer()).isCloseTo(0.431535109087236, within(1e-12));
    }

    @Test
    void veryLongPatienceTendsToErlangC() {
        ErlangC c = new ErlangC(1 / 16.0, 300, 20);
        // The gap shrinks with θ (about 1.4e-3 s of ASA at 1e9 s of patience, at 94 % load); 1e12 s leaves ~1e-6.
        ErlangA almost = new ErlangA(1 / 16.0, 300, 1e12, 20);
        assertThat(almost.probabilityOfWaiting()).isCloseTo(c.probabilityOfWaiting(), within(1e-6));
        assertThat(almost.averageSpeedOfAnswer()).isCloseTo(c.averageSpeedOfAnswer(), within(1e-4));
        assertThat(almost.probabilityOfAbandon()).isLessThan(1e-9);
        ErlangA never = new ErlangA(1 / 16.0, 300, Double.POSITIVE_INFINITY, 20);
        assertThat(never.probabilityOfWaiting()).isEqualTo(c.probabilityOfWaiting());
        assertThat(never.averageSpeedOfAnswer()).isEqualTo(c.averageSpeedOfAnswer());
        assertThat(never.probabilityOfAbandon()).isZero();
    }

    @Test
    void shorterPatienceMeansMoreAbandonsAndShorterWaits() {
        ErlangA patient = new ErlangA(1 / 15.0, 300, 600, 20);
        ErlangA impatient = new ErlangA(1 / 15.0, 300, 60, 20);
        assertThat(impatient.probabilityOfAbandon()).isGreaterThan(patient.probabilityOfAbandon());
        assertThat(impatient.averageSpeedOfAnswer()).isLessThan(patient.averageSpeedOfAnswer());
        assertThat(impatient.probabilityOfWaiting()).isLessThan(patient.probabilityOfWaiting());
    }

    @Test
    void rejectsWhatHasNoAnswer() {
        assertThatThrownBy(() -> new ErlangA(1, 1, 0, 1)).hasMessageContaining("meanPatience");
        assertThatThrownBy(() -> new ErlangA(2, 1, Double.POSITIVE_INFINITY, 1)).hasMessageContaining("unstable");
    }
}
