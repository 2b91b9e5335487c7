package org.opencti.acd.overflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencti.acd.overflow.Condition.Closed;
import org.opencti.acd.overflow.Condition.MaxWait;
import org.opencti.acd.overflow.OverflowAction.ToQueue;
import org.opencti.acd.overflow.OverflowAction.ToVoicemail;

class OverflowValidationTest {
    private static final Set<String> QUEUES = Set.of("billing", "support", "sales", "spanish");

    private static OverflowRules to(String... queues) {
        List<OverflowRule> rules = new ArrayList<>();
        for (String q : queues) {
            rules.add(new OverflowRule(new MaxWait(Duration.ofMinutes(3)), new ToQueue(q)));
        }
        rules.add(new OverflowRule(new Closed(), new ToVoicemail("800")));
        return new OverflowRules(rules);
    }

    @Test
    void aSoundConfigurationHasNoProblems() {
        assertThat(OverflowRules.validate(Map.of("billing", to("support"), "support", to("sales"), "sales", to()), QUEUES)).isEmpty();
    }

    @Test
    void unknownQueuesAndSelfOverflowAreReported() {
        assertThat(OverflowRules.validate(Map.of("billing", to("billing", "collections"), "marketing", to("sales")), QUEUES))
            .containsExactly(
                "queue 'billing' overflows to itself",
                "queue 'billing' overflows to unknown queue 'collections'",
                "overflow rules for unknown queue 'marketing'");
    }

    @Test
    void aTwoQueueLoopIsReportedOnceWithItsPath() {
        assertThat(OverflowRules.validate(Map.of("support", to("billing"), "billing", to("support")), QUEUES))
            .containsExactly("overflow loop: billing -> support -> billing");
    }

    @Test
    void aLongerLoopIsReportedFromItsFirstQueueAlphabetically() {
        Map<String, OverflowRules> byQueue = Map.of(
            "spanish", to("support"),
            "support", to("sales"),
            "sales", to("spanish"),
            "billing", to("support"));
        assertThat(OverflowRules.validate(byQueue, QUEUES)).containsExactly("overflow loop: sales -> spanish -> support -> sales");
    }

    @Test
    void branchesThatMeetAgainAreNotALoop() {
        Map<String, OverflowRules> byQueue = Map.of(
            "billing", to("support", "sales"),
            "support", to("spanish"),
            "sales", to("spanish"));
        assertThat(OverflowRules.validate(byQueue, QUEUES)).isEmpty();
    }
}
