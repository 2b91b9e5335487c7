package org.opencti.ivr.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads from one YAML mapping, each problem named by its path; {@link #finish()} reports the keys nobody asked for. */
final class Fields {

    private final ObjectNode object;
    private final String path;
    private final TreeProblems problems;
    private final Set<String> asked = new LinkedHashSet<>();

    Fields(ObjectNode object, String path, TreeProblems problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    String path(String key) {
        return TreeProblems.child(path, key);
    }

    private JsonNode get(String key, boolean required) {
        asked.add(key);
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(path(key), "missing");
            }
            return null;
        }
        return value;
    }

    String text(String key) {
        return text(key, true);
    }

    String optionalText(String key) {
        return text(key, false);
    }

    private String text(String key, boolean required) {
        JsonNode value = get(key, required);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problems.add(path(key), "must be a single non-empty value");
            return null;
        }
        return value.asText().trim();
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = get(key, false);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.asText().trim());
            if (number < min || number > max) {
                problems.add(path(key), "must be between " + min + " and " + max + ", got " + number);
                return fallback;
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(path(key), "must be a whole number, got \"" + value.asText() + "\"");
            return fallback;
        }
    }

    Map<String, String> textMap(String key, boolean required) {
        JsonNode value = get(key, required);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(path(key), "must be a mapping");
            return out;
        }
        value.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                out.put(entry.getKey(), entry.getValue().asText().trim());
            } else {
                problems.add(TreeProblems.child(path(key), entry.getKey()), "must be a single non-empty value");
            }
        });
        return out;
    }

    List<String> textList(String key, boolean required) {
        JsonNode value = get(key, required);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be a list");
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual() && !value.get(i).asText().isBlank()) {
                out.add(value.get(i).asText().trim());
            } else {
                problems.add(path(key) + "[" + i + "]", "must be a single non-empty value");
            }
        }
        return out;
    }

    /** The named child mapping, or null (reported) when it is missing or not a mapping. */
    ObjectNode mapping(String key) {
        JsonNode value = get(key, true);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(path(key), "must be a mapping");
            return null;
        }
        return (ObjectNode) value;
    }

    void problemsAt(String at, String message) {
        problems.add(at, message);
    }

    JsonNode raw(String key) {
        return get(key, false);
    }

    void finish() {
        object.fieldNames().forEachRemaining(key -> {
            if (!asked.contains(key)) {
                problems.add(path(key), "unknown key (expected one of: " + String.join(", ", asked) + ")");
            }
        });
    }
}
