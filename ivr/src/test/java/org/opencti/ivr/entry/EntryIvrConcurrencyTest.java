package org.opencti.ivr.entry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencti.ivr.agi.AgiScriptRouter;
import org.opencti.ivr.agi.AsteriskCaptures;
import org.opencti.ivr.agi.AsteriskReplies;
import org.opencti.ivr.agi.FastAgiServer;
import org.opencti.ivr.agi.ScriptedAsteriskAgiClient;

/** Many calls in the IVR at once through one server: all of them are open together, and all complete. */
class EntryIvrConcurrencyTest {
    private static final int CALLS = 500;

    @Test
    @Timeout(120)
    void fiveHundredConcurrentSessionsAllComplete() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FastAgiServer server = new FastAgiServer("127.0.0.1", 0,
                AgiScriptRouter.byName(Map.of("ivr", new EntryIvr(EntryIvr.Settings.standard(), registry))), registry).start();
        CountDownLatch allInIvr = new CountDownLatch(CALLS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CALLS);
        try {
            List<Future<List<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                String digit = String.valueOf(1 + i % 3);
                calls.add(clients.submit(() -> oneCall(server.port(), digit, allInIvr, go)));
            }
            assertThat(allInIvr.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(server.activeSessions()).isEqualTo(CALLS);
            go.countDown();

            int[] perQueue = new int[3];
            for (Future<List<String>> call : calls) {
                List<String> commands = call.get(60, TimeUnit.SECONDS);
                assertThat(commands).hasSize(9).endsWith("SET CONTEXT cti-hold", "SET EXTENSION s", "SET PRIORITY 1");
                switch (commands.get(3)) {
                    case "SET VARIABLE CTI_QUEUE billing" -> perQueue[0]++;
                    case "SET VARIABLE CTI_QUEUE support" -> perQueue[1]++;
                    case "SET VARIABLE CTI_QUEUE spanish-support" -> perQueue[2]++;
                    default -> throw new AssertionError("unexpected " + commands);
                }
            }
            assertThat(perQueue).containsExactly(167, 167, 166);
        } finally {
            go.countDown();
            clients.shutdownNow();
            server.close();
        }
        assertThat(registry.get("cti.ivr.agi.sessions").counter().count()).isEqualTo(CALLS);
        assertThat(registry.get("cti.ivr.entry.calls").tag("outcome", "selected").counter().count()).isEqualTo(CALLS);
        assertThat(registry.find("cti.ivr.agi.failures").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
        assertThat(server.activeSessions()).isZero();
    }

    private static List<String> oneCall(int port, String digit, CountDownLatch allInIvr, CountDownLatch go) throws InterruptedException {
        try (ScriptedAsteriskAgiClient asterisk = new ScriptedAsteriskAgiClient(port)) {
            asterisk.send(AsteriskCaptures.environmentFor("ivr?menu=main"));
            String first = asterisk.readCommand();
            allInIvr.countDown();
            assertThat(go.await(60, TimeUnit.SECONDS)).isTrue();
            AsteriskReplies replies = AsteriskReplies.withGetData("200 result=" + digit);
            asterisk.reply(replies.answer(first));
            return asterisk.converse(replies);
        }
    }
}
