package org.opencti.acd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Published examples and values computed independently (the defining sums with exact factorials, 40 digits, in mpmath),
 * so a slip in the recursion cannot hide behind a test that uses it.
 */
class ErlangCTest {
    @Test
    void westbayWorkedExample() {
        // Westbay Engineers' Erlang C walk-through: 360 calls per half hour, 4 minutes each, 55 agents, 15 s target.
        ErlangC c = new ErlangC(360 / 1800.0, 240, 55);
        assertThat(c.offeredLoad()).isCloseTo(48.0, within(1e-9));
        assertThat(c.occupancy()).isCloseTo(0.8727, within(1e-4));
        assertThat(c.probabilityOfWaiting()).isCloseTo(0.23870093637800938, within(1e-12));
        assertThat(c.serviceLevel(15)).isCloseTo(0.8458830921705802, within(1e-12));
        assertThat(c.averageSpeedOfAnswer()).isCloseTo(8.184032104388896, within(1e-9));
    }

    @Test
    void tenErlangsWithElevenAndFourteenAgents() {
        // 100 calls in 30 minutes of 3 minutes each (10 erlangs): the usual spreadsheet example.
        ErlangC eleven = new ErlangC(100 / 1800.0, 180, 11);
        assertThat(eleven.probabilityOfWaiting()).isCloseTo(0.6821182046893323, within(1e-12));
        assertThat(eleven.averageSpeedOfAnswer()).isCloseTo(122.78127684407973, within(1e-9));
        ErlangC fourteen = new ErlangC(100 / 1800.0, 180, 14);
        assertThat(fourteen.probabilityOfWaiting()).isCloseTo(0.17413193359504978, within(1e-12));
        assertThat(fourteen.serviceLevel(20)).isCloseTo(0.8883500191794669, within(1e-12));
        assertThat(ErlangC.agentsFor(100 / 1800.0, 180, 20, 0.8)).as("13 agents give 79.6 %").isEqualTo(14);
    }

    @Test
    void textbookExerciseInMinutes() {
        // One call a minute, 3 minutes each, 5 agents: 76.4 % are answered at once.
        ErlangC c = new ErlangC(1, 3, 5);
        assertThat(1 - c.probabilityOfWaiting()).isCloseTo(0.7638483965014577, within(1e-12));
        assertThat(c.averageSpeedOfAnswer()).isCloseTo(0.35422740524781343, within(1e-12));
    }

    @Test
    void erlangBByHand() {
        assertThat(ErlangC.erlangB(1, 1)).isCloseTo(0.5, within(1e-15));
        assertThat(ErlangC.erlangB(2, 1)).isCloseTo(0.2, within(1e-15));
        assertThat(ErlangC.erlangB(3, 2)).isCloseTo((8 / 6.0) / (1 + 2 + 2 + 8 / 6.0), within(1e-15));
    }

    @Test
    void largeCentresNeitherOverflowNorLosePrecision() {
        ErlangC c = new ErlangC(1950, 1, 2000);
        assertThat(c.probabilityOfWaiting()).isCloseTo(0.1786750682327352, within(1e-10));
        assertThat(c.averageSpeedOfAnswer()).isCloseTo(0.003573501364654704, within(1e-12));
    }

    @Test
    void anOverloadedQueueAlwaysWaits() {
        ErlangC c = new ErlangC(2, 1, 2);
        assertThat(c.stable()).isFalse();
        assertThat(c.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(c.serviceLevel(20)).isZero();
        assertThat(c.averageSpeedOfAnswer()).isInfinite();
        assertThatThrownBy(() -> new ErlangC(0, 1, 1)).hasMessageContaining("arrivalRate");
        assertThatThrownBy(() -> new ErlangC(1, 1, 0)).hasMessageContaining("agents");
    }
}
