package org.opencti.acd.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencti.acd.SkillRequirement;

/**
 * Random churn (logins, availability, arrivals, abandons, missed offers, overflow, time passing) applied to the
 * engine and to {@link BruteForceRouter}; every route must make the same decisions and every query give the same
 * answer. Each seed builds its own queues, agents and fairness.
 */
class RoutingEquivalenceTest {
    private static final String[] SKILLS = {"billing", "spanish", "tech", "sales", "retention"};
    private static final String[] TIERS = {"Gold", "Silver", "Bronze", null};
    private static final int QUEUES = 4;

    /** Few agents and queues: owners, windows and fairness conflicts come up often. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void engineDecidesLikeTheBruteForceReference(long seed) {
        run(seed, 18, 700, 1);
    }

    /** More agents per queue, idle instants on a whole-second grid (so ties), missed offers: deeper pools and walks. */
    @ParameterizedTest
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112})
    void engineDecidesLikeTheBruteForceReferenceWithCrowdedPools(long seed) {
        run(seed, 70, 1500, 1000);
    }

    private static void run(long seed, int agentCount, int ops, int idleGridMillis) {
        Random rnd = new Random(seed);
        List<QueueRules> queues = new ArrayList<>();
        for (int i = 0; i < QUEUES; i++) {
            queues.add(randomQueue(rnd, "q" + i));
        }
        Fairness fairness = Fairness.values()[rnd.nextInt(2)];
        RoutingEngine engine = new RoutingEngine(queues, fairness, new SplittableRandom(seed));
        BruteForceRouter reference = new BruteForceRouter(queues, fairness, new SplittableRandom(seed));
        List<AgentEntry> entries = new ArrayList<>();
        for (int i = 0; i < agentCount; i++) {
            entries.add(randomAgent(rnd, String.format("a%02d", i)));
        }
        List<String> loggedIn = new ArrayList<>();
        List<QueuedCall> matched = new ArrayList<>();
        Map<String, QueuedCall> issued = new HashMap<>();
        List<String> log = new ArrayList<>();
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        int callNo = 0;
        int decisions = 0;
        Map<String, String> takenBy = new HashMap<>();
        for (int op = 0; op < ops; op++) {
            int r = rnd.nextInt(100);
            if (r < 7) {
                AgentEntry e = entries.get(rnd.nextInt(agentCount));
                if (!loggedIn.contains(e.agentId())) {
                    log.add("login " + e);
                    engine.login(e);
                    reference.login(e);
                    loggedIn.add(e.agentId());
                }
            } else if (r < 10 && !loggedIn.isEmpty()) {
                String id = loggedIn.remove(rnd.nextInt(loggedIn.size()));
                log.add("logout " + id);
                engine.logout(id);
                reference.logout(id);
            } else if (r < 30 && !loggedIn.isEmpty()) {
                String id = loggedIn.get(rnd.nextInt(loggedIn.size()));
                Instant idle = now.minusMillis(rnd.nextInt(20_000) / idleGridMillis * idleGridMillis);
                log.add("available " + id + " " + idle);
                engine.available(id, idle);
                reference.available(id, idle);
            } else if (r < 35 && !loggedIn.isEmpty()) {
                String id = loggedIn.get(rnd.nextInt(loggedIn.size()));
                log.add("unavailable " + id);
                engine.unavailable(id);
                reference.unavailable(id);
            } else if (r < 41) {
                String id = entries.get(rnd.nextInt(agentCount)).agentId();
                Duration talk = Duration.ofSeconds(rnd.nextInt(4) * 60L);
                log.add("handled " + id + " " + talk);
                engine.handled(id, talk);
                reference.handled(id, talk);
            } else if (r < 42) {
                log.add("new day");
                engine.startNewDay();
                reference.startNewDay();
            } else if (r < 60) {
                QueuedCall c = new QueuedCall("c" + callNo++, "q" + rnd.nextInt(QUEUES),
                    now.minusMillis(rnd.nextInt(4) == 0 ? rnd.nextInt(40_000) : 0), randomCaller(rnd, entries, loggedIn),
                    randomCallSkills(rnd, now));
                issued.put(c.callId(), c);
                log.add("enqueue " + c);
                engine.enqueue(c);
                reference.enqueue(c);
            } else if (r < 64) {
                String id = pick(rnd, reference.callIds(), "c-unknown");
                log.add("remove " + id);
                assertThat(engine.remove(id)).isEqualTo(reference.remove(id));
            } else if (r < 68 && !matched.isEmpty()) {
                QueuedCall c = matched.remove(rnd.nextInt(matched.size()));
                log.add("requeue " + c);
                engine.requeueAtHead(c);
                reference.requeueAtHead(c);
                if (rnd.nextInt(10) < 7) {
                    String missed = takenBy.get(c.callId());
                    assertThat(engine.excludeAgent(c.callId(), missed)).isEqualTo(reference.excludeAgent(c.callId(), missed));
                }
            } else if (r < 71 && !reference.callIds().isEmpty()) {
                String id = pick(rnd, reference.callIds(), null);
                String to = "q" + rnd.nextInt(QUEUES);
                log.add("move " + id + " to " + to);
                engine.moveToQueue(id, to);
                reference.moveToQueue(id, to);
            } else if (r < 74) {
                String id = pick(rnd, reference.callIds(), "c-unknown");
                String agent = entries.get(rnd.nextInt(agentCount)).agentId();
                log.add("exclude " + agent + " from " + id);
                assertThat(engine.excludeAgent(id, agent)).isEqualTo(reference.excludeAgent(id, agent));
            } else if (r < 82) {
                now = now.plusMillis(rnd.nextInt(9_000));
                log.add("now " + now);
            } else if (r < 86) {
                // what the ACD does: sleep until the next widening or window end, exactly
                now = reference.nextStepAt(now).orElse(now.plusSeconds(1));
                log.add("now (next step) " + now);
            } else {
                log.add("route " + now);
                List<Decision> expected = reference.route(now);
                assertThat(engine.route(now)).as(() -> "seed " + seed + " op " + log.size() + ":\n" + tail(log))
                    .isEqualTo(expected);
                decisions += expected.size();
                for (Decision d : expected) {
                    QueuedCall original = issued.get(d.callId());
                    takenBy.put(d.callId(), d.agentId());
                    matched.add(new QueuedCall(d.callId(), d.queue(), original.enteredAt(), original.caller(), original.skills()));
                }
            }
            sameAnswers(engine, reference, now, seed, log);
        }
        assertThat(decisions).as("the scenario exercises routing").isGreaterThan(20);
    }

    private static void sameAnswers(RoutingEngine engine, BruteForceRouter reference, Instant now, long seed, List<String> log) {
        String where = "seed " + seed + " after op " + log.size() + ": " + log.get(log.size() - 1);
        assertThat(engine.nextStepAt(now)).as(where).isEqualTo(reference.nextStepAt(now));
        for (int i = 0; i < QUEUES; i++) {
            String q = "q" + i;
            assertThat(engine.waiting(q)).as(where).isEqualTo(reference.waiting(q));
            assertThat(engine.waitingCalls(q).stream().map(QueuedCall::callId).toList()).as(where).isEqualTo(reference.waitingIds(q));
            assertThat(engine.oldestEnteredAt(q)).as(where).isEqualTo(reference.oldestEnteredAt(q));
            assertThat(engine.availableAgents(q)).as(where).isEqualTo(reference.availableAgents(q));
            assertThat(engine.loggedInAgents(q)).as(where).isEqualTo(reference.loggedInAgents(q));
        }
        for (String id : reference.callIds()) {
            assertThat(engine.positionOf(id)).as(where).isEqualTo(reference.positionOf(id));
        }
    }

    private static QueueRules randomQueue(Random rnd, String name) {
        int steps = 1 + rnd.nextInt(3);
        List<RequirementStep> list = new ArrayList<>();
        long after = 0;
        for (int s = 0; s < steps; s++) {
            List<List<SkillRequirement>> alternatives = new ArrayList<>();
            int n = 1 + rnd.nextInt(2);
            for (int a = 0; a < n; a++) {
                List<SkillRequirement> all = new ArrayList<>();
                int k = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(2);
                for (int j = 0; j < k; j++) {
                    String skill = SKILLS[rnd.nextInt(SKILLS.length)];
                    if (all.stream().noneMatch(x -> x.skill().equals(skill))) {
                        all.add(new SkillRequirement(skill, 1 + rnd.nextInt(9 - 3 * s)));
                    }
                }
                alternatives.add(all);
            }
            list.add(new RequirementStep(Duration.ofMillis(after), alternatives));
            after += 3_000 + rnd.nextInt(25_000);
        }
        AgentSelection selection = AgentSelection.values()[rnd.nextInt(AgentSelection.values().length)];
        Duration ownerFirst = rnd.nextInt(5) < 3 ? Duration.ofSeconds(5 + rnd.nextInt(55)) : null;
        double[] rates = {0.5, 1, 2, 3.7};
        PriorityWeights weights = new PriorityWeights(Map.of("Gold", (double) rnd.nextInt(300), "Silver", (double) rnd.nextInt(150)),
            rnd.nextInt(200), rnd.nextInt(100), rates[rnd.nextInt(rates.length)]);
        return new QueueRules(name, list, selection, ownerFirst, weights);
    }

    private static AgentEntry randomAgent(Random rnd, String id) {
        Map<String, Integer> skills = new HashMap<>();
        for (String s : SKILLS) {
            if (rnd.nextInt(10) < 6) {
                skills.put(s, 1 + rnd.nextInt(10));
            }
        }
        Map<String, Integer> queues = new HashMap<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            queues.put("q" + rnd.nextInt(QUEUES), 1 + rnd.nextInt(3));
        }
        double[] weights = {0, 0.5, 1, 2.5, 7};
        return new AgentEntry(id, skills, queues, weights[rnd.nextInt(weights.length)]);
    }

    private static CallerProfile randomCaller(Random rnd, List<AgentEntry> agents, List<String> loggedIn) {
        String owner = null;
        int r = rnd.nextInt(10);
        if (r < 2) {
            owner = agents.get(rnd.nextInt(agents.size())).agentId();
        } else if (r < 5 && !loggedIn.isEmpty()) {
            owner = loggedIn.get(rnd.nextInt(loggedIn.size()));
        }
        return new CallerProfile(TIERS[rnd.nextInt(TIERS.length)], rnd.nextInt(5) == 0, rnd.nextInt(5) == 0, owner,
            rnd.nextInt(4) == 0 ? 25.5 : 0);
    }

    /** One call in four asks for a skill or two of its own, for a while (sometimes already over). */
    private static CallSkills randomCallSkills(Random rnd, Instant now) {
        if (rnd.nextInt(4) != 0) {
            return CallSkills.NONE;
        }
        List<SkillRequirement> required = new ArrayList<>();
        int k = 1 + rnd.nextInt(2);
        for (int j = 0; j < k; j++) {
            String skill = SKILLS[rnd.nextInt(SKILLS.length)];
            if (required.stream().noneMatch(x -> x.skill().equals(skill))) {
                required.add(new SkillRequirement(skill, 1 + rnd.nextInt(8)));
            }
        }
        return new CallSkills(required, now.plusMillis(rnd.nextInt(60_000) - 5_000));
    }

    private static String pick(Random rnd, List<String> ids, String otherwise) {
        ids.sort(null);
        return ids.isEmpty() || (otherwise != null && rnd.nextInt(10) == 0) ? otherwise : ids.get(rnd.nextInt(ids.size()));
    }

    private static String tail(List<String> log) {
        return String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size()));
    }
}
