package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.opencti.core.event.PbxEvent;
import org.opencti.dialer.pacing.AbandonRate;
import org.opencti.dialer.pacing.OnlineEstimates;
import org.opencti.dialer.run.RunnerSettings;
import org.opencti.pbxsim.SimRecord;

/**
 * Campaigns dialed end to end: the REST API creates and starts them, the node's runner dials through the Asterisk-Java
 * adapter into pbx-sim's campaign contexts, live answers are bridged with agents logged in over WebSocket, and what
 * happened is in PostgreSQL.
 */
class CampaignDialingEndToEndTest {
    private static final String PERSON = "+12025550111";
    private static final String MACHINE = "+12025550112";
    private static final String BUSY = "+12025550113";
    private static final String NO_ANSWER = "+12025550114";
    private static final String INVALID = "+12025550115";
    /** The shortest ring the rules allow: the no-answer lead rings this long. */
    private static final RunnerSettings DIALER = new RunnerSettings("e2e", Duration.ofMinutes(10), Duration.ofMinutes(30),
        Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofMinutes(5), false, 0, AbandonRate.Rule.US_TSR,
        OnlineEstimates.Priors.outboundDefaults());

    /** A zone whose clock reads early afternoon now, so the schedule and the calling hours are open whenever the test runs. */
    static String afternoonZone() {
        int hour = Instant.now().atOffset(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(14 - hour + 12, 24) - 12; // in -12..+11
        return offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    static JsonObject campaign(String name, String mode, boolean amd) {
        return new JsonObject().put("name", name).put("mode", mode).put("callerId", "(202) 555-0100").put("amd", amd)
            .put("assignment", new JsonObject().put("agents", new JsonArray(List.of("2001", "2002"))))
            .put("schedule", new JsonObject().put("timeZone", afternoonZone()).put("days", new JsonArray(List.of("mon", "tue", "wed",
                "thu", "fri", "sat", "sun"))).put("hours", "08:00-20:00"))
            .put("retryRules", new JsonArray()
                .add(new JsonObject().put("outcome", "busy").put("maxAttempts", 3).put("delay", "PT10M"))
                .add(new JsonObject().put("outcome", "no_answer").put("maxAttempts", 3).put("delay", "PT2H")))
            .put("safeHarbourMessage", "cti-all-agents-busy")
            .put("script", "Hello {first_name}, this is Acme about your renewal.")
            .put("dispositions", new JsonArray()
                .add(new JsonObject().put("code", "sale").put("label", "Sale").put("value", "99.00")
                    .put("flags", new JsonArray(List.of("sale", "final"))))
                .add(new JsonObject().put("code", "no-interest").put("label", "Not interested")
                    .put("flags", new JsonArray(List.of("final")))));
    }

    @Test
    void aProgressiveCampaignConnectsThePersonFilesTheRestAndStoresTheDisposition() throws Exception {
        try (TestNode node = new TestNode("", DIALER); DesktopClient supervisor = new DesktopClient(node.httpPort());
             DesktopClient ann = new DesktopClient(node.httpPort()); DesktopClient bo = new DesktopClient(node.httpPort())) {
            node.pbx.phone(PERSON).person();
            node.pbx.phone(MACHINE).answeringMachine();
            node.pbx.phone(BUSY).busy();
            node.pbx.phone(NO_ANSWER).noAnswer();
            node.pbx.phone(INVALID).invalidNumber();
            supervisor.login("9001", "demo");
            DesktopClient.Reply created = supervisor.post("/api/v1/campaigns", campaign("Renewals", "progressive", true));
            assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
            long id = created.body().getLong("id");
            DesktopClient.Reply imported = supervisor.postCsv("/api/v1/campaigns/" + id + "/lists?name=E2E", "phone,first_name\n"
                + PERSON + ",Alice\n" + MACHINE + ",Bob\n" + BUSY + ",Carol\n" + NO_ANSWER + ",Dan\n" + INVALID + ",Eve\n");
            assertThat(imported.body().getInteger("accepted")).as(imported.body().encode()).isEqualTo(5);
            for (DesktopClient agent : List.of(ann, bo)) {
                agent.connect(agent == ann ? "2001" : "2002", "demo");
                agent.send(new JsonObject().put("type", "ready"));
                agent.awaitState("READY");
            }

            DesktopClient.Reply started = supervisor.post("/api/v1/campaigns/" + id + "/start");
            assertThat(started.body().getString("state")).as(started.body().encode()).isEqualTo("running");

            Got got = awaitConnected(ann, bo);
            DesktopClient.Frame connected = got.frame();
            DesktopClient talking = got.client();
            String agent = talking == ann ? "2001" : "2002";
            assertThat(connected.json().getString("script")).isEqualTo("Hello {first_name}, this is Acme about your renewal.");
            assertThat(connected.json().getJsonObject("lead").getString("phone")).isEqualTo(PERSON);
            Instant answered = record(node, SimRecord.Kind.CUSTOMER_ANSWERED, PERSON).at();
            Await.until("the person is bridged with the agent", Duration.ofSeconds(10),
                () -> node.pbx.history().stream().anyMatch(r -> r.kind() == SimRecord.Kind.BRIDGED && r.subject().contains(PERSON)));
            SimRecord bridge = node.pbx.history().stream().filter(r -> r.kind() == SimRecord.Kind.BRIDGED && r.subject().contains(PERSON))
                .findFirst().orElseThrow();
            Instant bridged = bridge.at();
            assertThat(Duration.between(answered, bridged)).as("answer to bridge, AMD included").isLessThan(Duration.ofSeconds(2)
                .plus(amdTime(node, answered)));

            long attempt = connected.json().getLong("attemptId");
            node.centre.campaigns().dispose(agent, id, attempt, "sale", null, null, false).toCompletableFuture().get();
            node.pbx.customerHangsUp(PERSON);
            talking.awaitState("WRAP_UP");
            String agentLeg = bridge.detail();
            assertThat(agentLeg).as("bridged with the agent's phone").startsWith("Local/" + agent + "@agents");
            Await.until("the agent's nailed-up leg waits again for the next customer", Duration.ofSeconds(10), () -> node.pbx
                .channel(agentLeg).map(c -> "cti-nailed".equals(c.context()) && !c.bridged()).orElse(false));

            Await.until("every lead is dialed and filed", Duration.ofSeconds(40), () -> count(node,
                "select count(*) from dial_attempts where campaign_id = " + id + " and outcome is not null") == 5);
            assertThat(count(node, "select count(*) from dial_attempts where e164 = '" + PERSON + "' and outcome = 'live_answer'"
                + " and disposition = 'sale' and disposition_value = 99.00 and agent_id = '" + agent + "'")).isEqualTo(1);
            assertThat(count(node, "select count(*) from dial_attempts where e164 = '" + MACHINE + "' and outcome = 'machine'"))
                .isEqualTo(1);
            assertThat(count(node, "select count(*) from leads where e164 = '" + BUSY + "' and status = 'retry'"
                + " and next_attempt_at between now() + interval '9 minutes' and now() + interval '11 minutes'")).isEqualTo(1);
            assertThat(count(node, "select count(*) from leads where e164 = '" + NO_ANSWER + "' and status = 'retry'"
                + " and next_attempt_at between now() + interval '119 minutes' and now() + interval '121 minutes'")).isEqualTo(1);
            assertThat(count(node, "select count(*) from dial_attempts where e164 = '" + INVALID + "' and outcome = 'invalid_number'"))
                .isEqualTo(1);
            assertThat(count(node, "select count(*) from leads where e164 = '" + INVALID + "' and status = 'done'")).isEqualTo(1);
            assertThat(count(node, "select count(*) from (select lead_id from dial_attempts where campaign_id = " + id
                + " group by lead_id having count(*) > 1) twice")).as("no lead dialed twice").isZero();
            assertThat(count(node, "select count(*) from dial_attempts where campaign_id = " + id)).isEqualTo(5);
            Await.until("the machine is hung up", Duration.ofSeconds(10), () -> node.pbx.channels().stream()
                .noneMatch(c -> c.name().contains(MACHINE)));
            Await.until("the outbound call is in the history", Duration.ofSeconds(10), () -> count(node,
                "select count(*) from interactions where channel = 'outbound' and agent_id = '" + agent + "'") == 1);
        }
    }

    /**
     * A predictive line is dialed for the one free agent without holding them; while it rings an inbound caller takes
     * that agent (inbound first), so when the person answers nobody is free within 2 s.
     */
    @Test
    void aPredictiveCampaignWithNoAgentFreeInTimePlaysTheSafeHarbourMessageAndCountsAnAbandon() throws Exception {
        try (TestNode node = new TestNode("", DIALER); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient ann = new DesktopClient(node.httpPort())) {
            node.pbx.phone(PERSON).person().answerAfter(Duration.ofSeconds(6));
            admin.login("9001", "demo");
            JsonObject body = campaign("Predictive", "predictive", false).put("assignment", new JsonObject().put("agents",
                new JsonArray(List.of("2001"))));
            long id = admin.post("/api/v1/campaigns", body).body().getLong("id");
            admin.postCsv("/api/v1/campaigns/" + id + "/lists?name=People", "phone\n" + PERSON + "\n");
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");

            assertThat(admin.post("/api/v1/campaigns/" + id + "/start").body().getString("state")).isEqualTo("running");
            Await.until("the line is dialed", Duration.ofSeconds(10), () -> count(node,
                "select count(*) from dial_attempts where campaign_id = " + id) == 1);
            var caller = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
            node.pbx.press(caller, "1");
            ann.awaitType("callConnected");

            Await.until("the person nobody could take hears the safe-harbour message", Duration.ofSeconds(20), () -> node.pbx.history()
                .stream().anyMatch(r -> r.kind() == SimRecord.Kind.REDIRECTED && r.subject().contains(PERSON)
                    && r.detail().startsWith("cti-safe-harbour,")));
            Await.until("the drop is logged as abandoned", Duration.ofSeconds(10), () -> count(node,
                "select count(*) from dial_attempts where campaign_id = " + id + " and outcome = 'abandoned'") == 1);
            assertThat(node.centre.campaigns().figures().toCompletableFuture().get()).singleElement()
                .satisfies(f -> assertThat(f.abandons()).isEqualTo(1));
            node.pbx.hangup(caller);
        }
    }

    @Test
    void anAgentWithAnInboundCallerWaitingInTheirQueueIsNotGivenOutboundWork() throws Exception {
        try (TestNode node = new TestNode("", DIALER); DesktopClient admin = new DesktopClient(node.httpPort());
             DesktopClient ann = new DesktopClient(node.httpPort())) {
            node.pbx.phone(PERSON).person();
            node.pbx.phone("2001").answerOnRelease();
            admin.login("9001", "demo");
            long id = admin.post("/api/v1/campaigns", campaign("Blended", "progressive", false).put("assignment",
                new JsonObject().put("agents", new JsonArray(List.of("2001"))))).body().getLong("id");
            admin.postCsv("/api/v1/campaigns/" + id + "/lists?name=One", "phone\n" + PERSON + "\n");
            ann.connect("2001", "demo");
            assertThat(admin.post("/api/v1/campaigns/" + id + "/start").body().getString("state")).isEqualTo("running");
            var caller = node.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
            node.pbx.press(caller, "1");
            Await.until("the caller waits in billing", Duration.ofSeconds(10),
                () -> join(node.centre.acd().waitingCalls()).size() == 1);

            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitType("callOffered");
            Instant offered = Instant.now();
            var runner = node.centre.campaigns().runnerOf(id).orElseThrow();
            Await.until("the runner has looked at the floor for two seconds", Duration.ofSeconds(10),
                () -> join(runner.stats()).at().isAfter(offered.plusSeconds(2)));
            assertThat(join(runner.stats()).dials()).as("the inbound caller comes first").isZero();

            node.pbx.phone("2001").release();
            ann.awaitType("callConnected");
            // her phone answers the campaign's nailed-up leg: campaignConnected comes once she is on the call
            node.pbx.phone("2001").answerAfter(Duration.ofMillis(20));
            node.pbx.hangup(caller);
            ann.awaitState("WRAP_UP");
            ann.awaitType("campaignConnected");
            assertThat(count(node, "select count(*) from dial_attempts where campaign_id = " + id)).isEqualTo(1);
        }
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    /** How long AMD took on the person's line: from the answer to its verdict, as pbx-sim runs it. */
    private static Duration amdTime(TestNode node, Instant answered) {
        return node.pbxEvents.stream().filter(e -> e instanceof PbxEvent.VariableSet v && "AMDSTATUS".equals(v.name())
                && "HUMAN".equals(v.value())).map(e -> Duration.between(answered, e.at())).findFirst().orElse(Duration.ZERO);
    }

    private static SimRecord record(TestNode node, SimRecord.Kind kind, String subject) {
        Await.until(kind + " " + subject, Duration.ofSeconds(10),
            () -> node.pbx.history().stream().anyMatch(r -> r.kind() == kind && subject.equals(r.subject())));
        return node.pbx.history().stream().filter(r -> r.kind() == kind && subject.equals(r.subject())).findFirst().orElseThrow();
    }

    /** Which agent got the first campaignConnected (the other agent's frames are not read again), and the frame. */
    private record Got(DesktopClient client, DesktopClient.Frame frame) {
    }

    private static Got awaitConnected(DesktopClient... agents) throws Exception {
        CompletableFuture<Got> first = new CompletableFuture<>();
        for (DesktopClient c : agents) {
            Thread t = new Thread(() -> {
                try {
                    first.complete(new Got(c, c.awaitType("campaignConnected")));
                } catch (InterruptedException | AssertionError e) {
                    // the other agent got it, or nobody did: the future's timeout says so
                }
            });
            t.setDaemon(true);
            t.start();
        }
        return first.get(30, TimeUnit.SECONDS);
    }

    static long count(TestNode node, String query) {
        try {
            return node.count(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
