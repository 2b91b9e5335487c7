package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A queue's expansion steps and overflow rules, and the checks between them and across queues. */
final class QueueRulesBinder {

    static final List<String> STEP_KEYS = List.of("afterSeconds", "anyOf");
    static final List<String> RULE_KEYS = List.of("when", "then");
    static final List<String> WHEN_KEYS = List.of("maxWaitSeconds", "maxQueueLength", "noAgentsLoggedIn", "closed");
    static final List<String> THEN_KEYS = List.of("queue", "voicemail", "callback");
    /** A day: a call still waiting then is a fault of its own. */
    private static final int MAX_WAIT_SECONDS = 86_400;
    /**
     * Mailbox or mailbox@context. The box goes into the VoiceMail() dialplan application, so separators and quotes are refused
     * for the same reason as in dial strings.
     */
    private static final Pattern MAILBOX = Pattern.compile("[A-Za-z0-9._-]{1,64}(@[A-Za-z0-9._-]{1,64})?");

    private final Problems problems;
    private final SkillRequirements requirements;

    QueueRulesBinder(Problems problems, SkillRequirements requirements) {
        this.problems = problems;
        this.requirements = requirements;
    }

    /** Reads the requirement lists of a queue or an alternative; implemented by the binder that knows the skills. */
    interface SkillRequirements {
        /** The requirements in {@code items}, each reported at {@code path[i]} plus {@code suffix} when it names no skill. */
        List<SkillLevel> read(List<JsonNode> items, String path, String suffix);
    }

    List<ExpansionStepDef> expansion(Section queue) {
        List<ExpansionStepDef> steps = new ArrayList<>();
        List<JsonNode> items = queue.list("expansion");
        Integer previous = null;
        for (int i = 0; i < items.size(); i++) {
            Section step = Section.of(items.get(i), Problems.item(queue.pathOf("expansion"), i), problems, STEP_KEYS);
            Integer after = step.get("afterSeconds") == null ? required(step, "afterSeconds")
                    : step.optionalInteger("afterSeconds", 1, MAX_WAIT_SECONDS);
            if (after != null && previous != null && after <= previous) {
                problems.add(step.pathOf("afterSeconds"), after + " is not after the previous step (" + previous + ")");
            }
            if (after != null && (previous == null || after > previous)) {
                previous = after;
            }
            List<List<SkillLevel>> anyOf = new ArrayList<>();
            List<JsonNode> alternatives = step.list("anyOf");
            if (alternatives.isEmpty()) {
                problems.add(step.pathOf("anyOf"), "at least one alternative is required, such as [[{skill: billing, minLevel: 3}]]");
            }
            for (int j = 0; j < alternatives.size(); j++) {
                String path = Problems.item(step.pathOf("anyOf"), j);
                JsonNode alternative = alternatives.get(j);
                if (!alternative.isArray()) {
                    problems.add(path, "expected a list of requirements, got " + Section.describe(alternative));
                    continue;
                }
                List<JsonNode> entries = new ArrayList<>();
                alternative.forEach(entries::add);
                anyOf.add(requirements.read(entries, path, ".skill"));
            }
            steps.add(new ExpansionStepDef(after == null ? 0 : after, anyOf));
        }
        return steps;
    }

    private Integer required(Section section, String key) {
        problems.add(section.pathOf(key), "required");
        return null;
    }

    List<OverflowDef> overflow(Section queue) {
        List<OverflowDef> rules = new ArrayList<>();
        List<JsonNode> items = queue.list("overflow");
        for (int i = 0; i < items.size(); i++) {
            Section rule = Section.of(items.get(i), Problems.item(queue.pathOf("overflow"), i), problems, RULE_KEYS);
            Section when = rule.section("when", WHEN_KEYS);
            Integer maxWait = when.optionalInteger("maxWaitSeconds", 1, MAX_WAIT_SECONDS);
            Integer maxLength = when.optionalInteger("maxQueueLength", 1, 100_000);
            boolean noAgents = when.bool("noAgentsLoggedIn", false);
            boolean closed = when.bool("closed", false);
            exactlyOne(when, WHEN_KEYS, "condition");
            Section then = rule.section("then", THEN_KEYS);
            String toQueue = then.string("queue", null);
            String toVoicemail = then.string("voicemail", null);
            if (toVoicemail != null && !MAILBOX.matcher(toVoicemail).matches()) {
                problems.add(then.pathOf("voicemail"), Secrets.quote(toVoicemail)
                        + " is not a voicemail box (like 100 or billing@default)");
            }
            boolean callback = then.bool("callback", false);
            exactlyOne(then, THEN_KEYS, "action");
            rules.add(new OverflowDef(maxWait, maxLength, noAgents, closed, toQueue, toVoicemail, callback));
        }
        return rules;
    }

    /** One rule, one condition and one action: with two, which applies first would be a guess. {@code false} counts as absent. */
    private void exactlyOne(Section section, List<String> keys, String what) {
        List<String> given = keys.stream().filter(key -> {
            JsonNode value = section.get(key);
            return value != null && !(value.isTextual() && "false".equalsIgnoreCase(value.asText().strip()));
        }).toList();
        if (given.isEmpty()) {
            problems.add(section.path(), "one " + what + " required (" + String.join(", ", keys) + ")");
        } else if (given.size() > 1) {
            problems.add(section.path(), "one " + what + " per rule, got " + given.size() + " (" + String.join(", ", given)
                    + "); write a rule for each");
        }
    }

