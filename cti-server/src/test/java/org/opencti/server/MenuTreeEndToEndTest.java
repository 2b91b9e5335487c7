package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencti.config.ConfigLoader;
import org.opencti.config.ContactCentreConfig;
import org.opencti.pbxsim.SimCall;
import org.opencti.pbxsim.SimRecord;

/** A configured menu tree answers the shipped dialplan's AGI() over FastAGI and hands the caller to the ACD. */
class MenuTreeEndToEndTest {
    private static final String TREE = """
        trees:
          main:
            languages: [en]
            defaultLanguage: en
            start: welcome
            personExit: support
            nodes:
              welcome:
                type: menu
                prompts: {en: en/main-menu}
                choices:
                  1: invoiceIntent
                retries: 1
                timeoutMs: 3000
              invoiceIntent:
                type: setData
                values: {intent: invoice-question, CTI_SURVEY: "yes"}
                next: toBilling
              toBilling:
                type: transferToQueue
                queue: billing
          survey:
            languages: [en]
            defaultLanguage: en
            start: overall
            personExit: support
            nodes:
              overall:
                type: collectDigits
                prompts: {en: en/survey-overall}
                minDigits: 1
                maxDigits: 1
                timeoutMs: 3000
                variable: SURVEY_OVERALL
                next: thanks
              thanks:
                type: hangup
                prompts: {en: en/survey-thanks}
        """;

    @Test
    void aCallerGoesThroughTheTreeAndReachesTheQueueItChoseWithTheDataAttached(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE);
        try (TestNode node = new TestNode("ivrMenuFile: " + tree + "\n"); DesktopClient ann = new DesktopClient(node.httpPort())) {
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
            node.pbx.press(call, "1");
            JsonObject offered = ann.awaitType("callOffered").json();
            assertThat(offered.getString("queue")).isEqualTo("billing");
            ann.awaitType("callConnected");
            assertThat(node.pbx.history()).anyMatch(r -> r.kind() == SimRecord.Kind.AGI_ENDED);
            assertThat(node.pbx.channels()).filteredOn(c -> c.name().equals(call.channel())).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("CTI_INTENT", "invoice-question")
                    .containsEntry("CTI_QUEUE", "billing"));
            try (DesktopClient supervisor = new DesktopClient(node.httpPort())) {
                supervisor.login("3001", "demo");
                DesktopClient.Reply report = supervisor.get("/api/v1/reports/ivr-containment");
                assertThat(report.status()).isEqualTo(200);
                assertThat(report.body().getLong("calls")).isEqualTo(1);
                assertThat(report.body().getLong("person")).as("transferred to a queue").isEqualTo(1);
                assertThat(report.body().getJsonObject("nodes").getJsonObject("welcome").getLong("visits")).isEqualTo(1);
            }
        }
    }

    @Test
    void aCallerWhoAgreedToTheSurveyAnswersItAfterTheAgentHangsUp(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE);
        try (TestNode node = new TestNode("ivrMenuFile: " + tree + "\n"); DesktopClient ann = new DesktopClient(node.httpPort())) {
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            // The menu's choice 1 sets CTI_SURVEY=yes: the caller agreed to the survey.
            SimCall call = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
            node.pbx.press(call, "1");
            ann.awaitType("callConnected");
            Await.until("bridged", Duration.ofSeconds(10), () -> node.pbx.isBridged(call));
            Await.until("the survey knows the agent", Duration.ofSeconds(10), () -> node.pbx.channel(call.channel())
                .map(c -> "2001".equals(c.variables().get("CTI_AGENT"))).orElse(false));
            node.pbx.press(call, "4");

            node.pbx.agentHangsUp("2001");
            ann.awaitType("callEnded");
            Await.until("the survey ran over FastAGI", Duration.ofSeconds(15), () -> node.pbx.history().stream()
                .anyMatch(r -> r.kind() == SimRecord.Kind.AGI_STARTED && r.detail().contains("menu=survey")));
            Await.until("the caller finished the survey and hung up", Duration.ofSeconds(15),
                () -> node.pbx.channel(call.channel()).isEmpty());
            Await.until("the answer is stored", Duration.ofSeconds(10), () -> count(node) == 1);
            try (DesktopClient supervisor = new DesktopClient(node.httpPort())) {
                supervisor.login("3001", "demo");
                JsonObject report = supervisor.get("/api/v1/reports/ivr-containment").body();
                assertThat(report.getJsonObject("nodes").containsKey("overall")).isTrue();
                JsonObject satisfaction = supervisor.get("/api/v1/reports/satisfaction").body();
                JsonObject ann2001 = satisfaction.getJsonArray("byAgent").getJsonObject(0);
                assertThat(ann2001.getString("key")).isEqualTo("2001");
                assertThat(ann2001.getDouble("averageScore")).isEqualTo(4.0);
                assertThat(ann2001.getDouble("index")).isEqualTo(75.0);
                assertThat(satisfaction.getJsonArray("byQueue").getJsonObject(0).getString("key")).isEqualTo("billing");
            }
        }
    }

    private static long count(TestNode node) {
        try {
            return node.count("select count(*) from survey_answers where question = 'overall' and score = 4 and agent_id = '2001'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHotReloadSwapsOnlyValidTreesAndOnlyForAdmins(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE);
        try (TestNode node = new TestNode("ivrMenuFile: " + tree + "\n"); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient supervisor = new DesktopClient(node.httpPort())) {
            supervisor.login("3001", "demo");
            assertThat(supervisor.post("/api/v1/admin/ivr/reload").status()).isEqualTo(403);
            admin.login("9001", "demo");
            Files.writeString(tree, TREE.replace("next: toBilling", "next: toBiling"));
            DesktopClient.Reply refused = admin.post("/api/v1/admin/ivr/reload");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().getBoolean("applied")).isFalse();
            assertThat(refused.body().getJsonArray("problems").encode()).contains("invoiceIntent").contains("toBiling");

            Files.writeString(tree, TREE.replace("queue: billing", "queue: support"));
            DesktopClient.Reply applied = admin.post("/api/v1/admin/ivr/reload");
            assertThat(applied.status()).isEqualTo(200);
            assertThat(applied.body().getBoolean("applied")).isTrue();
        }
    }

    @Test
    void aTreeThatNamesQueuesOrCalendarsTheContactCentreLacksStopsTheNode(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("menu.yaml");
        Files.writeString(tree, TREE.replace("queue: billing", "queue: vip"));
        ContactCentreConfig config = ConfigLoader.parse(ConfigLoader.sampleText() + "\nivrMenuFile: " + tree + "\n", "cc.yaml",
            Map.of());
        assertThatThrownBy(() -> new ContactCentre(config, Stores.inMemory(), Clock.systemUTC()))
            .hasMessageContaining("trees.main.nodes.toBilling.queue: unknown queue \"vip\"");
    }
}
