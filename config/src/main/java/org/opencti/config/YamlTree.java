package org.opencti.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into a Jackson tree, building the tree here rather than with {@code readTree} because Jackson's YAML parser
 * turns an alias into the anchor's name as a plain string, keeps only the last of duplicate keys, and has no depth limit;
 * each of those would let a wrong file load silently.
 *
 * <p>Every scalar becomes a text node (null stays null) so that types are decided by the schema with exact paths, not by
 * YAML 1.1 guessing ({@code yes} is true, {@code 010} is 8). Aliases of mappings and lists are expanded, within limits that
 * refuse alias bombs; {@code <<} merge keys are honoured.
 */
final class YamlTree {

    static final int MAX_ALIASES = 50;
    /** A 10,000-agent floor is about 150,000 values; ten times that is still no alias bomb's worth. */
    static final int MAX_VALUES = 2_000_000;
    static final int MAX_DEPTH = 20;
    private static final String MERGE_KEY = "<<";

    /** The builder starts with no parser features, unlike {@code new YAMLFactory()}: without this {@code key:} reads as "". */
    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());

    private final JsonParser parser;
    private final Problems problems;
    private final JsonNodeFactory nodes = MAPPER.getNodeFactory();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Integer> anchorSizes = new HashMap<>();
    private int aliases;
    private int values;

    private YamlTree(JsonParser parser, Problems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        // The byte limit in ConfigLoader comes first; this guards the scanner should that ever be bypassed.
        options.setCodePointLimit(ConfigLoader.MAX_BYTES);
        // Jackson's streaming parser does not expand aliases (this class does, with its own limit), but keep SnakeYAML's
        // guard equally strict in case a later Jackson starts to.
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        return options;
    }

    /** The document's top-level mapping, or null after reporting why there is none. */
    static ObjectNode read(String text, Problems problems) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                problems.addGeneral("the file is empty; see the sample configuration for a starting point");
                return null;
            }
            JsonNode root = new YamlTree(parser, problems).value(first, "", 0);
            if (parser.nextToken() != null) {
                problems.addGeneral(at(parser.currentTokenLocation()) + "only one YAML document is allowed (remove the second '---')");
                return null;
            }
            if (!root.isObject()) {
                problems.addGeneral("the top level must be a mapping of sections (skills:, queues:, ...), got "
                        + Section.describe(root));
                return null;
            }
            return (ObjectNode) root;
        } catch (LimitExceeded e) {
            problems.addGeneral(e.getMessage());
            return null;
        } catch (JacksonException e) {
            problems.addGeneral(syntaxMessage(e));
            return null;
        } catch (IOException e) {
            // Reading from a String fails only through the parser, which the clause above covers; keep a message anyway.
            problems.addGeneral("cannot read YAML: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private JsonNode value(JsonToken token, String path, int depth) throws IOException {
        values++;
        if (values > MAX_VALUES) {
            throw new LimitExceeded(at(parser.currentTokenLocation()) + "more than " + MAX_VALUES + " values; this is not a"
                    + " contact-centre definition");
        }
        switch (token) {
            case START_OBJECT:
                return mapping(path, depth + 1);
            case START_ARRAY:
                return sequence(path, depth + 1);
            case VALUE_NULL:
                return nodes.nullNode();
            case VALUE_STRING:
                if (((YAMLParser) parser).isCurrentAlias()) {
                    return alias(parser.getText(), path);
                }
                return nodes.textNode(parser.getText());
            default:
                // Numbers, booleans, !!binary: keep the text as written and let the schema decide what it means.
                String text = parser.getText();
                return nodes.textNode(text == null ? "" : text);
        }
    }

    private ObjectNode mapping(String path, int depth) throws IOException {
        checkDepth(depth);
        String anchor = parser.getObjectId() instanceof String s ? s : null;
        int before = values;
        ObjectNode mapping = nodes.objectNode();
        List<JsonNode> merges = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String childPath = Problems.child(path, key);
            JsonNode child = value(parser.nextToken(), childPath, depth);
            if (MERGE_KEY.equals(key)) {
                merges.add(child);
            } else if (mapping.has(key)) {
                problems.add(childPath, "duplicate key (" + where(keyAt) + ")");
            } else {
                mapping.set(key, child);
            }
        }
        for (JsonNode merge : merges) {
            merge(mapping, merge, Problems.child(path, MERGE_KEY));
        }
        remember(anchor, mapping, before);
        return mapping;
    }

    /** YAML merge: keys written in the mapping itself win over merged ones, and earlier merged mappings over later. */
    private void merge(ObjectNode target, JsonNode source, String path) {
        if (source.isArray()) {
            source.forEach(item -> merge(target, item, path));
            return;
        }
        if (!source.isObject()) {
            problems.add(path, "a merge key needs an alias of a mapping (<<: *defaults), got " + Section.describe(source));
            return;
        }
        source.fields().forEachRemaining(field -> {
            if (!target.has(field.getKey())) {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private ArrayNode sequence(String path, int depth) throws IOException {
        checkDepth(depth);
        String anchor = parser.getObjectId() instanceof String s ? s : null;
        int before = values;
        ArrayNode sequence = nodes.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
            sequence.add(value(token, Problems.item(path, sequence.size()), depth));
        }
        remember(anchor, sequence, before);
        return sequence;
    }

    private void remember(String anchor, JsonNode node, int valuesBefore) {
        if (anchor != null) {
            anchors.put(anchor, node);
            anchorSizes.put(anchor, values - valuesBefore);
        }
    }

    private JsonNode alias(String anchor, String path) {
        aliases++;
        if (aliases > MAX_ALIASES) {
            throw new LimitExceeded(at(parser.currentTokenLocation()) + "more than " + MAX_ALIASES + " YAML aliases; refusing"
                    + " what looks like an alias bomb");
        }
        JsonNode target = anchors.get(anchor);
        if (target == null) {
            problems.add(path, "alias *" + anchor + " does not refer to a mapping or list anchored above it"
                    + " (anchors on single values are not supported)");
            return nodes.nullNode();
        }
        // Counting the copy keeps a chain of aliases that doubles at each step within the value limit.
        values += anchorSizes.get(anchor);
        if (values > MAX_VALUES) {
            throw new LimitExceeded(at(parser.currentTokenLocation()) + "aliases expand to more than " + MAX_VALUES
                    + " values; refusing what looks like an alias bomb");
        }
        // A copy, so that resolving placeholders or overrides in one place cannot change another.
        return target.deepCopy();
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new LimitExceeded(at(parser.currentTokenLocation()) + "nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String at(JsonLocation location) {
        return where(location) + ": ";
    }

    /**
     * Line, column and SnakeYAML's description, but not its excerpt of the offending line, which could be a secret.
     */
    private static String syntaxMessage(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark problemAt = marked.getProblemMark();
            StringBuilder out = new StringBuilder("line ").append(problemAt.getLine() + 1).append(", column ")
                    .append(problemAt.getColumn() + 1).append(": ").append(marked.getProblem());
            if (marked.getContext() != null) {
                out.append(" (").append(marked.getContext());
                Mark contextAt = marked.getContextMark();
                if (contextAt != null) {
                    out.append(" that started at line ").append(contextAt.getLine() + 1).append(", column ")
                            .append(contextAt.getColumn() + 1);
                }
                out.append(')');
            }
            return out.toString();
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? "" : at(location);
        String message = e.getOriginalMessage();
        int excerpt = message == null ? -1 : message.indexOf("\n in ");
        return where + (excerpt >= 0 ? message.substring(0, excerpt) : message);
    }

    /** Stops parsing at once: past these limits the rest of the document is not worth reading. */
    private static final class LimitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }
}
