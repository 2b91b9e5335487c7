package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Customer tiers and the router settings that span queues. */
final class RoutingBinder {

    static final List<String> ROUTING_KEYS = List.of("fairness", "priority");
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

    /** Call after {@link #tiers()}, whose names {@code tierPoints} refers to. */
    RoutingDef routing(List<TierDef> tiers) {
        Section routing = root.section("routing", ROUTING_KEYS);
        String fairness = routing.string("fairness", RoutingDef.OLDEST_CALL_FIRST);
        if (!RoutingDef.FAIRNESS.contains(fairness)) {
            problems.add(routing.pathOf("fairness"), "unknown fairness " + Secrets.quote(fairness) + " "
                    + Suggest.hint(fairness, RoutingDef.FAIRNESS));
        }
        // Only a file that declares tiers can misspell one; without, tier names come from the customer data as they are.
        List<String> declared = root.get("tiers") == null ? null : tiers.stream().map(TierDef::name).toList();
        return new RoutingDef(fairness, priority(routing.section("priority", PRIORITY_KEYS), declared));
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
