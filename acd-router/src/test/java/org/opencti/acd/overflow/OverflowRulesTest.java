package org.opencti.acd.overflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencti.acd.overflow.Condition.Closed;
import org.opencti.acd.overflow.Condition.MaxQueueLength;
import org.opencti.acd.overflow.Condition.MaxWait;
import org.opencti.acd.overflow.Condition.NoAgentsLoggedIn;
import org.opencti.acd.overflow.OverflowAction.OfferCallback;
import org.opencti.acd.overflow.OverflowAction.ToQueue;
import org.opencti.acd.overflow.OverflowAction.ToVoicemail;

class OverflowRulesTest {
    private static final Instant ENTERED = Instant.parse("2026-03-02T14:00:00Z");

    private static QueueSituation waited(long seconds, int waiting, int agents, boolean open) {
        return new QueueSituation(ENTERED.plusSeconds(seconds), ENTERED, waiting, agents, open);
    }

    private static QueueSituation normal(long seconds) {
        return waited(seconds, 3, 5, true);
    }

    private static OverflowRule rule(Condition condition, OverflowAction action) {
        return new OverflowRule(condition, action);
    }

    @Test
    void withoutRulesEveryCallStays() {
        assertThat(OverflowRules.NONE.onArrival(waited(0, 500, 0, false))).isEqualTo(OverflowAction.STAY);
        assertThat(OverflowRules.NONE.onWait(waited(9999, 500, 0, false))).isEqualTo(OverflowAction.STAY);
        assertThat(OverflowRules.NONE.nextCheckAt(ENTERED)).isEmpty();
    }

    @Test
    void maxQueueLengthLetsTheLastPlaceInAndTurnsTheNextCallerAway() {
        OverflowRules rules = new OverflowRules(List.of(rule(new MaxQueueLength(10), new ToQueue("support"))));
        assertThat(rules.onArrival(waited(0, 10, 5, true))).isEqualTo(OverflowAction.STAY);
        assertThat(rules.onArrival(waited(0, 11, 5, true))).isEqualTo(new ToQueue("support"));
        assertThat(rules.onWait(waited(30, 11, 5, true))).as("only a newcomer is turned away").isEqualTo(OverflowAction.STAY);
    }

    @Test
    void maxWaitAppliesWhileWaitingFromTheDeadlineOn() {
        OverflowRules rules = new OverflowRules(List.of(rule(new MaxWait(Duration.ofMinutes(2)), new ToVoicemail("800"))));
        assertThat(rules.onWait(normal(119))).isEqualTo(OverflowAction.STAY);
        assertThat(rules.onWait(normal(120))).isEqualTo(new ToVoicemail("800"));
        assertThat(rules.onArrival(normal(120))).as("never on arrival").isEqualTo(OverflowAction.STAY);
    }

    @Test
    void noAgentsLoggedInAppliesOnArrivalAndWhileWaiting() {
        OverflowRules rules = new OverflowRules(List.of(rule(new NoAgentsLoggedIn(), new ToVoicemail("800"))));
        assertThat(rules.onArrival(waited(0, 1, 0, true))).isEqualTo(new ToVoicemail("800"));
        assertThat(rules.onWait(waited(40, 1, 0, true))).as("the last agent logged out").isEqualTo(new ToVoicemail("800"));
        assertThat(rules.onWait(waited(40, 1, 1, true))).isEqualTo(OverflowAction.STAY);
    }

    @Test
    void closedAppliesOnArrivalAndToCallsStillWaitingAtClosingTime() {
        OverflowRules rules = new OverflowRules(List.of(rule(new Closed(), new OfferCallback())));
        assertThat(rules.onArrival(waited(0, 1, 3, false))).isEqualTo(new OfferCallback());
        assertThat(rules.onWait(waited(600, 1, 3, false))).isEqualTo(new OfferCallback());
        assertThat(rules.onArrival(waited(0, 1, 3, true))).isEqualTo(OverflowAction.STAY);
    }

    @Test
    void theFirstMatchingRuleWins() {
        OverflowRules rules = new OverflowRules(List.of(
            rule(new Closed(), new ToVoicemail("after-hours")),
            rule(new MaxWait(Duration.ofMinutes(5)), new ToVoicemail("800")),
            rule(new MaxWait(Duration.ofMinutes(2)), new OfferCallback()),
            rule(new NoAgentsLoggedIn(), new ToQueue("support")),
            rule(new MaxQueueLength(20), new ToQueue("support"))));
        assertThat(rules.onWait(waited(400, 3, 0, false))).isEqualTo(new ToVoicemail("after-hours"));
        assertThat(rules.onWait(waited(400, 3, 0, true))).isEqualTo(new ToVoicemail("800"));
        assertThat(rules.onWait(waited(150, 3, 0, true))).isEqualTo(new OfferCallback());
        assertThat(rules.onWait(waited(60, 3, 0, true))).isEqualTo(new ToQueue("support"));
        assertThat(rules.onArrival(waited(0, 21, 0, true))).as("no agents comes before the length").isEqualTo(new ToQueue("support"));
        assertThat(rules.onArrival(waited(0, 21, 4, true))).isEqualTo(new ToQueue("support"));
        assertThat(rules.onArrival(waited(0, 20, 4, true))).isEqualTo(OverflowAction.STAY);
    }

    @Test
    void anEarlierStayRuleShieldsTheCallFromLaterOnes() {
        OverflowRules rules = new OverflowRules(List.of(
            rule(new MaxQueueLength(50), OverflowAction.STAY),
            rule(new NoAgentsLoggedIn(), new ToVoicemail("800"))));
        assertThat(rules.onArrival(waited(0, 51, 0, true))).isEqualTo(OverflowAction.STAY);
        assertThat(rules.onArrival(waited(0, 5, 0, true))).isEqualTo(new ToVoicemail("800"));
    }

    @Test
    void nextCheckAtIsTheEarliestMaxWaitDeadline() {
        OverflowRules rules = new OverflowRules(List.of(
            rule(new Closed(), new ToVoicemail("after-hours")),
            rule(new MaxWait(Duration.ofMinutes(5)), new ToVoicemail("800")),
            rule(new MaxWait(Duration.ofMinutes(2)), new OfferCallback())));
        assertThat(rules.nextCheckAt(ENTERED)).contains(ENTERED.plusSeconds(120));
        assertThat(rules.nextCheckAt(ENTERED, ENTERED.plusSeconds(120))).as("after the first check said stay")
            .contains(ENTERED.plusSeconds(300));
        assertThat(rules.nextCheckAt(ENTERED, ENTERED.plusSeconds(300))).isEqualTo(Optional.empty());
        assertThat(new OverflowRules(List.of(rule(new Closed(), new OfferCallback()))).nextCheckAt(ENTERED)).isEmpty();
    }

    @Test
    void badValuesAreRefusedWithClearMessages() {
        assertThatThrownBy(() -> new MaxWait(Duration.ZERO)).hasMessage("max wait must be positive, got PT0S");
        assertThatThrownBy(() -> new MaxQueueLength(-1)).hasMessage("max queue length must not be negative, got -1");
        assertThatThrownBy(() -> new ToQueue(" ")).hasMessage("queue must not be blank");
        assertThatThrownBy(() -> new QueueSituation(ENTERED.minusSeconds(1), ENTERED, 1, 0, true))
            .hasMessage("now 2026-03-02T13:59:59Z is before the call entered at 2026-03-02T14:00:00Z");
        assertThatThrownBy(() -> new QueueSituation(ENTERED, ENTERED, 0, 0, true))
            .hasMessage("waitingInQueue counts this call, so it is at least 1, got 0");
    }
}
