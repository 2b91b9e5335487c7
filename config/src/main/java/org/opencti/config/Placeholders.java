package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in every string value; <code>$${</code> stands for a literal
 * <code>${</code>. Keys are left alone. Problems never quote the value, which is often a secret.
 */
final class Placeholders {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Placeholders() {
    }

    /** Resolves every string in {@code root} except at {@code skip}, the paths an environment override already set. */
    static void resolve(ObjectNode root, Map<String, String> env, Set<String> skip, Problems problems) {
        walk(root, "", env, skip, problems);
    }

    private static void walk(JsonNode node, String path, Map<String, String> env, Set<String> skip, Problems problems) {
        if (node instanceof ObjectNode mapping) {
            List<String> keys = new ArrayList<>();
            mapping.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String childPath = Problems.child(path, key);
                JsonNode child = mapping.get(key);
                if (child.isTextual() && !skip.contains(childPath)) {
                    mapping.set(key, resolved(child, childPath, env, problems));
                } else {
                    walk(child, childPath, env, skip, problems);
                }
            }
        } else if (node instanceof ArrayNode sequence) {
            for (int i = 0; i < sequence.size(); i++) {
                String childPath = Problems.item(path, i);
                JsonNode child = sequence.get(i);
                if (child.isTextual()) {
                    sequence.set(i, resolved(child, childPath, env, problems));
                } else {
                    walk(child, childPath, env, skip, problems);
                }
            }
        }
    }

    /** The substituted value, or null (so that later checks stay quiet) after reporting a problem. */
    private static JsonNode resolved(JsonNode text, String path, Map<String, String> env, Problems problems) {
        String value = text.asText();
        if (!value.contains("${")) {
            return text;
        }
        String substituted = substitute(value, path, env, problems);
        return substituted == null ? null : TextNode.valueOf(substituted);
    }

    static String substitute(String value, String path, Map<String, String> env, Problems problems) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!value.startsWith("${", i)) {
                out.append(value.charAt(i));
                i++;
                continue;
            }
            int close = value.indexOf('}', i + 2);
            String body = close < 0 ? "" : value.substring(i + 2, close);
            int dash = body.indexOf(":-");
            String name = dash < 0 ? body : body.substring(0, dash);
            if (close < 0 || !NAME.matcher(name).matches()) {
                problems.add(path, "malformed ${...} placeholder (write ${NAME} or ${NAME:-default}; $${ gives a literal ${)");
                return null;
            }
            String fromEnv = env.get(name);
            if (dash >= 0 && (fromEnv == null || fromEnv.isEmpty())) {
                // Same rule as the shell's ${NAME:-default}: an empty variable counts as unset.
                out.append(body, dash + 2, body.length());
            } else if (fromEnv == null) {
                problems.add(path, "environment variable " + name + " is not set");
                return null;
            } else {
                out.append(fromEnv);
            }
            i = close + 1;
        }
        return out.toString();
    }
}
