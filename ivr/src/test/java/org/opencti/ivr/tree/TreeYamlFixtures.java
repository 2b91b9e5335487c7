package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

/** Small trees for the tests: a valid main menu, and helpers to load one and read its problems. */
final class TreeYamlFixtures {

    static final String VALID_NODES = """
            welcome:
              type: menu
              prompts: {en: en/menu, es: es/menu}
              choices: {1: billing, 0: agent}
            billing:
              type: transferToQueue
              queue: billing
            agent:
              type: transferToQueue
              queue: support
            """;

    private TreeYamlFixtures() {
    }

    /** A tree named main (languages en, es; start welcome; person exit support) with these nodes. */
    static String tree(String nodes) {
        return tree("main", nodes);
    }

    static String tree(String name, String nodes) {
        return "trees:\n" + treeBody(name, nodes);
    }

    static String treeBody(String name, String nodes) {
        return "  " + name + ":\n"
                + "    languages: [en, es]\n"
                + "    defaultLanguage: en\n"
                + "    start: welcome\n"
                + "    personExit: support\n"
                + "    nodes:\n"
                + nodes.indent(6);
    }

    static List<String> problems(String yaml) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> MenuTreeLoader.parse(yaml, "test.yaml")).isInstanceOf(MenuTreeException.class)
                .satisfies(t -> thrown[0] = t);
        return ((MenuTreeException) thrown[0]).problems();
    }
}