    /**
     * Expansion steps at or after the time the call has overflowed can never apply. So can a time rule later than an
     * earlier-listed or shorter one: the shortest wait always matches first.
     */
    void reportUnreachable(QueueDef queue, String queuePath) {
        List<OverflowDef> rules = queue.overflow();
        Integer leaves = null;
        int leavesAt = -1;
        for (int i = 0; i < rules.size(); i++) {
            Integer wait = rules.get(i).maxWaitSeconds();
            if (wait != null && (leaves == null || wait < leaves)) {
                leaves = wait;
                leavesAt = i;
            }
        }
        if (leaves == null) {
            return;
        }
        String rulePath = Problems.item(Problems.child(queuePath, "overflow"), leavesAt);
        String reason = "unreachable: the call overflows at " + leaves + " s (" + rulePath + ")";
        for (int i = 0; i < rules.size(); i++) {
            Integer wait = rules.get(i).maxWaitSeconds();
            if (i != leavesAt && wait != null && wait >= leaves) {
                problems.add(Problems.item(Problems.child(queuePath, "overflow"), i), reason);
            }
        }
        List<ExpansionStepDef> steps = queue.expansion();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).afterSeconds() >= leaves) {
                problems.add(Problems.item(Problems.child(queuePath, "expansion"), i), reason);
            }
        }
    }

    /**
     * Overflow targets must be other existing queues, and following {@code queue:} actions must never lead back: a call in
     * such a loop would circle until the caller gives up. Checked once every queue is known, since a rule may name a queue
     * defined further down.
     */
    void reportTargets(List<QueueDef> queues, String queuesPath) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).name() != null) {
                index.putIfAbsent(queues.get(i).name(), i);
            }
        }
        Map<Integer, List<Edge>> edges = new HashMap<>();
        for (int i = 0; i < queues.size(); i++) {
            QueueDef queue = queues.get(i);
            for (int j = 0; j < queue.overflow().size(); j++) {
                String target = queue.overflow().get(j).toQueue();
                if (target == null) {
                    continue;
                }
                String path = Problems.child(Problems.child(Problems.item(Problems.child(Problems.item(queuesPath, i), "overflow"), j),
                        "then"), "queue");
                Integer to = index.get(target);
                if (to == null) {
                    problems.add(path, "unknown queue " + Secrets.quote(target) + problems.didYouMean(target, index.keySet()));
                } else if (target.equals(queue.name())) {
                    problems.add(path, "queue " + Secrets.quote(target) + " overflows to itself");
                } else {
                    edges.computeIfAbsent(i, k -> new ArrayList<>()).add(new Edge(to, path));
                }
            }
        }
        reportLoops(queues, edges);
    }

    /** Depth-first, without recursion so that a long chain of queues cannot overflow the stack. */
    private void reportLoops(List<QueueDef> queues, Map<Integer, List<Edge>> edges) {
        Set<Integer> done = new HashSet<>();
        for (int start = 0; start < queues.size(); start++) {
            if (done.contains(start)) {
                continue;
            }
            List<Integer> stack = new ArrayList<>();
            Map<Integer, Integer> positions = new HashMap<>();
            Deque<int[]> cursors = new ArrayDeque<>();
            positions.put(start, 0);
            stack.add(start);
            cursors.push(new int[] {start, 0});
            while (!cursors.isEmpty()) {
                int[] cursor = cursors.peek();
                List<Edge> out = edges.getOrDefault(cursor[0], List.of());
                if (cursor[1] == out.size()) {
                    done.add(cursor[0]);
                    positions.remove(stack.remove(stack.size() - 1));
                    cursors.pop();
                    continue;
                }
                Edge edge = out.get(cursor[1]++);
                Integer onStack = positions.get(edge.to());
                if (onStack != null) {
                    problems.add(edge.path(), "overflow loop " + loop(queues, stack.subList(onStack, stack.size())));
                } else if (!done.contains(edge.to())) {
                    positions.put(edge.to(), stack.size());
                    stack.add(edge.to());
                    cursors.push(new int[] {edge.to(), 0});
                }
            }
        }
    }

    /** {@code a -> b -> a}, the middle of a very long loop left out so that the message stays readable. */
    private static String loop(List<QueueDef> queues, List<Integer> members) {
        final int shownAtEachEnd = 4;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.size() <= 2 * shownAtEachEnd || i < shownAtEachEnd || i >= members.size() - shownAtEachEnd) {
                names.add(queues.get(members.get(i)).name());
            } else if (i == shownAtEachEnd) {
                names.add("... " + (members.size() - 2 * shownAtEachEnd) + " more ...");
            }
        }
        names.add(queues.get(members.get(0)).name());
        return String.join(" -> ", names);
    }

    /** An overflow from one queue to another, at the path of its {@code then.queue}. */
    private record Edge(int to, String path) {
    }
}
