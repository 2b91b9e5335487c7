package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencti.ivr.tree.TreeYamlFixtures.VALID_NODES;
import static org.opencti.ivr.tree.TreeYamlFixtures.problems;
import static org.opencti.ivr.tree.TreeYamlFixtures.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MenuTreeLoaderTest {

    static String sample() throws IOException {
        try (InputStream in = MenuTreeLoader.class.getResourceAsStream("sample-menu.yaml")) {
            assertThat(in).as("sample-menu.yaml on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSampleLoadsClean() throws Exception {
        MenuTrees trees = MenuTreeLoader.parse(sample(), "sample-menu.yaml");
        MenuTree main = trees.tree("main").orElseThrow();
        assertThat(main.languages()).containsExactly("en", "es");
        assertThat(main.start()).isEqualTo("identify");
        assertThat(main.personExit()).isEqualTo("support");
        assertThat(((Node.Menu) main.node("welcome")).choices())
                .containsExactly(Map.entry("1", "billingIntent"), Map.entry("2", "orderIntent"), Map.entry("3", "language"),
                        Map.entry("0", "agent"));
        assertThat(main.node("billingAccount")).isInstanceOf(Node.AccountCheck.class);
        assertThat(main.node("sayStatus")).isEqualTo(new Node.SayValue("sayStatus",
                Map.of("en", "en/your-order-is", "es", "es/your-order-is"), "ORDER_STATUS", Node.ValueKind.ORDER_STATUS, "offerAgent"));
        assertThat(main.node("orderNumber")).isEqualTo(new Node.CollectDigits("orderNumber",
                Map.of("en", "en/enter-order-number", "es", "es/enter-order-number"), 6, 10, "#", 8000, 3, "ORDER_NUMBER", "orderLookup"));
        assertThat(((Node.Branch) main.node("vipCheck")).conditions())
                .containsExactly(new Node.Condition("CTI_VIP", Node.Operator.EQUALS, List.of("true"), "vipAgent"));
    }

    @Test
    void theMenuDefaults() throws Exception {
        Node.Menu menu = (Node.Menu) MenuTreeLoader.parse(tree(VALID_NODES), "t").tree("main").orElseThrow().node("welcome");
        assertThat(menu).isEqualTo(new Node.Menu("welcome", Map.of("en", "en/menu", "es", "es/menu"),
                Map.of("1", "billing", "0", "agent"), 3, 5000, null, null));
        assertThat(menu.hasImplicitPersonExit()).isTrue();
    }

    @Test
    void loadReadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("menu.yaml");
        Files.writeString(good, tree(VALID_NODES));
        assertThat(MenuTreeLoader.load(good).trees()).containsOnlyKeys("main");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, tree(VALID_NODES.replace("0: agent", "0: agnt")));
        assertThatThrownBy(() -> MenuTreeLoader.load(bad)).isInstanceOf(MenuTreeException.class)
                .hasMessageStartingWith(bad + ": 2 problems")
                .hasMessageContaining("trees.main.nodes.welcome.choices.0: unknown node \"agnt\" (did you mean \"agent\"?)");
        assertThatThrownBy(() -> MenuTreeLoader.load(dir.resolve("missing.yaml"))).isInstanceOf(MenuTreeException.class)
                .hasMessageContaining("cannot read: NoSuchFileException");
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        String huge = "# " + "x".repeat(MenuTreeLoader.MAX_BYTES) + "\n" + tree(VALID_NODES);
        assertThat(problems(huge)).containsExactly("larger than 1048576 bytes");
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, huge);
        assertThatThrownBy(() -> MenuTreeLoader.load(file)).isInstanceOf(MenuTreeException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void anAliasBombIsRefused() {
        String bomb = """
                a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
                b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                trees: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                """;
        assertThat(problems(bomb)).containsExactly("b[0]: line 2, column 8: YAML aliases (*a) are not allowed in menu trees");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "trees: " + "[".repeat(40) + "]".repeat(40) + "\n";
        assertThat(problems(deep)).singleElement().asString().contains("nested deeper than");
    }

    @Test
    void syntaxErrorsAndEmptyFiles() {
        assertThat(problems("")).containsExactly("the file is empty");
        assertThat(problems("trees: [\n")).singleElement().asString().startsWith("line ");
        assertThat(problems("- a\n")).containsExactly("the top level must be a mapping with trees:");
        assertThat(problems("trees: {}\n")).containsExactly("trees: needs at least one tree");
        assertThat(problems("other: 1\n")).containsExactly("trees: missing", "other: unknown key (expected one of: trees)");
    }

    @Test
    void missingTreeFieldsAreNamed() {
        assertThat(problems("trees:\n  main:\n    languages: [en]\n    nodes: {}\n")).containsExactly(
                "trees.main.defaultLanguage: missing", "trees.main.start: missing", "trees.main.personExit: missing");
    }
}
