package org.opencti.ivr.entry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.agi.AsteriskCaptures;
import org.opencti.ivr.agi.AsteriskReplies;
import org.opencti.ivr.agi.FastAgiServer;
import org.opencti.ivr.agi.ScriptedAsteriskAgiClient;

/** The entry IVR behind the real FastAGI server, with a scripted Asterisk sending the captured environment. */
@Timeout(30)
class EntryIvrEndToEndTest {
    private static final String ANSWER = "ANSWER";
    private static final String GREETING = "STREAM FILE cti-welcome \"\"";
    private static final String MENU = "GET DATA cti-main-menu 5000 1";
    private static final String INVALID = "STREAM FILE invalid \"\"";
    private static final List<String> TO_HOLD = List.of("SET CONTEXT cti-hold", "SET EXTENSION s", "SET PRIORITY 1");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private FastAgiServer server;

    @BeforeEach
    void start() {
        EntryIvr ivr = new EntryIvr(EntryIvr.Settings.standard(), registry);
        server = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("ivr", ivr)), registry).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> call(AsteriskReplies replies) {
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send(AsteriskCaptures.environmentFor("ivr?menu=main"));
            return asterisk.converse(replies);
        }
    }

    private static List<String> routed(String queue, String intent, String path) {
        return List.of("SET VARIABLE CTI_QUEUE " + queue, "SET VARIABLE CTI_INTENT " + intent, "SET VARIABLE CTI_IVR_PATH " + path,
                TO_HOLD.get(0), TO_HOLD.get(1), TO_HOLD.get(2));
    }

    private double outcome(String outcome) {
        var counter = registry.find("cti.ivr.entry.calls").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void pressingTwoSendsTheCallerToSupportOnHold() {
        List<String> commands = call(AsteriskReplies.withGetData("200 result=2"));

        assertThat(commands).startsWith(ANSWER, GREETING, MENU)
                .endsWith(routed("support", "support", "main>2").toArray(String[]::new))
                .hasSize(9);
        assertThat(outcome("selected")).isEqualTo(1.0);
    }

    @Test
    void twoTimeoutsThenAValidDigit() {
        List<String> commands = call(AsteriskReplies.withGetData("200 result= (timeout)", "200 result= (timeout)", "200 result=3"));

        assertThat(commands.subList(0, 5)).containsExactly(ANSWER, GREETING, MENU, MENU, MENU);
        assertThat(commands.subList(5, commands.size())).containsExactlyElementsOf(routed("spanish-support", "support-es", "main>3"));
    }

    @Test
    void threeInvalidDigitsGoToTheDefaultQueue() {
        List<String> commands = call(AsteriskReplies.withGetData("200 result=9", "200 result=*", "200 result=0"));

        assertThat(commands.subList(0, 7)).containsExactly(ANSWER, GREETING, MENU, INVALID, MENU, INVALID, MENU);
        assertThat(commands.subList(7, commands.size())).containsExactlyElementsOf(routed("support", "unknown", "main>default"));
        assertThat(outcome("defaulted")).isEqualTo(1.0);
    }

    @Test
    void aCallerWhoHangsUpMidMenuEndsTheSessionWithNoFurtherCommands() {
        List<String> commands = call(AsteriskReplies.withGetData("200 result=-1", "HANGUP\n200 result=-1"));

        assertThat(commands).containsExactly(ANSWER, GREETING, MENU, MENU);
        assertThat(outcome("hungup")).isEqualTo(1.0);
        assertThat(registry.get("cti.ivr.agi.hangups").counter().count()).isEqualTo(1.0);
        assertThat(registry.find("cti.ivr.agi.failures").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void aMenuCommandAsteriskRejectsStillSendsTheCallerToAPerson() {
        AsteriskReplies replies = AsteriskReplies.withGetData();
        List<String> commands = call(command -> command.startsWith("GET DATA") ? List.of("510 Invalid or unknown command")
                : replies.answer(command));

        assertThat(commands).containsExactly(ANSWER, GREETING, MENU, "SET VARIABLE CTI_QUEUE support", "SET VARIABLE CTI_INTENT unknown",
                "SET VARIABLE CTI_IVR_PATH main>error", TO_HOLD.get(0), TO_HOLD.get(1), TO_HOLD.get(2));
        assertThat(outcome("error")).isEqualTo(1.0);
    }

    private List<String> call(ScriptedAsteriskAgiClient.Responder responder) {
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send(AsteriskCaptures.environmentFor("ivr?menu=main"));
            return asterisk.converse(responder);
        }
    }
}
