package org.opencti.pbxsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DialplanTest {

    @Test
    void theSimulatorRunsTheDialplanOurServerShips() throws IOException {
        Path shipped = Path.of("..", "asterisk", "extensions_cti.conf");
        assumeTrue(Files.isRegularFile(shipped), "asterisk/extensions_cti.conf not present");
        try (InputStream copy = Dialplan.class.getResourceAsStream(Dialplan.SHIPPED)) {
            assertThat(new String(copy.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .as("pbx-sim's copy of asterisk/extensions_cti.conf is out of date").isEqualTo(Files.readString(shipped));
        }
    }

    @Test
    void theShippedDialplanHasTheContextsTheSimulatorReliesOn() {
        Dialplan plan = Dialplan.shipped();

        assertThat(plan.globals()).containsKey("CTI_AGI");
        Dialplan.Extension inbound = plan.find("cti-inbound", "5551000");
        assertThat(inbound.pattern).isEqualTo("_X.");
        assertThat(inbound.steps.values()).extracting(Dialplan.Step::app).contains("Answer", "AGI");
        assertThat(plan.find("cti-hold", "s").steps.values()).extracting(Dialplan.Step::app).contains("MusicOnHold");
        assertThat(plan.find("cti-hold", "5551000").steps.get(1).data()).isEqualTo("s,1");
        assertThat(plan.find("agent-leg", "s")).isNotNull();
        assertThat(plan.find("cti-inbound", "s")).isNull();
        assertThat(plan.find("cti-inbound", "5")).isNull();
        assertThat(plan.hasContext("agents")).isFalse();
    }

    @Test
    void theShippedDialplanHasTheCampaignContexts() {
        Dialplan plan = Dialplan.shipped();

        Dialplan.Extension campaign = plan.find("cti-campaign", "s");
        assertThat(campaign.steps.values()).extracting(Dialplan.Step::app).containsSubsequence("GotoIf", "AMD", "Set", "Wait");
        assertThat(campaign.steps.get(campaign.labels.get("waiting")).data()).isEqualTo("CTI_WAITING=1");
        assertThat(plan.find("cti-safe-harbour", "s").steps.values()).extracting(Dialplan.Step::app)
            .containsExactly("NoOp", "Playback", "Hangup");
        assertThat(plan.find("cti-machine", "s").steps.values()).extracting(Dialplan.Step::app).contains("Playback", "Hangup");
        // The nailed-up leg loops: the priority after its Wait (where a bridge returns it) goes back to the Wait.
        Dialplan.Extension nailed = plan.find("cti-nailed", "s");
        int wait = nailed.labels.get("wait");
        assertThat(nailed.steps.get(wait).app()).isEqualTo("Wait");
        assertThat(nailed.steps.get(wait + 1).app()).isEqualTo("Goto");
        assertThat(nailed.steps.get(wait + 1).data()).isEqualTo("wait");
        // A busy or congested trunk is handed back so that the Originate says why (Reason 5 / 8).
        assertThat(plan.find("cti-outbound", "+15550100").steps.values()).extracting(Dialplan.Step::app)
            .contains("Dial", "Busy", "Congestion");
        assertThat(plan.find("cti-outbound", "1")).isNull();
    }

    @Test
    void parsesPrioritiesLabelsCommentsAndGlobals() {
        Dialplan plan = Dialplan.parse("""
            [globals]
            URL = agi://h:1/x ; comment
            [ctx]
            exten => _X.,1,NoOp(a\\;b ${EXTEN})
             same => n,GotoIf($["${A}" = "1"]?done)
             same => n,Set(B=2)
             same => n(done),Hangup()
            exten => s,1,Wait(1.5)
            """);

        assertThat(plan.globals()).containsEntry("URL", "agi://h:1/x");
        Dialplan.Extension x = plan.find("ctx", "123");
        assertThat(x.steps.values()).extracting(Dialplan.Step::app).containsExactly("NoOp", "GotoIf", "Set", "Hangup");
        assertThat(x.steps.get(1).data()).isEqualTo("a;b ${EXTEN}");
        assertThat(x.labels).containsEntry("done", 4);
        assertThat(plan.find("ctx", "s").steps.get(1).data()).isEqualTo("1.5");
    }

    @Test
    void expandsVariablesFunctionsAndExpressionsLikeTheFallbackNeeds() {
        Map<String, String> vars = Map.of("AGISTATUS", "FAILURE", "CTI_QUEUE", "", "EXTEN", "5551000");
        assertThat(Dialplan.expand("$[\"${AGISTATUS}\" = \"SUCCESS\"]?done", vars::get)).isEqualTo("0?done");
        assertThat(Dialplan.expand("CTI_QUEUE=${IF($[\"${CTI_QUEUE}\" = \"\"]?support:${CTI_QUEUE})}", vars::get))
            .isEqualTo("CTI_QUEUE=support");
        Map<String, String> set = Map.of("CTI_QUEUE", "sales");
        assertThat(Dialplan.expand("CTI_QUEUE=${IF($[\"${CTI_QUEUE}\" = \"\"]?support:${CTI_QUEUE})}", set::get))
            .isEqualTo("CTI_QUEUE=sales");
        assertThat(Dialplan.expand("CTI inbound ${EXTEN} from ${NOPE}", vars::get)).isEqualTo("CTI inbound 5551000 from ");
        assertThat(Dialplan.matches("_X.", "5551000")).isTrue();
        assertThat(Dialplan.matches("_X.", "5")).isFalse();
        assertThat(Dialplan.matches("_X.", "+1555")).isFalse();
        assertThat(Dialplan.matches("_NXX", "255")).isTrue();
        assertThat(Dialplan.matches("_[1-3]X", "41")).isFalse();
    }

    @Test
    void agiArgumentsAreSplitLikeAsterisk() {
        assertThat(AgiArgs.parse("VERBOSE \"CTI IVR start\" 1")).containsExactly("VERBOSE", "CTI IVR start", "1");
        assertThat(AgiArgs.parse("STREAM FILE demo-congrats \"\"")).containsExactly("STREAM", "FILE", "demo-congrats", "");
        assertThat(AgiArgs.parse("GET FULL VARIABLE \"${CALLERID(all)}\"")).containsExactly("GET", "FULL", "VARIABLE",
            "${CALLERID(all)}");
        assertThat(AgiArgs.parse("SET VARIABLE X a\\ b")).containsExactly("SET", "VARIABLE", "X", "a b");
    }

    @Test
    void callerIdHeaderParsing() {
        assertThat(AmiActions.parseCallerId("\"Jane Doe\" <+15551230001>")).containsExactly("Jane Doe", "+15551230001");
        assertThat(AmiActions.parseCallerId("Supervisor <3001>")).containsExactly("Supervisor", "3001");
        assertThat(AmiActions.parseCallerId("+15550007000")).containsExactly("<unknown>", "+15550007000");
        assertThat(AmiActions.parseCallerId("Jane")).containsExactly("Jane", "<unknown>");
    }
}
