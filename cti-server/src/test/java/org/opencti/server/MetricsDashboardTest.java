package org.opencti.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opencti.pbxsim.SimCall;

/**
 * The sample Grafana dashboard (docs/grafana/opencti-node.json) only queries metrics a running node exposes: a node with
 * PostgreSQL and Redis takes a call, and every metric name in the dashboard's queries is in the /metrics scrape.
 */
class MetricsDashboardTest {
    private static final Path DASHBOARD = Path.of("../docs/grafana/opencti-node.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:cti|hikaricp|lettuce|jvm|process)_[a-z_]+)\\b");

    @Test
    void everyMetricTheDashboardQueriesIsExposed() throws Exception {
        Set<String> queried = new TreeSet<>();
        for (Object p : new JsonObject(Files.readString(DASHBOARD)).getJsonArray("panels")) {
            JsonArray targets = ((JsonObject) p).getJsonArray("targets");
            for (Object t : targets) {
                Matcher m = METRIC.matcher(((JsonObject) t).getString("expr"));
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(15);

        // a node as production wires it with PostgreSQL and Redis (Stores.from), one of a floor's nodes
        try (TwoNodes nodes = new TwoNodes()) {
            TwoNodes.Node node = nodes.start("a", 2);
            Await.until("the node holds the floor", Duration.ofSeconds(20), () -> node.centre().holdsFloor());
            nodes.pbx.routeIvrTo("127.0.0.1", node.centre().fastAgiPort());
            DesktopClient ann = new DesktopClient(node.httpPort());
            ann.connect("2001", "demo");
            ann.send(new JsonObject().put("type", "ready"));
            ann.awaitState("READY");
            SimCall call = nodes.pbx.placeInboundCall("2025550143", "MORENO ALICE", "5551000");
            nodes.pbx.press(call, "1");
            ann.awaitType("callConnected");
            nodes.pbx.hangup(call);
            ann.awaitType("callEnded");
            // the ended call is counted as the interaction is written, just after the desktop hears of it
            Await.until("the ended call is counted", Duration.ofSeconds(10),
                () -> node.metrics().scrape().contains("cti_calls_ended_total{"));
            ann.close();

            // GC pauses are timed as they happen: make sure one has
            System.gc();
            Await.until("a GC pause is timed", Duration.ofSeconds(10), () -> node.metrics().scrape().contains("jvm_gc_pause_seconds"));

            String scrape = node.metrics().scrape();
            assertThat(queried).allSatisfy(name -> assertThat(scrape).as("exposed: " + name)
                .containsPattern("(?m)^" + name + "[{ ]"));
        }
    }
}
