package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.ivr.tree.TreeYamlFixtures.problems;
import static org.opencti.ivr.tree.TreeYamlFixtures.tree;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field checks of the node types the validation tests do not reach. */
class NodeTypesTest {

    @Test
    void nodeFieldsAreChecked() {
        String nodes = """
                welcome:
                  type: collectDigits
                  prompts: {en: a, es: b}
                  minDigits: 8
                  maxDigits: 4
                  terminator: "x"
                  variable: 9lives
                  next: dip
                dip:
                  type: dataDip
                  lookup: orders
                  onFound: say
                  onNotFound: say
                say:
                  type: sayValue
                  variable: V
                  kind: colour
                  next: set
                set:
                  type: setData
                  values: {language: de, "bad name": x}
                  next: br
                br:
                  type: branch
                  conditions:
                    - {variable: A, equals: "1", in: ["2"], goTo: set}
                    - {variable: A, exists: maybe, goTo: set}
                  otherwise: end
                end:
                  type: hangup
                """;
        assertThat(problems(tree(nodes))).containsExactly(
                "trees.main.nodes.welcome.maxDigits: must be at least minDigits (8), got 4",
                "trees.main.nodes.welcome.terminator: must be one key of 0-9, * or #",
                "trees.main.nodes.welcome.variable: not a variable name (letters, digits and _): \"9lives\"",
                "trees.main.nodes.dip.lookup: must be one of caller, account, order, got \"orders\"",
                "trees.main.nodes.say.kind: must be one of number, digits, money, date, orderStatus, got \"colour\"",
                "trees.main.nodes.set.values[\"bad name\"]: not a variable name (letters, digits and _)",
                "trees.main.nodes.br.conditions[0]: needs exactly one of equals, in, exists",
                "trees.main.nodes.br.conditions[1].exists: must be true",
                "trees.main.nodes.set.values.language: unknown language \"de\" (the tree declares en, es)");
    }

    @Test
    void everyExitKindLoads() throws Exception {
        String nodes = """
                welcome:
                  type: accountCheck
                  prompts: {en: a, es: b}
                  accountVariable: ACCOUNT
                  pinVariable: PIN
                  onSuccess: callback
                  onFailure: mailbox
                callback:
                  type: callbackRequest
                  queue: support
                  next: bye
                mailbox:
                  type: voicemail
                  mailbox: support
                bye:
                  type: hangup
                """;
        MenuTree main = MenuTreeLoader.parse(tree(nodes), "t").tree("main").orElseThrow();
        assertThat(main.nodes().values()).containsExactly(
                new Node.AccountCheck("welcome", Map.of("en", "a", "es", "b"), "ACCOUNT", "PIN", 3, "callback", "mailbox"),
                new Node.CallbackRequest("callback", "support", "bye"),
                new Node.Voicemail("mailbox", "support"),
                new Node.Hangup("bye", Map.of()));
        assertThat(main.nodes().values().stream().filter(Node::isExit).map(Node::id).toList())
                .isEqualTo(List.of("callback", "mailbox", "bye"));
    }
}
