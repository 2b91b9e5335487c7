package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Environment variables that replace single values of the file, so that a container can be pointed at its Asterisk,
 * database and listener without editing the YAML.
 */
final class EnvOverrides {

    /**
     * One override.
     *
     * @param variable environment variable
     * @param path     section keys leading to the value
     * @param integer  whether the value must be a decimal integer
     * @param creates  whether the variable creates its section when the file has none
     */
    record Rule(String variable, List<String> path, boolean integer, boolean creates) {
    }

    /** In application order: CTI_PG_URL comes before the other CTI_PG_ variables because it may create their section. */
    static final List<Rule> ALL = List.of(
            new Rule("CTI_AMI_HOST", List.of("asterisk", "ami", "host"), false, true),
            new Rule("CTI_AMI_PORT", List.of("asterisk", "ami", "port"), true, true),
            new Rule("CTI_AMI_USERNAME", List.of("asterisk", "ami", "username"), false, true),
            new Rule("CTI_AMI_SECRET", List.of("asterisk", "ami", "secret"), false, true),
            new Rule("CTI_FASTAGI_HOST", List.of("asterisk", "fastAgi", "bindHost"), false, true),
            new Rule("CTI_FASTAGI_PORT", List.of("asterisk", "fastAgi", "port"), true, true),
            new Rule("CTI_HTTP_HOST", List.of("http", "bindHost"), false, true),
            new Rule("CTI_HTTP_PORT", List.of("http", "port"), true, true),
            new Rule("CTI_TOKEN_SECRET", List.of("http", "tokenSecret"), false, true),
            new Rule("CTI_PG_URL", List.of("postgres", "jdbcUrl"), false, true),
            new Rule("CTI_PG_USER", List.of("postgres", "username"), false, false),
            new Rule("CTI_PG_PASSWORD", List.of("postgres", "password"), false, false),
            new Rule("CTI_REDIS_URI", List.of("redis", "uri"), false, true));

    private static final String SECRET = "CTI_AMI_SECRET";

    private EnvOverrides() {
    }

    /**
     * Applies every override whose variable is set and not empty (an empty variable is how compose files leave one out).
     *
     * @return the paths that were set, which placeholder resolution must then leave alone
     */
    static Set<String> apply(ObjectNode root, Map<String, String> env, Problems problems) {
        Set<String> applied = new HashSet<>();
        boolean boxes = boxList(root) != null;
        for (Rule override : ALL) {
            String value = env.get(override.variable());
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (boxes && override.path().get(1).equals("ami")) {
                // With several boxes there is no asterisk.ami: CTI_AMI_SECRET is every box's secret unless the box has its own
                // (applyBoxSecrets); a host, port or user is a box's own, so the variable is a leftover to point out.
                if (!override.variable().equals(SECRET)) {
                    problems.addGeneral("env " + override.variable() + ": not used with asterisk.boxes; give each box its ami."
                        + override.path().get(2) + " in the file");
                }
                continue;
            }
            if (override.integer() && Section.parseInteger(value) == null) {
                problems.addGeneral("env " + override.variable() + ": expected an integer, got " + Secrets.quote(value));
                continue;
            }
            ObjectNode parent = parentOf(root, override);
            if (parent == null) {
                continue;
            }
            String leaf = override.path().get(override.path().size() - 1);
            parent.set(leaf, TextNode.valueOf(override.integer() ? value.strip() : value));
            String path = String.join(".", override.path());
            applied.add(path);
            problems.setFromEnv(path, override.variable());
        }
        applyBoxSecrets(root, env, problems, applied);
        return applied;
    }

    /**
     * Each box's AMI secret from {@code CTI_AMI_SECRET_<BOX>} (replacing the file's, like any override), else, when the file
     * has none, from {@code CTI_AMI_SECRET}: one secret for every box is common, so it needs no variable per box.
     */
    static void applyBoxSecrets(ObjectNode root, Map<String, String> env, Problems problems, Set<String> applied) {
        ArrayNode boxes = boxList(root);
        if (boxes == null) {
            return;
        }
        String shared = env.get(SECRET);
        for (int i = 0; i < boxes.size(); i++) {
            JsonNode box = boxes.get(i);
            JsonNode name = box.get("name");
            JsonNode ami = box.get("ami");
            if (!box.isObject() || name == null || !name.isTextual() || ami == null || !ami.isObject()) {
                continue;
            }
            String variable = BoxBinder.secretVariable(name.asText());
            String own = env.get(variable);
            JsonNode inFile = ami.get("secret");
            if (own == null || own.isEmpty()) {
                if (inFile != null && !inFile.isNull() || shared == null || shared.isEmpty()) {
                    continue;
                }
                variable = SECRET;
                own = shared;
            }
            ((ObjectNode) ami).set("secret", TextNode.valueOf(own));
            String path = Problems.child(Problems.item("asterisk.boxes", i) + ".ami", "secret");
            applied.add(path);
            problems.setFromEnv(path, variable);
        }
    }

    private static ArrayNode boxList(ObjectNode root) {
        JsonNode asterisk = root.get("asterisk");
        JsonNode boxes = asterisk == null || !asterisk.isObject() ? null : asterisk.get("boxes");
        return boxes instanceof ArrayNode list ? list : null;
    }

    /**
     * The mapping that holds the overridden value, creating sections when allowed. Null when a section is missing and may
     * not be created, or when the file has something other than a mapping there (validation reports that).
     */
    private static ObjectNode parentOf(ObjectNode root, Rule override) {
        ObjectNode current = root;
        List<String> sections = override.path().subList(0, override.path().size() - 1);
        for (String key : sections) {
            JsonNode next = current.get(key);
            if (next == null || next.isNull()) {
                if (!override.creates()) {
                    return null;
                }
                next = current.putObject(key);
            }
            if (!next.isObject()) {
                return null;
            }
            current = (ObjectNode) next;
        }
        return current;
    }
}
