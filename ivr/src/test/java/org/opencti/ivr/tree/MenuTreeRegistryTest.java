package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencti.ivr.tree.TreeYamlFixtures.VALID_NODES;
import static org.opencti.ivr.tree.TreeYamlFixtures.tree;

import java.util.List;
import org.junit.jupiter.api.Test;

class MenuTreeRegistryTest {

    @Test
    void aValidReloadReplacesTheTrees() throws Exception {
        MenuTreeRegistry registry = new MenuTreeRegistry(MenuTrees.EMPTY);
        ReloadResult result = registry.reload(MenuTreeLoaderTest.sample(), "sample-menu.yaml");
        assertThat(result).isEqualTo(new ReloadResult(true, "sample-menu.yaml", List.of()));
        assertThat(registry.current().trees()).containsOnlyKeys("main");

        registry.reload(tree("support", VALID_NODES), "v2");
        assertThat(registry.current().trees()).containsOnlyKeys("support");
    }

    @Test
    void anInvalidReloadKeepsTheOldTreesAndReturnsTheProblems() throws Exception {
        MenuTrees good = MenuTreeLoader.parse(tree(VALID_NODES), "v1");
        MenuTreeRegistry registry = new MenuTreeRegistry(good);

        ReloadResult result = registry.reload(tree(VALID_NODES.replace("1: billing", "1: billingg")), "v2");

        assertThat(result.applied()).isFalse();
        assertThat(result.source()).isEqualTo("v2");
        assertThat(result.problems()).containsExactly(
                "trees.main.nodes.welcome.choices.1: unknown node \"billingg\" (did you mean \"billing\"?)",
                "trees.main.nodes.billing: unreachable from start \"welcome\"");
        assertThat(registry.current()).isSameAs(good);

        assertThat(registry.reload("trees: [", "v3").applied()).isFalse();
        assertThat(registry.current()).isSameAs(good);
    }
}
