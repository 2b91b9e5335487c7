package org.opencti.ivr.tree;

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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a menu-tree file into a Jackson tree built here, token by token, rather than with {@code readTree}: Jackson keeps
 * only the last of duplicate keys (two menu entries for "1" would load silently), turns an alias into its anchor's name and
 * has no depth limit. Duplicate keys are reported with their line; aliases are refused outright (menu trees are small and a
 * refused alias cannot become an alias bomb); nesting is bounded. Every scalar becomes text; the loader decides the types.
 */
final class TreeYaml {

    static final int MAX_DEPTH = 12;
    static final int MAX_VALUES = 100_000;

    private static final YAMLMapper MAPPER = new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions())
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL).build());

    private final JsonParser parser;
    private final TreeProblems problems;
    private final JsonNodeFactory nodes = MAPPER.getNodeFactory();
    private int values;

    private TreeYaml(JsonParser parser, TreeProblems problems) {
        this.parser = parser;
        this.problems = problems;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MenuTreeLoader.MAX_BYTES);
        options.setMaxAliasesForCollections(1);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        return options;
    }

    /** The top-level mapping, or null after reporting why there is none. */
    static ObjectNode read(String text, TreeProblems problems) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                problems.add("", "the file is empty");
                return null;
            }
            JsonNode root = new TreeYaml(parser, problems).value(first, "", 0);
            if (parser.nextToken() != null) {
                problems.add("", where(parser.currentTokenLocation()) + ": only one YAML document is allowed");
                return null;
            }
            if (!root.isObject()) {
                problems.add("", "the top level must be a mapping with trees:");
                return null;
            }
            return (ObjectNode) root;
        } catch (Refused e) {
            problems.add(e.path, e.getMessage());
            return null;
        } catch (JacksonException e) {
            problems.add("", syntaxMessage(e));
            return null;
        } catch (IOException e) {
            problems.add("", "cannot read YAML: " + e.getClass().getSimpleName());
            return null;
        }
    }

    private JsonNode value(JsonToken token, String path, int depth) throws IOException {
        if (++values > MAX_VALUES) {
            throw new Refused(path, "more than " + MAX_VALUES + " values; this is not a menu tree");
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth + 1 > MAX_DEPTH) {
                throw new Refused(path, "nested deeper than " + MAX_DEPTH + " levels");
            }
            return token == JsonToken.START_OBJECT ? mapping(path, depth + 1) : sequence(path, depth + 1);
        }
        if (token == JsonToken.VALUE_NULL) {
            return nodes.nullNode();
        }
        if (((YAMLParser) parser).isCurrentAlias()) {
            throw new Refused(path, where(parser.currentTokenLocation()) + ": YAML aliases (*" + parser.getText()
                    + ") are not allowed in menu trees");
        }
        String text = parser.getText();
        return nodes.textNode(text == null ? "" : text);
    }

    private ObjectNode mapping(String path, int depth) throws IOException {
        ObjectNode mapping = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            String childPath = TreeProblems.child(path, key);
            JsonNode child = value(parser.nextToken(), childPath, depth);
            if (mapping.has(key)) {
                problems.add(childPath, "duplicate key (" + where(keyAt) + ")");
            } else {
                mapping.set(key, child);
            }
        }
        return mapping;
    }

    private ArrayNode sequence(String path, int depth) throws IOException {
        ArrayNode sequence = nodes.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
            sequence.add(value(token, path + "[" + sequence.size() + "]", depth));
        }
        return sequence;
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String syntaxMessage(JacksonException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return "line " + (marked.getProblemMark().getLine() + 1) + ", column " + (marked.getProblemMark().getColumn() + 1)
                    + ": " + marked.getProblem();
        }
        String message = e.getOriginalMessage();
        int excerpt = message == null ? -1 : message.indexOf("\n in ");
        JsonLocation location = e.getLocation();
        return (location == null ? "" : where(location) + ": ") + (excerpt >= 0 ? message.substring(0, excerpt) : message);
    }

    /** Stops reading at once: past these limits the rest of the document is not worth reading. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient String path;

        Refused(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }
    }
}
