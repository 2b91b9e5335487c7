package org.opencti.acd.sim;

import static org.opencti.acd.sim.YamlFields.seconds;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns scenario YAML into a {@link Scenario}, collecting every problem with its path so that a user fixes a file in
 * one go. Scalars are read by what the schema expects, not by YAML's guess, and unknown keys are errors (a misspelt
 * {@code patiense:} would otherwise silently mean "callers never hang up").
 */
final class ScenarioReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<Integer> INTERVALS = Set.of(15, 30, 60);
    /** Far beyond any day or week of a real centre; bounds what a mistyped rate makes the simulator do. */
    private static final double MAX_CALLS = 20_000_000;
    private static final Duration MAX_DURATION = Duration.ofDays(366);
    private static final int MAX_AGENTS = 100_000;

    private final YamlFields fields = new YamlFields();
    private final List<String> problems = fields.problems;
    private Distribution defaultHandle;
    private Distribution defaultPatience = new Distribution.Never();
    private Map<String, Double> defaultTiers = Map.of();
    private Duration duration = Duration.ZERO;

    private ScenarioReader() {
    }

    static Scenario read(String yaml, String source) {
        if (yaml.length() > Scenario.MAX_BYTES) {
            throw new ScenarioException(source, List.of("text is larger than 1 MiB"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            throw new ScenarioException(source, List.of("not valid YAML: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ScenarioException(source, List.of("the scenario is empty; see sample-scenario.yaml"));
        }
        ScenarioReader reader = new ScenarioReader();
        Scenario scenario = reader.scenario(root, source);
        if (!reader.problems.isEmpty()) {
            throw new ScenarioException(source, reader.problems);
        }
        return scenario;
    }

    private Scenario scenario(JsonNode root, String source) {
        if (!fields.mapping(root, "", "name", "start", "duration", "warmUp", "seed", "agentAnswerSeconds", "handleTime",
            "patience", "tiers", "queues", "agents")) {
            return null;
        }
        String name = fields.text(root, "name", "", false);
        if (name == null) {
            name = source.replaceAll("^.*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
        }
        Instant start = Scenario.DEFAULT_START;
        JsonNode startNode = root.get("start");
        if (startNode != null) {
            try {
                start = Instant.parse(startNode.asText());
            } catch (DateTimeParseException e) {
                problems.add("start: must be an instant such as 2026-11-23T08:00:00Z, got \"" + startNode.asText() + "\"");
            }
        }
        duration = fields.duration(root, "duration", "", true, null);
        if (duration != null && (duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
            problems.add("duration: must be more than 0 and at most 366d");
            duration = null;
        }
        Duration warmUp = fields.duration(root, "warmUp", "", false, Duration.ZERO);
        if (warmUp != null && duration != null && warmUp.compareTo(duration) >= 0) {
            problems.add("warmUp: must be shorter than the duration");
        }
        long seed = 1;
        JsonNode seedNode = root.get("seed");
        if (seedNode != null) {
            try {
                seed = Long.parseLong(seedNode.asText().trim());
            } catch (NumberFormatException e) {
                problems.add("seed: must be a whole number, got \"" + seedNode.asText() + "\"");
            }
        }
        double answer = fields.number(root, "agentAnswerSeconds", "", 0, 0, 600);
        defaultHandle = distribution(root.get("handleTime"), "handleTime", null, false);
        defaultPatience = distribution(root.get("patience"), "patience", new Distribution.Never(), true);
        defaultTiers = tiers(root.get("tiers"), "tiers", Map.of());
        List<Scenario.Queue> queues = queues(root.get("queues"), seconds(answer));
        List<Scenario.AgentGroup> agents = agents(root.get("agents"));
        crossCheck(queues, agents);
        return new Scenario(name, start, duration == null ? Duration.ofHours(1) : duration, warmUp == null ? Duration.ZERO : warmUp,
            seed, seconds(answer), queues, agents);
    }

    private List<Scenario.Queue> queues(JsonNode node, Duration answer) {
        List<Scenario.Queue> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("queues: must be a list of at least one queue");
            return out;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "queues[" + i + "]";
            JsonNode q = node.get(i);
            if (!fields.mapping(q, path, "name", "skills", "wrapUpSeconds", "serviceLevelSeconds", "ringTimeoutSeconds",
                "intervalMinutes", "arrivals", "handleTime", "patience", "tiers")) {
                continue;
            }
            String name = fields.text(q, "name", path, true);
            if (name != null && !names.add(name)) {
                problems.add(path + ".name: \"" + name + "\" is already the name of another queue");
            }
            Map<String, Integer> skills = skills(q.get("skills"), path + ".skills");
            double wrap = fields.number(q, "wrapUpSeconds", path, 0, 0, 3600);
            double target = fields.number(q, "serviceLevelSeconds", path, 20, 0, 3600);
            double ring = fields.number(q, "ringTimeoutSeconds", path, 20, 1, 600);
            if (answer.compareTo(seconds(ring)) >= 0) {
                problems.add(path + ".ringTimeoutSeconds: must be longer than agentAnswerSeconds (" + answer.toSeconds()
                    + "), or no agent ever answers");
            }
            int minutes = (int) fields.number(q, "intervalMinutes", path, 60, 1, 60);
            if (!INTERVALS.contains(minutes)) {
                problems.add(path + ".intervalMinutes: must be 15, 30 or 60, got " + minutes);
                minutes = 60;
            }
            List<Double> rates = arrivals(q.get("arrivals"), path + ".arrivals", Duration.ofMinutes(minutes));
            Distribution handle = distribution(q.get("handleTime"), path + ".handleTime", defaultHandle, false);
            if (handle == null && q.get("handleTime") == null && defaultHandle == null) {
                problems.add(path + ".handleTime: missing (give it here or at the top level for every queue)");
            }
            Distribution patience = distribution(q.get("patience"), path + ".patience", defaultPatience, true);
            Map<String, Double> tiers = tiers(q.get("tiers"), path + ".tiers", defaultTiers);
            out.add(new Scenario.Queue(name == null ? "queue" + i : name, skills, seconds(wrap), seconds(target), seconds(ring),
                Duration.ofMinutes(minutes), rates, handle == null ? new Distribution.Constant(0) : handle,
                patience == null ? new Distribution.Never() : patience, tiers));
        }
        return out;
    }

    private List<Double> arrivals(JsonNode node, String path, Duration interval) {
        List<Double> rates = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(path + ": must be a list of calls per hour, one per interval (or {callsPerHour: 120, intervals: 4})");
            return rates;
        }
        for (int i = 0; i < node.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode a = node.get(i);
            double rate;
            int repeat = 1;
            if (a.isObject()) {
                if (!fields.mapping(a, item, "callsPerHour", "intervals")) {
                    continue;
                }
                if (a.get("callsPerHour") == null) {
                    problems.add(item + ".callsPerHour: missing");
                    continue;
                }
                rate = fields.number(a, "callsPerHour", item, 0, 0, Double.MAX_VALUE);
                repeat = (int) fields.number(a, "intervals", item, 1, 1, 100_000);
            } else {
                rate = fields.scalarNumber(a, item, 0, Double.MAX_VALUE, 0);
            }
            for (int k = 0; k < repeat; k++) {
                rates.add(rate);
            }
        }
        if (duration != null && interval.multipliedBy(rates.size()).compareTo(duration) > 0) {
            problems.add(path + ": " + rates.size() + " intervals of " + interval.toMinutes() + " min cover "
                + YamlFields.describe(interval.multipliedBy(rates.size())) + ", longer than the duration " + YamlFields.describe(duration));
        }
        return rates;
    }

    private List<Scenario.AgentGroup> agents(JsonNode node) {
        List<Scenario.AgentGroup> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add("agents: must be a list of at least one agent group");
            return out;
        }
        Set<String> ids = new HashSet<>();
        int total = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = "agents[" + i + "]";
            JsonNode g = node.get(i);
            if (!fields.mapping(g, path, "group", "count", "ids", "skills", "shift")) {
                continue;
            }
            Map<String, Integer> skills = skills(g.get("skills"), path + ".skills");
            String group = fields.text(g, "group", path, false);
            if (group == null) {
                group = skills.isEmpty() ? "group" + i : String.join("+", new TreeMap<>(skills).keySet());
            }
            List<String> members = new ArrayList<>();
            if (g.has("count") == g.has("ids")) {
                problems.add(path + ": give either count (agents made up) or ids (an explicit list), not both or neither");
            } else if (g.has("count")) {
                int count = (int) fields.number(g, "count", path, 1, 1, MAX_AGENTS);
                for (int k = 1; k <= count; k++) {
                    members.add(group + "-" + k);
                }
            } else {
                JsonNode list = g.get("ids");
                if (!list.isArray() || list.isEmpty()) {
                    problems.add(path + ".ids: must be a list of agent ids");
                } else {
                    list.forEach(id -> members.add(id.asText()));
                }
            }
            for (int k = 0; k < members.size(); k++) {
                String id = members.get(k);
                if (id.isBlank() || !ids.add(id)) {
                    problems.add(path + (g.has("ids") ? ".ids[" + k + "]" : ".count") + ": agent id \"" + id + "\" is "
                        + (id.isBlank() ? "blank" : "used twice (ids must be unique across groups)"));
                    break;
                }
            }
            total += members.size();
            Duration from = Duration.ZERO;
            Duration to = null;
            JsonNode shift = g.get("shift");
            if (shift != null && fields.mapping(shift, path + ".shift", "from", "to")) {
                from = fields.duration(shift, "from", path + ".shift", false, Duration.ZERO);
                to = fields.duration(shift, "to", path + ".shift", false, null);
                if (from != null && to != null && to.compareTo(from) <= 0) {
                    problems.add(path + ".shift.to: must be after shift.from");
                }
            }
            out.add(new Scenario.AgentGroup(group, members, skills, from == null ? Duration.ZERO : from, to));
        }
        if (total > MAX_AGENTS) {
            problems.add("agents: " + total + " agents; the limit is " + MAX_AGENTS);
        }
        return out;
    }

    private void crossCheck(List<Scenario.Queue> queues, List<Scenario.AgentGroup> agents) {
        for (int i = 0; i < queues.size(); i++) {
            Scenario.Queue q = queues.get(i);
            boolean served = agents.stream().anyMatch(g -> !g.ids().isEmpty() && q.skills().entrySet().stream()
                .allMatch(e -> g.skills().getOrDefault(e.getKey(), 0) >= e.getValue()));
            if (!served && !agents.isEmpty()) {
                problems.add("queues[" + i + "].skills: no agent group has " + q.skills() + ", so nobody can take its calls");
            }
        }
        double expected = queues.stream().mapToDouble(Scenario.Queue::expectedCalls).sum();
        if (expected > MAX_CALLS) {
            problems.add("queues: the arrival rates make " + Math.round(expected) + " calls; the limit is " + (long) MAX_CALLS);
        }
    }

    private Distribution distribution(JsonNode node, String path, Distribution fallback, boolean noneAllowed) {
        if (node == null) {
            return fallback;
        }
        if (node.isTextual() && node.asText().equals("none") && noneAllowed) {
            return new Distribution.Never();
        }
        if (!fields.mapping(node, path, "distribution", "meanSeconds", "sdSeconds", "seconds")) {
            return fallback;
        }
        String kind = fields.text(node, "distribution", path, true);
        if (kind == null) {
            return fallback;
        }
        switch (kind) {
            case "exponential":
                return new Distribution.Exponential(required(node, "meanSeconds", path, 0.001));
            case "lognormal":
                return new Distribution.LogNormal(required(node, "meanSeconds", path, 0.001), required(node, "sdSeconds", path, 0.001));
            case "constant":
                return new Distribution.Constant(required(node, "seconds", path, 0));
            case "none":
                if (noneAllowed) {
                    return new Distribution.Never();
                }
                break;
            default:
                break;
        }
        problems.add(path + ".distribution: must be one of exponential, lognormal, constant" + (noneAllowed ? ", none" : "")
            + "; got \"" + kind + "\"");
        return fallback;
    }

    private double required(JsonNode node, String key, String path, double min) {
        if (node.get(key) == null) {
            problems.add(path + "." + key + ": missing");
            return Math.max(min, 1);
        }
        return fields.number(node, key, path, 1, min, 1e7);
    }

    private Map<String, Double> tiers(JsonNode node, String path, Map<String, Double> fallback) {
        if (node == null) {
            return fallback;
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        if (!fields.mapping(node, path, Scenario.TIERS.toArray(new String[0]))) {
            return fallback;
        }
        for (String tier : Scenario.TIERS) {
            if (node.has(tier)) {
                mix.put(tier, fields.number(node, tier, path, 0, 0, 1));
            }
        }
        double sum = mix.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 1 + 1e-9) {
            problems.add(path + ": shares add up to " + sum + "; at most 1 (the rest are callers unknown to the directory)");
        }
        return mix;
    }

    private Map<String, Integer> skills(JsonNode node, String path) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        if (node == null) {
            return skills;
        }
        if (!node.isObject()) {
            problems.add(path + ": must be a mapping of skill to level, such as {billing: 5}");
            return skills;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String skill = it.next();
            skills.put(skill, (int) fields.number(node, skill, path, 1, 1, 10));
        }
        return skills;
    }

}
