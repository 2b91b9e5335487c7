package org.opencti.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.config.TestYaml.VALID;
import static org.opencti.config.TestYaml.problems;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingValidationTest {

    private static final String TIERS = """
            tiers:
              - {name: Gold, serviceLevelPercent: 90, withinSeconds: 20}
              - {name: Silver, serviceLevelPercent: 80, withinSeconds: 30}
              - {name: Bronze}
            """;

    @Test
    void withoutRoutingTheDefaultsAreOldestCallFirst() {
        ContactCentreConfig config = TestYaml.parse(VALID);

        assertThat(config.routing()).isEqualTo(RoutingDef.DEFAULT);
        assertThat(config.routing().fairness()).isEqualTo("oldestCallFirst");
        assertThat(config.routing().priority()).isEqualTo(new PriorityDef(Map.of(), 0, 0, 1));
        assertThat(config.tiers()).isEmpty();
        assertThat(config.calendars()).isEmpty();
    }

    @Test
    void routingAndTiersAreRead() {
        ContactCentreConfig config = TestYaml.parse(VALID + TIERS + """
                routing:
                  fairness: queuePriorityFirst
                  priority:
                    tierPoints: {Gold: 300, Silver: 150.5, Bronze: 0}
                    vipPoints: 200
                    churnRiskPoints: 100
                    pointsPerSecondWaiting: 0.5
                """);

        assertThat(config.routing().fairness()).isEqualTo(RoutingDef.QUEUE_PRIORITY_FIRST);
        PriorityDef priority = config.routing().priority();
        assertThat(priority.tierPoints()).containsExactly(Map.entry("Gold", 300.0), Map.entry("Silver", 150.5), Map.entry("Bronze", 0.0));
        assertThat(priority).extracting(PriorityDef::vipPoints, PriorityDef::churnRiskPoints, PriorityDef::pointsPerSecondWaiting)
                .containsExactly(200.0, 100.0, 0.5);
        assertThat(config.tiers())
                .containsExactly(new TierDef("Gold", 90, 20), new TierDef("Silver", 80, 30), new TierDef("Bronze", 80, 20));
        assertThat(config.tier("Silver")).contains(new TierDef("Silver", 80, 30));
        assertThat(config.tier("Platinum")).isEmpty();
    }

    @Test
    void scoreAddsTheConfiguredPointsAndTheWait() {
        PriorityDef priority = new PriorityDef(Map.of("Gold", 300.0), 200, 100, 2);

        assertThat(priority.score("Gold", true, true, 50, 10)).isEqualTo(300 + 200 + 100 + 50 + 20);
        assertThat(priority.score("Tin", false, false, 0, 10)).as("unlisted tier").isEqualTo(20);
        assertThat(priority.score(null, false, false, 0, 0)).isZero();
    }

    @Test
    void unknownFairnessSuggestsTheClosest() {
        assertThat(problems(VALID + "routing: {fairness: oldestCallsFirst}\n"))
                .containsExactly("routing.fairness: unknown fairness \"oldestCallsFirst\" (did you mean \"oldestCallFirst\"?)");
        assertThat(problems(VALID + "routing: {fairness: random}\n"))
                .containsExactly("routing.fairness: unknown fairness \"random\" (expected one of oldestCallFirst, queuePriorityFirst)");
    }

    @Test
    void waitingMustAlwaysEarnPointsSoThatNoCallStarves() {
        String why = " must be more than 0: a call that gains nothing by waiting can wait forever behind newer, higher-scored calls";

        assertThat(problems(VALID + "routing: {priority: {pointsPerSecondWaiting: 0}}\n"))
                .containsExactly("routing.priority.pointsPerSecondWaiting: 0" + why);
        assertThat(problems(VALID + "routing: {priority: {pointsPerSecondWaiting: -0.5}}\n"))
                .containsExactly("routing.priority.pointsPerSecondWaiting: -0.5" + why);
    }

    @Test
    void pointsAreNumbers() {
        assertThat(problems(VALID + "routing: {priority: {vipPoints: lots, churnRiskPoints: 1e3, tierPoints: {Gold: ~}}}\n"))
                .containsExactly(
                        "routing.priority.tierPoints.Gold: points required",
                        "routing.priority.vipPoints: expected a number, got \"lots\"",
                        "routing.priority.churnRiskPoints: expected a number, got \"1e3\"");
        assertThat(problems(VALID + "routing: {priority: {vipPoints: 2000000, tierPoints: [Gold]}}\n")).containsExactly(
                "routing.priority.tierPoints: expected a mapping of tier to points, got a list",
                "routing.priority.vipPoints: 2000000 is outside -1000000..1000000");
    }

    @Test
    void tierPointsMustNameDeclaredTiersWhenTiersAreGiven() {
        String routing = "routing: {priority: {tierPoints: {Gold: 300, Goldd: 10, Platinum: 500}}}\n";

        assertThat(problems(VALID + TIERS + routing)).containsExactly(
                "routing.priority.tierPoints.Goldd: unknown tier \"Goldd\" (did you mean \"Gold\"?)",
                "routing.priority.tierPoints.Platinum: unknown tier \"Platinum\"");
        assertThat(TestYaml.parse(VALID + routing).routing().priority().tierPoints())
                .as("without tiers, the names are the customer data's").containsOnlyKeys("Gold", "Goldd", "Platinum");
    }

    @Test
    void tiersAreCheckedOneByOne() {
        assertThat(problems(VALID + """
                tiers:
                  - {name: Gold, serviceLevelPercent: 0}
                  - {name: Gold, serviceLevelPercent: 101, withinSeconds: 0}
                  - {serviceLevelPercent: 50}
                """)).containsExactly(
                "tiers[0].serviceLevelPercent: 0 is outside 1..100",
                "tiers[1].name: duplicate tier \"Gold\"",
                "tiers[1].serviceLevelPercent: 101 is outside 1..100",
                "tiers[1].withinSeconds: 0 is outside 1..3600",
                "tiers[2].name: required");
    }

    @Test
    void unknownKeysInTheNewSectionsAreNamed() {
        assertThat(problems(VALID + "routing: {fairnes: oldestCallFirst, priority: {vipPoint: 1}}\n")).containsExactly(
                "routing.fairnes: unknown key (did you mean \"fairness\"?)",
                "routing.priority.vipPoint: unknown key (did you mean \"vipPoints\"?)");
        assertThat(List.of(RoutingDef.FAIRNESS.get(0))).containsExactly(RoutingDef.DEFAULT.fairness());
    }

    @Test
    void languagesNameTheSkillACallerWhoChoseThemNeeds() {
        ContactCentreConfig config = TestYaml.parse(VALID + """
                routing:
                  languages: {es: "billing:6", pt-BR: support}
                  callSkillsSeconds: 45
                """);

        assertThat(config.routing().languages()).containsEntry("es", "billing:6").containsEntry("pt-BR", "support");
        assertThat(config.routing().callSkillsSeconds()).isEqualTo(45);
        assertThat(TestYaml.parse(VALID).routing().callSkillsSeconds()).isEqualTo(RoutingDef.DEFAULT_CALL_SKILLS_SECONDS);
    }

    @Test
    void badLanguagesAreNamedOneByOne() {
        assertThat(problems(VALID + """
                routing:
                  languages: {es: spanich, fr: "billing:11", Klingon: billing, de: ":3", it: 5}
                  callSkillsSeconds: 0
                """)).containsExactly(
                "routing.callSkillsSeconds: 0 is outside 1..3600",
                "routing.languages.es: unknown skill \"spanich\"",
                "routing.languages.fr: level \"11\" must be 1..10",
                "routing.languages.Klingon: not a language code like en, es or pt-BR",
                "routing.languages.de: expected a skill name, or skill:level, got \":3\"",
                "routing.languages.it: unknown skill \"5\"");
    }
}
