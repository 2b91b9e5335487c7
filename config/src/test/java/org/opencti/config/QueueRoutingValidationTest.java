package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.INFRA;
import static org.opencti.config.TestYaml.problems;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueueRoutingValidationTest {

    private static final String SKILLS = """
            skills: [{name: billing}, {name: support}, {name: spanish}]
            """;

    /** A valid document whose queue list is {@code queues} (list items, indented by two). */
    private static String withQueues(String queues) {
        return SKILLS + "queues:\n" + queues + INFRA;
    }

    private static String billing(String extra) {
        return "  - {name: billing, skills: [{skill: billing, minLevel: 5}]" + extra + "}\n";
    }

    private static final String SUPPORT = "  - {name: support, skills: [{skill: support, minLevel: 3}]}\n";

    @Test
    void everyRoutingKeyOfAQueueIsRead() {
        QueueDef billing = TestYaml.parse(withQueues("""
                  - name: billing
                    skills: [{skill: billing, minLevel: 5}]
                    expansion:
                      - {afterSeconds: 20, anyOf: [[{skill: billing, minLevel: 3}], [{skill: spanish, minLevel: 4}]]}
                      - {afterSeconds: 60, anyOf: [[{skill: billing}]]}
                    strategy: bestProficiency
                    ownerFirstSeconds: 30
                    wrapUpSeconds: 10
                    maxWrapUpSeconds: 120
                    occupancyCapPercent: 90
                    overflow:
                      - {when: {maxWaitSeconds: 120}, then: {queue: support}}
                      - {when: {maxQueueLength: 20}, then: {callback: true}}
                      - {when: {noAgentsLoggedIn: true}, then: {voicemail: billing}}
                      - {when: {closed: TRUE}, then: {voicemail: "100@default"}}
                """ + SUPPORT)).queue("billing").orElseThrow();

        assertThat(billing.expansion()).containsExactly(
                new ExpansionStepDef(20, List.of(List.of(new SkillLevel("billing", 3)), List.of(new SkillLevel("spanish", 4)))),
                new ExpansionStepDef(60, List.of(List.of(new SkillLevel("billing", 1)))));
        assertThat(billing.strategy()).isEqualTo(QueueDef.BEST_PROFICIENCY);
        assertThat(billing.ownerFirstSeconds()).isEqualTo(30);
        assertThat(billing.maxWrapUpSeconds()).isEqualTo(120);
        assertThat(billing.occupancyCapPercent()).isEqualTo(90);
        assertThat(billing.overflow()).containsExactly(
                new OverflowDef(120, null, false, false, "support", null, false),
                new OverflowDef(null, 20, false, false, null, null, true),
                new OverflowDef(null, null, true, false, null, "billing", false),
                new OverflowDef(null, null, false, true, null, "100@default", false));
        assertThat(billing.maxWaitSeconds()).isEqualTo(120);
    }

    @Test
    void positionAnnouncementsAreOffByDefaultAndBounded() {
        assertThat(TestYaml.parse(withQueues(SUPPORT)).queue("support").orElseThrow().announcePositionSeconds()).isNull();
        assertThat(TestYaml.parse(withQueues(SUPPORT.replace("]}", "], announcePositionSeconds: 60}"))).queue("support")
            .orElseThrow().announcePositionSeconds()).isEqualTo(60);
        assertThat(TestYaml.problems(withQueues(SUPPORT.replace("]}", "], announcePositionSeconds: 5}"))))
            .singleElement().asString().endsWith("announcePositionSeconds: 5 is outside 15..3600");
    }

    @Test
    void routingKeysDefaultSoThatOldFilesKeepTheirMeaning() {
        QueueDef support = TestYaml.parse(withQueues(SUPPORT.replace("]}", "], wrapUpSeconds: 7}"))).queue("support").orElseThrow();

        assertThat(support).isEqualTo(new QueueDef("support", List.of(new SkillLevel("support", 3)), 7, 15, 20));
        assertThat(support.strategy()).isEqualTo("longestIdle");
        assertThat(support.maxWrapUpSeconds()).as("no extension unless configured").isEqualTo(7);
        assertThat(support.expansion()).isEmpty();
        assertThat(support.overflow()).isEmpty();
        assertThat(support.ownerFirstSeconds()).isNull();
        assertThat(support.occupancyCapPercent()).isNull();
        assertThat(support.maxWaitSeconds()).isNull();
    }

    @Test
    void unknownSkillInAnExpansionStep() {
        assertThat(problems(withQueues(billing(", expansion: [{afterSeconds: 20, anyOf: [[{skill: billing, minLevel: 3}]]},"
                + " {afterSeconds: 40, anyOf: [[{skill: x}, {skill: billing}], [{skill: billing}, {skill: billing}]]}]"))))
                .containsExactly(
                        "queues[0].expansion[1].anyOf[0][0].skill: unknown skill \"x\"",
                        "queues[0].expansion[1].anyOf[1][1].skill: skill \"billing\" is listed twice");
    }

    @Test
    void expansionStepsMustComeStrictlyLaterAndAfterZero() {
        assertThat(problems(withQueues(billing(", expansion: [{afterSeconds: 0, anyOf: [[]]}, {afterSeconds: 20, anyOf: [[]]},"
                + " {afterSeconds: 20, anyOf: [[]]}, {afterSeconds: 10, anyOf: [[]]}, {anyOf: [[]]}]")))).containsExactly(
                "queues[0].expansion[0].afterSeconds: 0 is outside 1..86400",
                "queues[0].expansion[2].afterSeconds: 20 is not after the previous step (20)",
                "queues[0].expansion[3].afterSeconds: 10 is not after the previous step (20)",
                "queues[0].expansion[4].afterSeconds: required");
    }

    @Test
    void expansionNeedsAlternativesThatAreLists() {
        assertThat(problems(withQueues(billing(", expansion: [{afterSeconds: 10}, {afterSeconds: 20, anyOf: [{skill: billing}]}]"))))
                .containsExactly(
                        "queues[0].expansion[0].anyOf: at least one alternative is required, such as [[{skill: billing, minLevel: 3}]]",
                        "queues[0].expansion[1].anyOf[0]: expected a list of requirements, got a mapping");
    }

    @Test
    void expansionStepAtOrAfterTheTimeOverflowIsUnreachable() {
        String expansion = ", expansion: [{afterSeconds: 20, anyOf: [[]]}, {afterSeconds: 119, anyOf: [[]]},"
                + " {afterSeconds: 120, anyOf: [[]]}, {afterSeconds: 300, anyOf: [[]]}]";
        String overflow = ", overflow: [{when: {maxWaitSeconds: 120}, then: {queue: support}}, {when: {maxWaitSeconds: 600},"
                + " then: {callback: true}}]";

        assertThat(problems(withQueues(billing(expansion + overflow) + SUPPORT))).containsExactly(
                "queues[0].overflow[1]: unreachable: the call overflows at 120 s (queues[0].overflow[0])",
                "queues[0].expansion[2]: unreachable: the call overflows at 120 s (queues[0].overflow[0])",
                "queues[0].expansion[3]: unreachable: the call overflows at 120 s (queues[0].overflow[0])");
    }

    @Test
    void unknownStrategySuggestsTheClosest() {
        assertThat(problems(withQueues(billing(", strategy: longestIdel") + SUPPORT.replace("]}", "], strategy: ringall}"))))
                .containsExactly(
                        "queues[0].strategy: unknown strategy \"longestIdel\" (did you mean \"longestIdle\"?)",
                        "queues[1].strategy: unknown strategy \"ringall\" (expected one of longestIdle, fewestCalls, leastTalkTime,"
                                + " bestProficiency, roundRobin, weightedRandom)");
    }

    @Test
    void wrapUpOccupancyAndOwnerLimits() {
        assertThat(problems(withQueues(billing(", wrapUpSeconds: 30, maxWrapUpSeconds: 20, occupancyCapPercent: 40,"
                + " ownerFirstSeconds: 0") + SUPPORT.replace("]}", "], occupancyCapPercent: 101}")))).containsExactly(
                "queues[0].ownerFirstSeconds: 0 is outside 1..3600",
                "queues[0].maxWrapUpSeconds: 20 is less than wrapUpSeconds (30)",
                "queues[0].occupancyCapPercent: 40 is outside 50..100",
                "queues[1].occupancyCapPercent: 101 is outside 50..100");
        assertThat(problems(withQueues(billing(", wrapUpSeconds: -1, maxWrapUpSeconds: 5"))))
                .as("not also compared with the default that replaced the wrong wrap-up")
                .containsExactly("queues[0].wrapUpSeconds: -1 is outside 0..3600");
    }

    @Test
    void overflowTargetsMustBeOtherExistingQueues() {
        assertThat(problems(withQueues(billing(", overflow: [{when: {maxWaitSeconds: 60}, then: {queue: suport}},"
                + " {when: {closed: true}, then: {queue: billing}}, {when: {noAgentsLoggedIn: true}, then: {queue: sales}}]") + SUPPORT)))
                .containsExactly(
                        "queues[0].overflow[0].then.queue: unknown queue \"suport\" (did you mean \"support\"?)",
                        "queues[0].overflow[1].then.queue: queue \"billing\" overflows to itself",
                        "queues[0].overflow[2].then.queue: unknown queue \"sales\"");
    }

    @Test
    void overflowLoopsAcrossQueuesAreNamed() {
        String toSupport = ", overflow: [{when: {maxWaitSeconds: 60}, then: {queue: support}}]";

        assertThat(problems(withQueues(billing(toSupport)
                + "  - {name: support, overflow: [{when: {noAgentsLoggedIn: true}, then: {queue: billing}}]}\n")))
                .containsExactly("queues[1].overflow[0].then.queue: overflow loop billing -> support -> billing");
        assertThat(problems(withQueues(billing(toSupport)
                + "  - {name: support, overflow: [{when: {maxWaitSeconds: 60}, then: {queue: spanish}}]}\n"
                + "  - {name: spanish, overflow: [{when: {closed: true}, then: {queue: support}}, "
                + "{when: {maxWaitSeconds: 30}, then: {queue: billing}}]}\n")))
                .containsExactly(
                        "queues[2].overflow[0].then.queue: overflow loop support -> spanish -> support",
                        "queues[2].overflow[1].then.queue: overflow loop billing -> support -> spanish -> billing");
    }

    @Test
    void aChainWithoutALoopIsFine() {
        ContactCentreConfig config = TestYaml.parse(withQueues(billing(", overflow: [{when: {maxWaitSeconds: 60}, then: {queue: support}}]")
                + "  - {name: support, overflow: [{when: {maxWaitSeconds: 60}, then: {queue: spanish}}]}\n"
                + "  - {name: spanish, overflow: [{when: {maxWaitSeconds: 60}, then: {voicemail: general}}]}\n"
                + "  - {name: other, overflow: [{when: {maxWaitSeconds: 60}, then: {queue: spanish}}]}\n"));

        assertThat(config.queues()).hasSize(4);
    }

    @Test
    void eachRuleHasExactlyOneConditionAndOneAction() {
        assertThat(problems(withQueues(billing(", overflow: ["
                + "{when: {maxWaitSeconds: 60, closed: true}, then: {callback: true}},"
                + " {when: {closed: false}, then: {voicemail: billing, callback: true}},"
                + " {then: {callback: false}},"
                + " {when: {closed: yes}, then: {voicemail: \"billing&x\"}}]")))).containsExactly(
                "queues[0].overflow[0].when: one condition per rule, got 2 (maxWaitSeconds, closed); write a rule for each",
                "queues[0].overflow[1].when: one condition required (maxWaitSeconds, maxQueueLength, noAgentsLoggedIn, closed)",
                "queues[0].overflow[1].then: one action per rule, got 2 (voicemail, callback); write a rule for each",
                "queues[0].overflow[2].when: one condition required (maxWaitSeconds, maxQueueLength, noAgentsLoggedIn, closed)",
                "queues[0].overflow[2].then: one action required (queue, voicemail, callback)",
                "queues[0].overflow[3].when.closed: expected true or false, got \"yes\"",
                "queues[0].overflow[3].then.voicemail: \"billing&x\" is not a voicemail box (like 100 or billing@default)");
    }

    @Test
    void overflowLimitsAreChecked() {
        assertThat(problems(withQueues(billing(", overflow: [{when: {maxWaitSeconds: 0}, then: {callback: true}},"
                + " {when: {maxQueueLength: 0}, then: {callback: true}}, {when: {maxWaitSeconds: 60}, else: {callback: true}}]"))))
                .containsExactly(
                        "queues[0].overflow[0].when.maxWaitSeconds: 0 is outside 1..86400",
                        "queues[0].overflow[1].when.maxQueueLength: 0 is outside 1..100000",
                        "queues[0].overflow[2].else: unknown key (expected one of when, then)",
                        "queues[0].overflow[2].then: one action required (queue, voicemail, callback)");
    }
}
