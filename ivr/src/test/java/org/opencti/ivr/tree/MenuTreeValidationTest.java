package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.ivr.tree.TreeYamlFixtures.VALID_NODES;
import static org.opencti.ivr.tree.TreeYamlFixtures.problems;
import static org.opencti.ivr.tree.TreeYamlFixtures.tree;
import static org.opencti.ivr.tree.TreeYamlFixtures.treeBody;

import org.junit.jupiter.api.Test;

/** One test per validation rule, each with the exact message. */
class MenuTreeValidationTest {

    private static final String AGENT = """
            agent:
              type: transferToQueue
              queue: support
            """;

    @Test
    void unknownNodeReferenceSuggestsTheClosestName() {
        assertThat(problems(tree(VALID_NODES.replace("0: agent", "0: agent, 7: billingg")))).containsExactly(
                "trees.main.nodes.welcome.choices.7: unknown node \"billingg\" (did you mean \"billing\"?)");
    }

    @Test
    void unknownStartNode() {
        assertThat(problems(tree(VALID_NODES).replace("start: welcome", "start: nowhere")))
                .containsExactly("trees.main.start: unknown node \"nowhere\"");
    }

    @Test
    void unreachableNode() {
        assertThat(problems(tree(VALID_NODES + "orphan:\n  type: hangup\n")))
                .containsExactly("trees.main.nodes.orphan: unreachable from start \"welcome\"");
    }

    @Test
    void loopWithNoExitIsRefused() {
        String nodes = """
                welcome:
                  type: prompt
                  prompts: {en: en/hi, es: es/hi}
                  next: data
                data:
                  type: setData
                  values: {intent: sales}
                  next: welcome
                """;
        assertThat(problems(tree(nodes))).containsExactly("trees.main.nodes.welcome: loop with no exit through welcome, data"
                + " (add a menu, a transfer, or a reference that leaves the loop)");
    }

    @Test
    void aNodeThatLeadsToItselfIsALoop() {
        String nodes = """
                welcome:
                  type: businessHours
                  calendar: support
                  open: welcome
                  closed: welcome
                """;
        assertThat(problems(tree(nodes))).containsExactly("trees.main.nodes.welcome: loop with no exit through welcome"
                + " (add a menu, a transfer, or a reference that leaves the loop)");
    }

    @Test
    void aLoopThroughAMenuHasThePersonExitAndALoopWithABranchOutIsFine() throws Exception {
        String nodes = """
                welcome:
                  type: menu
                  prompts: {en: en/menu, es: es/menu}
                  choices: {1: again}
                again:
                  type: prompt
                  prompts: {en: en/again, es: es/again}
                  next: check
                check:
                  type: branch
                  conditions:
                    - {variable: TRIES, in: ["3", "4"], goTo: agent}
                  otherwise: check2
                check2:
                  type: dataDip
                  lookup: caller
                  onFound: again
                  onNotFound: welcome
                """ + AGENT;
        assertThat(MenuTreeLoader.parse(tree(nodes), "t").tree("main")).isPresent();
    }

    @Test
    void duplicateMenuKeysAreReportedWithTheirLine() {
        String nodes = """
                welcome:
                  type: menu
                  prompts: {en: en/menu, es: es/menu}
                  choices:
                    1: billing
                    1: agent
                    0: agent
                """ + VALID_NODES.substring(VALID_NODES.indexOf("billing:"));
        assertThat(problems(tree(nodes)))
                .containsExactly("trees.main.nodes.welcome.choices.1: duplicate key (line 13, column 11)");
    }

    @Test
    void choicesMustBeOneKey() {
        assertThat(problems(tree(VALID_NODES.replace("0: agent", "12: agent, x: agent")))).containsExactly(
                "trees.main.nodes.welcome.choices.12: a choice must be one key of 0-9, * or #",
                "trees.main.nodes.welcome.choices.x: a choice must be one key of 0-9, * or #",
                "trees.main.nodes.agent: unreachable from start \"welcome\"");
    }

    @Test
    void starAndHashAreKeys() throws Exception {
        MenuTrees trees = MenuTreeLoader.parse(tree(VALID_NODES.replace("0: agent", "\"*\": agent, \"#\": billing")), "t");
        assertThat(((Node.Menu) trees.trees().get("main").node("welcome")).choices()).containsOnlyKeys("1", "*", "#");
    }

