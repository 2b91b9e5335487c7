package org.opencti.ivr.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads menu trees from YAML ({@code trees: {name: {languages, defaultLanguage, start, personExit, nodes}}}) and validates
 * them with {@link TreeValidator}; a file with any problem loads nothing. See {@code sample-menu.yaml}.
 */
public final class MenuTreeLoader {

    /** 1 MiB: a menu tree is a few kilobytes. */
    public static final int MAX_BYTES = 1 << 20;

    private MenuTreeLoader() {
    }

    public static MenuTrees parse(String yaml, String source) throws MenuTreeException {
        Result result = check(yaml);
        if (!result.problems().isEmpty()) {
            throw new MenuTreeException(source, result.problems());
        }
        return result.trees();
    }

    public static MenuTrees load(Path path) throws MenuTreeException {
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new MenuTreeException(path.toString(), List.of("larger than " + MAX_BYTES + " bytes"));
            }
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new MenuTreeException(path.toString(), List.of("cannot read: " + e.getClass().getSimpleName()));
        }
    }

    /** The trees (null when there are problems) and every problem found. */
    record Result(MenuTrees trees, List<String> problems) {
    }

    static Result check(String yaml) {
        TreeProblems problems = new TreeProblems();
        if (yaml.length() > MAX_BYTES || yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("", "larger than " + MAX_BYTES + " bytes");
            return new Result(null, problems.list());
        }
        ObjectNode root = TreeYaml.read(yaml, problems);
        if (root == null) {
            return new Result(null, problems.list());
        }
        Fields top = new Fields(root, "", problems);
        ObjectNode treesNode = top.mapping("trees");
        top.finish();
        Map<String, MenuTree> trees = new LinkedHashMap<>();
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        if (treesNode != null) {
            if (treesNode.isEmpty()) {
                problems.add("trees", "needs at least one tree");
            }
            treesNode.fields().forEachRemaining(entry -> {
                String path = TreeProblems.child("trees", entry.getKey());
                if (entry.getValue().isObject()) {
                    Set<String> ids = new LinkedHashSet<>();
                    declared.put(entry.getKey(), ids);
                    trees.put(entry.getKey(), tree(entry.getKey(), (ObjectNode) entry.getValue(), path, ids, problems));
                } else {
                    problems.add(path, "must be a mapping with languages, defaultLanguage, start, personExit and nodes");
                }
            });
        }
        MenuTrees result = new MenuTrees(trees);
        TreeValidator.validate(result, declared, problems);
        return problems.isEmpty() ? new Result(result, List.of()) : new Result(null, problems.list());
    }

    private static MenuTree tree(String name, ObjectNode object, String path, Set<String> declared, TreeProblems problems) {
        Fields f = new Fields(object, path, problems);
        List<String> languages = f.textList("languages", true);
        if (languages.isEmpty() && f.raw("languages") != null) {
            problems.add(f.path("languages"), "needs at least one language");
        }
        String defaultLanguage = f.text("defaultLanguage");
        String start = f.text("start");
        String personExit = f.text("personExit");
        ObjectNode nodesNode = f.mapping("nodes");
        f.finish();
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (nodesNode != null) {
            nodesNode.fields().forEachRemaining(entry -> {
                String nodePath = TreeProblems.child(f.path("nodes"), entry.getKey());
                JsonNode value = entry.getValue();
                declared.add(entry.getKey());
                if (Node.RETURN.equals(entry.getKey())) {
                    problems.add(nodePath, "\"" + Node.RETURN + "\" is reserved (it leaves a sub-menu); choose another id");
                } else if (!value.isObject()) {
                    problems.add(nodePath, "must be a mapping with a type");
                } else {
                    Node node = NodeBinder.bind(entry.getKey(), (ObjectNode) value, nodePath, problems);
                    if (node != null) {
                        nodes.put(entry.getKey(), node);
                    }
                }
            });
        }
        return new MenuTree(name, languages, defaultLanguage, start, personExit, nodes);
    }
}
