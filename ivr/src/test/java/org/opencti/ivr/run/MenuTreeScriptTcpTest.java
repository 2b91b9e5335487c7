package org.opencti.ivr.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.agi.AsteriskCaptures;
import org.opencti.ivr.agi.AsteriskReplies;
import org.opencti.ivr.agi.FastAgiServer;
import org.opencti.ivr.agi.ScriptedAsteriskAgiClient;
import org.opencti.ivr.tree.MenuTreeRegistry;

/** {@link MenuTreeScript} behind a real FastAGI server, driven over TCP by a blocking scripted Asterisk. */
class MenuTreeScriptTcpTest {

    private final ContainmentStats stats = new ContainmentStats();
    private FastAgiServer server;

    @BeforeEach
    void start() {
        MenuTreeScript script = new MenuTreeScript(new MenuTreeRegistry(RunFixtures.sample()), RunFixtures.runner(true), stats,
                "support");
        server = new FastAgiServer("127.0.0.1", 0, AgiScriptRouter.byName(Map.of("ivr", script)), new SimpleMeterRegistry()).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> call(String script, String... getData) {
        AsteriskReplies replies = AsteriskReplies.withGetData(getData);
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(server.port())) {
            asterisk.send(AsteriskCaptures.environmentFor(script));
            return asterisk.converse(command -> command.startsWith("SAY ") ? List.of("200 result=0") : replies.answer(command));
        }
    }

    @Test
    void billingWithThePinOverFastAgi() {
        List<String> commands = call("ivr?menu=main", "200 result=1", "200 result=" + RunFixtures.ACCOUNT,
                "200 result=" + RunFixtures.PIN);

        assertThat(commands).startsWith("ANSWER", "GET DATA en/main-menu 5000 1", "GET DATA en/account-and-pin 10000 16",
                "GET DATA en/enter-pin 10000 12", "STREAM FILE en/your-balance-is \"\"", "SAY NUMBER 120 \"\"");
        assertThat(commands).contains("SET VARIABLE CTI_QUEUE billing", "SET VARIABLE CTI_INTENT billing-balance-heard",
                "SET VARIABLE ACCOUNT " + RunFixtures.ACCOUNT);
        assertThat(commands).endsWith("SET CONTEXT cti-hold", "SET EXTENSION s", "SET PRIORITY 1");
        assertThat(commands).noneMatch(c -> c.contains(RunFixtures.PIN));
        assertThat(stats.snapshot().person()).isEqualTo(1);
    }

    @Test
    void anUnknownTreeSendsTheCallerToTheDefaultQueue() {
        List<String> commands = call("ivr?menu=nosuch");

        assertThat(commands).containsExactly("ANSWER", "SET VARIABLE CTI_QUEUE support", "SET VARIABLE CTI_INTENT unknown",
                "SET VARIABLE CTI_IVR_PATH nosuch>unknown-tree", "SET CONTEXT cti-hold", "SET EXTENSION s", "SET PRIORITY 1");
    }

    @Test
    void aCallerWhoHangsUpEndsTheSessionAndIsCounted() {
        List<String> commands = call("ivr?menu=main", "HANGUP\n200 result=-1");

        assertThat(commands).containsExactly("ANSWER", "GET DATA en/main-menu 5000 1");
        assertThat(stats.snapshot().hungUp()).isEqualTo(1);
    }
}