    @Test
    void missingPromptForADeclaredLanguage() {
        assertThat(problems(tree(VALID_NODES.replace("{en: en/menu, es: es/menu}", "{en: en/menu}"))))
                .containsExactly("trees.main.nodes.welcome.prompts: missing prompt for language \"es\"");
    }

    @Test
    void promptInAnUndeclaredLanguage() {
        assertThat(problems(tree(VALID_NODES.replace("es: es/menu}", "es: es/menu, fr: fr/menu}"))))
                .containsExactly("trees.main.nodes.welcome.prompts.fr: unknown language \"fr\" (the tree declares en, es)");
    }

    @Test
    void unknownSubMenuTree() {
        String nodes = """
                welcome:
                  type: subMenu
                  tree: suport
                  next: agent
                """ + AGENT;
        String yaml = tree(nodes) + treeBody("support", "welcome:\n  type: hangup\n");
        assertThat(problems(yaml)).containsExactly("trees.main.nodes.welcome.tree: unknown tree \"suport\" (did you mean \"support\"?)");
    }

    @Test
    void subMenuRecursionBetweenTrees() {
        String main = "welcome:\n  type: subMenu\n  tree: orders\n  next: agent\n" + AGENT;
        String orders = "welcome:\n  type: subMenu\n  tree: main\n  next: return\n";
        assertThat(problems(tree(main) + treeBody("orders", orders))).containsExactly(
                "trees.main.nodes.welcome.tree: sub-menu recursion between trees main, orders"
                        + " (a tree cannot run itself, directly or through others)");
    }

    @Test
    void subMenuThatReturnsLoadsClean() throws Exception {
        String main = "welcome:\n  type: subMenu\n  tree: orders\n  next: agent\n" + AGENT;
        String orders = "welcome:\n  type: prompt\n  prompts: {en: a, es: b}\n  next: return\n";
        MenuTrees trees = MenuTreeLoader.parse(tree(main) + treeBody("orders", orders), "t");
        assertThat(trees.trees()).containsOnlyKeys("main", "orders");
    }

    @Test
    void unknownLanguageInLanguageChoice() {
        String nodes = """
                welcome:
                  type: languageChoice
                  prompts: {en: en/lang, es: es/lang}
                  choices: {1: en, 2: de}
                  next: agent
                """ + AGENT;
        assertThat(problems(tree(nodes)))
                .containsExactly("trees.main.nodes.welcome.choices.2: unknown language \"de\" (the tree declares en, es)");
    }

    @Test
    void retriesOutOfRange() {
        assertThat(problems(tree(VALID_NODES.replace("choices:", "retries: 9\n  choices:"))))
                .containsExactly("trees.main.nodes.welcome.retries: must be between 0 and 5, got 9");
    }

    @Test
    void unknownKeysAndTypes() {
        String nodes = VALID_NODES.replace("choices:", "retry: 2\n  choices:").replace("queue: billing", "queue: billing\n  colour: red")
                .replace("type: transferToQueue\n  queue: support", "type: transferToQueu\n  queue: support");
        assertThat(problems(tree(nodes))).containsExactly(
                "trees.main.nodes.welcome.retry: unknown key (expected one of: type, prompts, choices, retries, timeoutMs,"
                        + " onInvalid, onTimeout)",
                "trees.main.nodes.billing.colour: unknown key (expected one of: type, queue)",
                "trees.main.nodes.agent.type: unknown node type \"transferToQueu\" (did you mean \"transferToQueue\"?)");
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        String nodes = VALID_NODES.replace("{en: en/menu, es: es/menu}", "{en: en/menu}").replace("0: agent", "0: agnt")
                + "orphan:\n  type: voicemail\n  mailbox: m\n";
        assertThat(problems(tree(nodes))).containsExactly(
                "trees.main.nodes.welcome.prompts: missing prompt for language \"es\"",
                "trees.main.nodes.welcome.choices.0: unknown node \"agnt\" (did you mean \"agent\"?)",
                "trees.main.nodes.agent: unreachable from start \"welcome\"",
                "trees.main.nodes.orphan: unreachable from start \"welcome\"");
    }

    @Test
    void defaultLanguageMustBeDeclared() {
        assertThat(problems(tree(VALID_NODES).replace("defaultLanguage: en", "defaultLanguage: fr")))
                .containsExactly("trees.main.defaultLanguage: unknown language \"fr\" (the tree declares en, es)");
    }
}
