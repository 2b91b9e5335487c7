package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pools on their own, at sizes the routing scenarios rarely reach: hundreds of agents joining and leaving in random
 * order, with many equal keys, and picks where most agents are refused. Every pick must be the one a plain sort gives.
 */
class AgentPoolTest {
    private static final int AGENTS = 400;

    @ParameterizedTest
    @EnumSource(value = AgentSelection.class, mode = EnumSource.Mode.EXCLUDE, names = "WEIGHTED_RANDOM")
    void picksAreThoseOfASortedList(AgentSelection selection) {
        Random rnd = new Random(selection.ordinal());
        QueueState queue = new QueueState(Fixtures.queue("q", selection, Fixtures.step(0)), new SplittableRandom(1));
        AgentPool pool = queue.pools.get(0);
        List<AgentNode> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            Membership m = new Membership(queue, 1, new int[] {rnd.nextInt(5)});
            String id = String.format("a%03d", rnd.nextInt(1000)) + "-" + i;
            AgentNode a = new AgentNode(id, 1, Map.of(), new Membership[] {m}, new DayTally());
            a.tally.calls = rnd.nextInt(4);
            a.tally.talkNanos = rnd.nextInt(4);
            pool.joined(m);
            agents.add(a);
        }
        List<AgentNode> available = new ArrayList<>();
        for (int op = 0; op < 20_000; op++) {
            AgentNode a = agents.get(rnd.nextInt(AGENTS));
            if (a.available) {
                pool.remove(a.memberships[0]);
                a.available = false;
                available.remove(a);
            } else {
                a.idleSince(Instant.EPOCH.plusSeconds(rnd.nextInt(50)));
                pool.add(a.memberships[0]);
                a.available = true;
                available.add(a);
            }
            assertThat(pool.size()).isEqualTo(available.size());
            int refusedOneIn = 1 + rnd.nextInt(8);
            int salt = rnd.nextInt();
            Predicate<AgentNode> accepted = x -> refusedOneIn == 1 || Math.floorMod(x.id.hashCode() ^ salt, refusedOneIn) != 0;
            AgentNode expected = expectedPick(selection, queue, available, accepted);
            AgentNode picked = pool.select(null, (x, call) -> accepted.test(x));
            assertThat(picked).as("op %d", op).isSameAs(expected);
        }
    }

    private static AgentNode expectedPick(AgentSelection selection, QueueState queue, List<AgentNode> available, Predicate<AgentNode> ok) {
        Comparator<AgentNode> longestIdle = Comparator.comparingLong((AgentNode a) -> a.idleNanos).thenComparing(a -> a.id);
        List<AgentNode> candidates = available.stream().filter(ok).toList();
        switch (selection) {
            case LONGEST_IDLE:
                return candidates.stream().min(longestIdle).orElse(null);
            case FEWEST_CALLS:
                return candidates.stream().min(Comparator.comparingInt((AgentNode a) -> a.tally.calls).thenComparing(longestIdle))
                    .orElse(null);
            case LEAST_TALK_TIME:
                return candidates.stream().min(Comparator.comparingLong((AgentNode a) -> a.tally.talkNanos).thenComparing(longestIdle))
                    .orElse(null);
            case BEST_PROFICIENCY:
                return candidates.stream().min(Comparator.comparingInt((AgentNode a) -> -a.memberships[0].proficiency[0])
                    .thenComparing(longestIdle)).orElse(null);
            default:
                // round robin, from the memory as it is before the pick
                AgentNode last = queue.lastPicked;
                List<AgentNode> byId = candidates.stream().sorted(Comparator.comparing((AgentNode a) -> a.id)).toList();
                return byId.stream().filter(a -> last == null || a.id.compareTo(last.id) > 0).findFirst()
                    .orElse(byId.isEmpty() ? null : byId.get(0));
        }
    }
}
