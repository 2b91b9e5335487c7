package org.opencti.acd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencti.core.desktop.DesktopEvent;

/** What the caller told the IVR reaches the agent with the screen pop: the variables the IVR listed, nothing else. */
class AcdCallDataTest {
    private static final QueueSetup SUPPORT = QueueSetup.simple("support", List.of(new SkillRequirement("support", 1)),
        Duration.ofSeconds(10), Duration.ofSeconds(15));

    private static DesktopEvent.ScreenPopped popFor(Map<String, String> vars) {
        AcdBench bench = new AcdBench(List.of(SUPPORT), List.of(new AgentProfile("2001", "Ann", "blue", "Local/2001@agents",
            Map.of("support", 5))));
        bench.ready("2001");
        bench.callerOnHold("100.1", "+15551230001", vars);
        return bench.pushed.stream().filter(e -> e instanceof DesktopEvent.ScreenPopped).map(e -> (DesktopEvent.ScreenPopped) e)
            .findFirst().orElseThrow();
    }

    @Test
    void theVariablesTheIvrListedTravelWithThePopInItsOrder() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CTI_QUEUE", "support");
        vars.put("CTI_INTENT", "order-status");
        vars.put("ORDER_NUMBER", "500170");
        vars.put("CTI_IVR_PATH", "main>welcome>orderNumber");
        vars.put("BRIDGEPEER", "Local/2001@agents-0001;1");
        vars.put("CTI_IVR_DATA", "CTI_IVR_PATH,CTI_INTENT,ORDER_NUMBER,MISSING");

        DesktopEvent.ScreenPopped pop = popFor(vars);

        assertThat(pop.callData()).containsExactly(Map.entry("CTI_IVR_PATH", "main>welcome>orderNumber"),
            Map.entry("CTI_INTENT", "order-status"), Map.entry("ORDER_NUMBER", "500170"));
    }

    @Test
    void aCallThatNeverSawTheIvrPopsWithoutCallData() {
        assertThat(popFor(Map.of("CTI_QUEUE", "support")).callData()).isEmpty();
    }

    @Test
    void aHostileListIsBoundedInCountAndLength() {
        Map<String, String> vars = new LinkedHashMap<>();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            vars.put("V" + i, "x".repeat(1000));
            names.append("V").append(i).append(',');
        }
        vars.put("CTI_IVR_DATA", names.toString());

        Map<String, String> data = popFor(vars).callData();

        assertThat(data).hasSize(32);
        assertThat(data.values()).allSatisfy(v -> assertThat(v).hasSize(200));
    }
}
