package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/**
 * A self-service menu over FastAGI with pbx-sim as the caller, against the sample customers in PostgreSQL: bad digits
 * and timeouts, a failed PIN, a balance and an order status heard in self-service, and a Spanish caller whose choice
 * travels to the agent's screen pop and routes the call by skill. Alice Moreno (+1 202 555 0143) owns account 100234,
 * PIN 1234, order 500170 (shipped).
 */
class IvrSelfServiceEndToEndTest {
    private static final String ALICE = "2025550143";
    private static final String TREE = """
        trees:
          main:
            languages: [en, es]
            defaultLanguage: en
            start: identify
            personExit: support
            nodes:
              identify: {type: dataDip, lookup: caller, onFound: welcome, onNotFound: welcome}
              welcome:
                type: menu
                prompts: {en: en/main-menu, es: es/main-menu}
                choices: {1: balanceCheck, 2: orderNumber, 3: language}
                retries: 2
                timeoutMs: 1000
              balanceCheck:
                type: accountCheck
                prompts: {en: en/account-and-pin, es: es/account-and-pin}
                accountVariable: ACCOUNT
                pinVariable: PIN
                maxAttempts: 2
                onSuccess: balance
                onFailure: toBilling
              balance: {type: dataDip, lookup: account, onFound: sayBalance, onNotFound: toBilling}
              sayBalance:
                type: sayValue
                prompts: {en: en/your-balance-is, es: es/your-balance-is}
                variable: BALANCE
                kind: money
                next: goodbye
              orderNumber:
                type: collectDigits
                prompts: {en: en/enter-order-number, es: es/enter-order-number}
                minDigits: 6
                maxDigits: 10
                terminator: "#"
                timeoutMs: 3000
                retries: 1
                variable: ORDER_NUMBER
                next: orderLookup
              orderLookup: {type: dataDip, lookup: order, onFound: sayStatus, onNotFound: toSupport}
              sayStatus:
                type: sayValue
                prompts: {en: en/your-order-is, es: es/your-order-is}
                variable: ORDER_STATUS
                kind: orderStatus
                next: goodbye
              language:
                type: languageChoice
                prompts: {en: en/choose-language, es: es/choose-language}
                choices: {1: en, 2: es}
                next: spanishIntent
              spanishIntent: {type: setData, values: {intent: general-question}, next: toSupport}
              toBilling: {type: transferToQueue, queue: billing}
              toSupport: {type: transferToQueue, queue: support}
              goodbye:
                type: hangup
                prompts: {en: en/goodbye, es: es/goodbye}
        """;

