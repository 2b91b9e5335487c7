package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Customer tiers and the router settings that span queues. */
final class RoutingBinder {

    static final List<String> ROUTING_KEYS = List.of("fairness", "priority", "languages", "callSkillsSeconds");
    /** A language code as the IVR writes it: en, es, pt-BR. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    static final List<String> PRIORITY_KEYS = List.of("tierPoints", "vipPoints", "churnRiskPoints", "pointsPerSecondWaiting");
    static final List<String> TIER_KEYS = List.of("name", "serviceLevelPercent", "withinSeconds");
    /** Far beyond any sensible weighting, and small enough that a day's wait times the rate stays exact in a double. */
    private static final double MAX_POINTS = 1_000_000;

    private final Section root;
    private final Problems problems;

    RoutingBinder(Section root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    List<TierDef> tiers() {
        List<TierDef> tiers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> items = root.list("tiers");
        for (int i = 0; i < items.size(); i++) {
            Section tier = Section.of(items.get(i), Problems.item(root.pathOf("tiers"), i), problems, TIER_KEYS);
            String name = Names.unique(tier, "name", names, "tier", problems);
            int percent = tier.integer("serviceLevelPercent", TierDef.DEFAULT_SERVICE_LEVEL_PERCENT, 1, 100);
            int within = tier.integer("withinSeconds", TierDef.DEFAULT_WITHIN_SECONDS, 1, 3_600);
            tiers.add(new TierDef(name, percent, within));
        }
        return tiers;
    }

    /** Call after {@link #tiers()}, whose names {@code tierPoints} refers to; {@code skills} are the declared skills. */
    RoutingDef routing(List<TierDef> tiers, Set<String> skills) {
        Section routing = root.section("routing", ROUTING_KEYS);
        String fairness = routing.string("fairness", RoutingDef.OLDEST_CALL_FIRST);
        if (!RoutingDef.FAIRNESS.contains(fairness)) {
            problems.add(routing.pathOf("fairness"), "unknown fairness " + Secrets.quote(fairness) + " "
                    + Suggest.hint(fairness, RoutingDef.FAIRNESS));
        }
        // Only a file that declares tiers can misspell one; without, tier names come from the customer data as they are.
        List<String> declared = root.get("tiers") == null ? null : tiers.stream().map(TierDef::name).toList();
        PriorityDef priority = priority(routing.section("priority", PRIORITY_KEYS), declared);
        int callSkillsSeconds = routing.integer("callSkillsSeconds", RoutingDef.DEFAULT_CALL_SKILLS_SECONDS, 1, 3_600);
        return new RoutingDef(fairness, priority, languages(routing, skills), callSkillsSeconds);
    }

    /** Language code to {@code skill} or {@code skill:level}; the skill must be declared. */
    private Map<String, String> languages(Section routing, Set<String> skills) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : routing.entries("languages", "language to skill")) {
            String path = Problems.child(routing.pathOf("languages"), entry.getKey());
            if (!LANGUAGE.matcher(entry.getKey()).matches()) {
                problems.add(path, "not a language code like en, es or pt-BR");
                continue;
            }
            String value = entry.getValue().isTextual() ? entry.getValue().asText().strip() : "";
            String[] parts = value.split(":", -1);
            String skill = parts[0];
            if (skill.isEmpty() || parts.length > 2) {
                problems.add(path, "expected a skill name, or skill:level, got " + Secrets.quote(entry.getValue().asText()));
            } else if (!skills.contains(skill)) {
                problems.add(path, "unknown skill " + Secrets.quote(skill) + problems.didYouMean(skill, skills));
            } else if (parts.length == 2 && !parts[1].matches("([1-9]|10)")) {
                problems.add(path, "level " + Secrets.quote(parts[1]) + " must be 1..10");
            } else {
                out.put(entry.getKey(), value);
            }
        }
        return out;
    }

    private PriorityDef priority(Section priority, List<String> declaredTiers) {
        Map<String, Double> tierPoints = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : priority.entries("tierPoints", "tier to points")) {
            String tier = entry.getKey();
            String path = Problems.child(priority.pathOf("tierPoints"), tier);
            if (declaredTiers != null && !declaredTiers.contains(tier)) {
                problems.add(path, "unknown tier " + Secrets.quote(tier) + problems.didYouMean(tier, declaredTiers));
                continue;
            }
            Double points = points(entry.getValue(), path);
            if (points != null) {
                tierPoints.put(tier, points);
            }
        }
        double vip = priority.decimal("vipPoints", 0, -MAX_POINTS, MAX_POINTS);
        double churnRisk = priority.decimal("churnRiskPoints", 0, -MAX_POINTS, MAX_POINTS);
        double perSecond = priority.positive("pointsPerSecondWaiting", PriorityDef.DEFAULT_POINTS_PER_SECOND_WAITING, MAX_POINTS,
                ": a call that gains nothing by waiting can wait forever behind newer, higher-scored calls");
        return new PriorityDef(tierPoints, vip, churnRisk, perSecond);
    }

    private Double points(JsonNode value, String path) {
        if (value.isNull()) {
            problems.add(path, "points required");
            return null;
        }
        Double points = Section.decimalAt(value, path, problems);
        if (points != null && Math.abs(points) > MAX_POINTS) {
            problems.add(path, value.asText().strip() + " is outside -1000000..1000000");
            return null;
        }
        return points;
    }
}
