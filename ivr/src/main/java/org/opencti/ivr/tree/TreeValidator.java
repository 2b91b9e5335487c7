package org.opencti.ivr.tree;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that need a whole tree or the whole set, each problem named by tree and node.
 *
 * <p>Loops: a cycle of nodes (a strongly connected component of the tree's graph, or a node that leads to itself) has an
 * exit when at least one of its nodes
 * <ul>
 * <li>is an exit ({@link Node#isExit()}: transfer to a queue, callback request, voicemail, hang-up), or</li>
 * <li>waits for the caller with bounded retries and so has the implicit person exit (menu, collect digits, language
 * choice), or</li>
 * <li>has a reference leaving the cycle (including {@code return} out of a sub-menu), or</li>
 * <li>is a sub-menu whose tree contains an exit or an input node.</li>
 * </ul>
 * A cycle with none of these (prompts, set-data, data dips, branches, business hours, account checks leading only into one
 * another) would keep the caller forever and is refused.
 */
final class TreeValidator {

    private TreeValidator() {
    }

    static void validate(MenuTrees trees, Map<String, Set<String>> declared, TreeProblems problems) {
        trees.trees().forEach((name, tree) -> validate(trees, tree, declared.get(name), problems));
        subMenuRecursion(trees, problems);
    }

    private static void validate(MenuTrees trees, MenuTree tree, Set<String> declared, TreeProblems problems) {
        String path = TreeProblems.child("trees", tree.name());
        if (tree.defaultLanguage() != null && !tree.languages().isEmpty() && !tree.languages().contains(tree.defaultLanguage())) {
            problems.add(path + ".defaultLanguage", unknownLanguage(tree.defaultLanguage(), tree));
        }
        if (tree.start() != null && !declared.contains(tree.start())) {
            problems.add(path + ".start", TreeProblems.unknown("node", tree.start(), declared));
        }
        for (Node node : tree.nodes().values()) {
            String nodePath = TreeProblems.child(path + ".nodes", node.id());
            prompts(tree, node, nodePath, problems);
            node.references().forEach((where, target) -> {
                if (!Node.RETURN.equals(target) && !declared.contains(target)) {
                    problems.add(nodePath + "." + where, TreeProblems.unknown("node", target, declared));
                }
            });
            languages(tree, node, nodePath, problems);
            if (node instanceof Node.SubMenu sub && sub.tree() != null && !trees.trees().containsKey(sub.tree())) {
                problems.add(nodePath + ".tree", TreeProblems.unknown("tree", sub.tree(), trees.trees().keySet()));
            }
        }
        if (tree.start() != null && tree.nodes().containsKey(tree.start())) {
            Set<String> reached = Graphs.reachable(tree.start(), id -> targets(tree, id));
            for (String id : tree.nodes().keySet()) {
                if (!reached.contains(id)) {
                    problems.add(TreeProblems.child(path + ".nodes", id), "unreachable from start \"" + tree.start() + "\"");
                }
            }
        }
        for (Set<String> cycle : Graphs.cycles(tree.nodes().keySet(), id -> targets(tree, id))) {
            if (!hasExit(trees, tree, cycle)) {
                String first = tree.nodes().keySet().stream().filter(cycle::contains).findFirst().orElseThrow();
                String members = tree.nodes().keySet().stream().filter(cycle::contains).collect(Collectors.joining(", "));
                problems.add(TreeProblems.child(path + ".nodes", first), "loop with no exit through " + members
                        + " (add a menu, a transfer, or a reference that leaves the loop)");
            }
        }
    }

    /** References to nodes that exist (unknown ones are reported separately). */
    private static Collection<String> targets(MenuTree tree, String id) {
        return tree.node(id).references().values().stream().filter(tree.nodes()::containsKey).distinct().toList();
    }

    private static boolean hasExit(MenuTrees trees, MenuTree tree, Set<String> cycle) {
        for (String id : cycle) {
            Node node = tree.node(id);
            if (node.isExit() || node.hasImplicitPersonExit()) {
                return true;
            }
            for (String target : node.references().values()) {
                if (!cycle.contains(target)) {
                    return true;
                }
            }
            if (node instanceof Node.SubMenu sub && trees.tree(sub.tree()).map(TreeValidator::canLeave).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    private static boolean canLeave(MenuTree tree) {
        return tree.nodes().values().stream().anyMatch(n -> n.isExit() || n.hasImplicitPersonExit());
    }

    private static void prompts(MenuTree tree, Node node, String nodePath, TreeProblems problems) {
        Map<String, String> prompts = node.prompts();
        if (prompts.isEmpty()) {
            return;
        }
        for (String language : tree.languages()) {
            if (!prompts.containsKey(language)) {
                problems.add(nodePath + ".prompts", "missing prompt for language \"" + language + "\"");
            }
        }
        for (String language : prompts.keySet()) {
            if (!tree.languages().contains(language)) {
                problems.add(TreeProblems.child(nodePath + ".prompts", language), unknownLanguage(language, tree));
            }
        }
    }

    private static void languages(MenuTree tree, Node node, String nodePath, TreeProblems problems) {
        if (node instanceof Node.LanguageChoice choice) {
            choice.choices().forEach((digit, language) -> {
                if (!tree.languages().contains(language)) {
                    problems.add(TreeProblems.child(nodePath + ".choices", digit), unknownLanguage(language, tree));
                }
            });
        } else if (node instanceof Node.SetData set && set.values().containsKey("language")) {
            String language = set.values().get("language");
            if (!tree.languages().contains(language)) {
                problems.add(nodePath + ".values.language", unknownLanguage(language, tree));
            }
        }
    }

    private static String unknownLanguage(String language, MenuTree tree) {
        return "unknown language \"" + language + "\" (the tree declares " + String.join(", ", tree.languages()) + ")";
    }

    /** A tree that runs itself, directly or through others, would never end: refused, reported at the sub-menu node. */
    private static void subMenuRecursion(MenuTrees trees, TreeProblems problems) {
        for (Set<String> cycle : Graphs.cycles(trees.trees().keySet(), name -> calls(trees.trees().get(name)))) {
            List<String> names = new ArrayList<>();
            trees.trees().keySet().stream().filter(cycle::contains).forEach(names::add);
            MenuTree first = trees.trees().get(names.get(0));
            first.nodes().values().stream()
                    .filter(n -> n instanceof Node.SubMenu sub && cycle.contains(sub.tree()))
                    .findFirst()
                    .ifPresent(n -> problems.add(TreeProblems.child(TreeProblems.child("trees", first.name()) + ".nodes", n.id())
                            + ".tree", "sub-menu recursion between trees " + String.join(", ", names)
                            + " (a tree cannot run itself, directly or through others)"));
        }
    }

    private static Collection<String> calls(MenuTree tree) {
        return tree.nodes().values().stream().filter(n -> n instanceof Node.SubMenu sub && sub.tree() != null)
                .map(n -> ((Node.SubMenu) n).tree()).distinct().toList();
    }
}