    @Test
    void callersServeThemselvesOrReachAPersonWithWhatTheyToldTheIvr(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE);
        String more = "ivrMenuFile: " + tree + "\nrouting: {languages: {es: \"support:4\"}, callSkillsSeconds: 120}\n";
        try (TestNode node = new TestNode(more); DesktopClient ann = new DesktopClient(node.httpPort())) {
            ann.connect("2001", "demo");

            // A wrong key, then two timeouts: the retries are spent and the caller goes to the person exit.
            SimCall lost = node.pbx.placeInboundCall("2025550199", "UNKNOWN", "5551000");
            node.pbx.press(lost, "9");
            Await.until("the lost caller reaches hold", Duration.ofSeconds(15), () -> node.pbx.history().stream()
                .anyMatch(r -> r.kind() == SimRecord.Kind.ENTERED_HOLD && r.subject().equals(lost.channel())));
            assertThat(variable(node, lost, "CTI_QUEUE")).isEqualTo("support");
            assertThat(variable(node, lost, "CTI_IVR_PATH")).isEqualTo("main>identify>welcome");
            node.pbx.hangup(lost);
            // The hangup (over AMI) and the agent's ready (over the WebSocket) race: a quick lookup (the cache) has the
            // lost caller waiting at once, and a ready that arrives first would be offered them. Wait until the ACD let go.
            Await.until("the ACD forgets the lost caller", Duration.ofSeconds(15),
                () -> node.centre.acd().liveCallCount().toCompletableFuture().join() == 0);

            // Two wrong PINs: the account check fails and the caller reaches billing; the PIN is never on the channel.
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            SimCall locked = node.pbx.placeInboundCall(ALICE, "MORENO ALICE", "5551000");
            node.pbx.press(locked, "1100234#9999#100234#8888#");
            // the lost caller's hangup may still be on its way to the ACD: wait for Alice's pop, not just any
            JsonObject pop = ann.await(f -> f.type().equals("screenPop")
                && f.json().getJsonObject("pop").getString("callerNumber").contains(ALICE)).json();
            ann.await(f -> f.type().equals("callConnected") && f.json().getString("callId").equals(pop.getString("callId")));
            JsonObject data = pop.getJsonObject("callData");
            assertThat(data.getString("CTI_QUEUE")).isEqualTo("billing");
            assertThat(data.getString("CTI_IVR_PATH")).isEqualTo("main>identify>welcome>balanceCheck>toBilling");
            assertThat(data.encode()).doesNotContain("9999").doesNotContain("8888");
            assertThat(pop.getJsonObject("pop").getJsonObject("customer").getString("accountNumber")).isEqualTo("100234");
            assertThat(node.count("select pin_failures from customers where account_number = '100234'")).isEqualTo(2);
            node.pbx.agentHangsUp("2001");
            ann.awaitType("callEnded");
            wrapUpAndSeeItInTheHistory(node, ann, pop.getString("callId"));

            // The right PIN: the balance is said and the caller hangs up in self-service.
            SimCall balance = node.pbx.placeInboundCall(ALICE, "MORENO ALICE", "5551000");
            node.pbx.press(balance, "1100234#1234#");
            awaitHungUpByIvr(node, balance);
            assertThat(node.count("select pin_failures from customers where account_number = '100234'")).isZero();

            // "Where is my order?": known by her number, Alice keys the order and hears its status.
            SimCall order = node.pbx.placeInboundCall(ALICE, "MORENO ALICE", "5551000");
            node.pbx.press(order, "2500170#");
            awaitHungUpByIvr(node, order);

            // Spanish: the choice travels with the call and asks for a Spanish speaker (support 4 here).
            ann.awaitState("READY");
            SimCall spanish = node.pbx.placeInboundCall("2025550188", "GARCIA LUIS", "5551000");
            node.pbx.press(spanish, "32");
            JsonObject spanishPop = ann.await(f -> f.type().equals("screenPop")
                && f.json().getJsonObject("pop").getString("callerNumber").contains("2025550188")).json().getJsonObject("callData");
            assertThat(spanishPop.getString("CTI_LANGUAGE")).isEqualTo("es");
            assertThat(spanishPop.getString("CTI_INTENT")).isEqualTo("general-question");
            assertThat(spanishPop.getString("CTI_QUEUE")).isEqualTo("support");
            ann.awaitType("callConnected");

            node.pbx.agentHangsUp("2001");
            ann.awaitType("callEnded");

            // Alice again, reaching a person (two timeouts: the person exit): her pop lists the call she made before, with
            // the disposition and notes the agent gave it and the way she went through the IVR.
            ann.awaitState("READY");
            SimCall again = node.pbx.placeInboundCall(ALICE, "MORENO ALICE", "5551000");
            node.pbx.press(again, "9");
            JsonObject nextPop = ann.await(f -> f.type().equals("screenPop")
                && f.json().getJsonObject("pop").getString("callerNumber").contains(ALICE)).json();
            JsonObject last = nextPop.getJsonObject("pop").getJsonObject("customer").getJsonArray("recentInteractions").getJsonObject(0);
            assertThat(last.getString("disposition")).isEqualTo("refund-issued");
            assertThat(last.getString("notes")).isEqualTo("Wants a refund; PIN locked out, told her how to reset it");
            assertThat(last.getString("ivrPath")).isEqualTo("main>identify>welcome>balanceCheck>toBilling");
            ann.awaitType("callConnected");

            try (DesktopClient supervisor = new DesktopClient(node.httpPort())) {
                supervisor.login("3001", "demo");
                JsonObject report = supervisor.get("/api/v1/reports/ivr-containment").body();
                assertThat(report.getLong("calls")).isEqualTo(6);
                assertThat(report.getLong("selfService")).as("balance and order status").isEqualTo(2);
                assertThat(report.getLong("person")).isEqualTo(4);
                assertThat(report.getJsonObject("nodes").getJsonObject("sayStatus").getLong("selfService")).as("calls through it")
                    .isEqualTo(1);
                assertThat(report.getJsonObject("nodes").getJsonObject("toBilling").getLong("person")).isEqualTo(1);
                assertThat(report.getJsonObject("nodes").getJsonObject("goodbye").getLong("selfService")).isEqualTo(2);
            }
        }
    }

    /**
     * The agent's wrap-up form offers billing's codes; the disposition and notes reach the call's stored row with the IVR
     * path, what the IVR collected (never the PIN), the recording (billing records) and the wrap-up length.
     */
    private static void wrapUpAndSeeItInTheHistory(TestNode node, DesktopClient ann, String callId) throws Exception {
        DesktopClient.Reply form = ann.get("/api/v1/agent/wrap-up");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body().getString("callId")).isEqualTo(callId);
        assertThat(form.body().getJsonArray("dispositions").getJsonObject(1).getString("code")).isEqualTo("refund-issued");
        DesktopClient.Reply saved = ann.post("/api/v1/agent/wrap-up", new JsonObject().put("callId", callId)
            .put("disposition", "refund-issued").put("notes", "Wants a refund; PIN locked out, told her how to reset it"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String row = "from interactions where call_id = '" + callId + "'";
        Await.until("the after-call work is in the row", Duration.ofSeconds(10), () -> count(node, "select count(*) " + row
            + " and disposition = 'refund-issued' and notes like 'Wants a refund%' and wrap_up_seconds is not null") == 1);
        assertThat(node.count("select count(*) " + row + " and ivr_path = 'main>identify>welcome>balanceCheck>toBilling'"
            + " and ivr_data ->> 'CTI_QUEUE' = 'billing' and position('9999' in ivr_data::text) = 0"
            + " and position('8888' in ivr_data::text) = 0 and recording = '" + callId + ".wav'")).isEqualTo(1);
        assertThat(node.count("select count(*) " + row)).as("written once").isEqualTo(1);
    }

    private static long count(TestNode node, String query) {
        try {
            return node.count(query);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String variable(TestNode node, SimCall call, String name) {
        return node.pbx.channel(call.channel()).map(c -> c.variables().getOrDefault(name, "")).orElse("");
    }

    /** The IVR ended the call (AGI HANGUP) without the caller hanging up or reaching hold. */
    private static void awaitHungUpByIvr(TestNode node, SimCall call) {
        Await.until("the IVR hangs up " + call.channel(), Duration.ofSeconds(15), () -> node.pbx.channel(call.channel()).isEmpty());
        assertThat(node.pbx.history()).noneMatch(r -> r.kind() == SimRecord.Kind.ENTERED_HOLD && r.subject().equals(call.channel()));
    }
}
