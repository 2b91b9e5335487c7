package org.opencti.desktop.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supervisors' sockets get wallboard frames when something changes, at most one a second, only with their team's agents. */
class WallboardPushTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private SupervisorDesk desk;

    @BeforeEach
    void start() throws Exception {
        desk = new SupervisorDesk(INTERVAL);
    }

    @AfterEach
    void stop() throws Exception {
        desk.close();
    }

    /** Frames up to and including the first wallboard frame that satisfies {@code wanted}; fails after 10 s. */
    private static List<JsonObject> until(BlockingQueue<JsonObject> inbox, Predicate<JsonObject> wanted) throws InterruptedException {
        List<JsonObject> seen = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            JsonObject f = inbox.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (f == null) {
                break;
            }
            seen.add(f);
            if ("wallboard".equals(f.getString("type")) && wanted.test(f)) {
                return seen;
            }
        }
        throw new AssertionError("no such wallboard frame; saw " + seen);
    }

    private static JsonObject agent(JsonObject frame, String id) {
        return frame.getJsonArray("agents").stream().map(JsonObject.class::cast).filter(a -> a.getString("agentId").equals(id))
            .findFirst().orElse(null);
    }

    private static JsonObject queue(JsonObject frame, String name) {
        return frame.getJsonArray("queues").stream().map(JsonObject.class::cast).filter(q -> q.getString("queue").equals(name))
            .findFirst().orElseThrow();
    }

    private static boolean stateIs(JsonObject frame, String id, String state) {
        JsonObject a = agent(frame, id);
        return a != null && state.equals(a.getString("state"));
    }

    @Test
    void aSupervisorGetsTheWholePictureAfterHelloThenEveryChangeWithOnlyTheirTeam() throws Exception {
        BlockingQueue<JsonObject> sue = new LinkedBlockingQueue<>();
        desk.socket(desk.login("3001"), sue);
        List<JsonObject> first = until(sue, f -> true);
        assertThat(first.get(0).getString("type")).isEqualTo("hello");
        JsonObject board = first.get(first.size() - 1);
        assertThat(board.getJsonArray("queues").stream().map(q -> ((JsonObject) q).getString("queue"))).containsExactly("billing",
            "support");
        assertThat(board.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("agentId"))).containsExactly("2001", "2003");

        BlockingQueue<JsonObject> raj = new LinkedBlockingQueue<>();
        desk.socket(desk.login("3002"), raj);
        List<JsonObject> redFrames = until(raj, f -> true);
        JsonObject redBoard = redFrames.get(redFrames.size() - 1);
        assertThat(redBoard.getJsonArray("agents").stream().map(a -> ((JsonObject) a).getString("agentId"))).containsExactly("2002");

        BlockingQueue<JsonObject> ann = new LinkedBlockingQueue<>();
        desk.socket(desk.login("2001"), ann);
        desk.acd.ready("2001").toCompletableFuture().join();
        until(sue, f -> stateIs(f, "2001", "READY"));
        // A caller for support, which nobody serves: only the queue_log tells of it, no desktop event.
        desk.callerFor("support", "100.7");
        JsonObject waiting = until(sue, f -> queue(f, "support").getInteger("callsWaiting") == 1).stream()
            .reduce((a, b) -> b).orElseThrow();
        assertThat(queue(waiting, "support").getLong("longestWaitSeconds")).isGreaterThanOrEqualTo(0);

        assertThat(ann).as("an agent's socket carries no wallboard").noneMatch(f -> "wallboard".equals(f.getString("type")));
        assertThat(desk.hub.wallboard().watchers()).isEqualTo(2);
    }

    @Test
    void aBurstOfChangesIsCoalescedToOneFrameASecondAndTheLastFrameHasTheLastState() throws Exception {
        BlockingQueue<JsonObject> sue = new LinkedBlockingQueue<>();
        desk.socket(desk.login("3001"), sue);
        List<JsonObject> frames = new ArrayList<>(until(sue, f -> true).subList(1, 2));
        long burstStart = System.nanoTime();
        desk.acd.login("2003").toCompletableFuture().join();
        for (int i = 0; i < 40; i++) {
            desk.acd.ready("2003").toCompletableFuture().join();
            desk.acd.notReady("2003", "burst " + i).toCompletableFuture().join();
        }
        long burstMillis = (System.nanoTime() - burstStart) / 1_000_000;
        frames.addAll(until(sue, f -> "burst 39".equals(agent(f, "2003").getString("reason"))).stream()
            .filter(f -> "wallboard".equals(f.getString("type"))).toList());
        // 81 changes: the first frame, then at most one a second while the burst lasts (longer on a loaded machine), then the last.
        assertThat(frames.size()).isBetween(2, 3 + (int) (burstMillis / INTERVAL.toMillis()));
        for (int i = 1; i < frames.size(); i++) {
            long gapMillis = (frames.get(i).getLong("receivedNanos") - frames.get(i - 1).getLong("receivedNanos")) / 1_000_000;
            // Frames leave at least a second apart; the receiving side may see them a few ms closer.
            assertThat(gapMillis).as("gap before frame %d", i).isGreaterThanOrEqualTo(INTERVAL.toMillis() - 50);
        }
        assertThat(agent(frames.get(frames.size() - 1), "2003").getString("state")).isEqualTo("NOT_READY");
        System.out.printf("wallboard: %d frames for 81 changes made in %d ms%n", frames.size(), burstMillis);
    }
}
