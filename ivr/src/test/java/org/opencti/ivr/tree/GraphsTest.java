package org.opencti.ivr.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GraphsTest {

    @Test
    void cyclesAreTheComponentsWithMoreThanOneVertexOrASelfLoop() {
        Map<String, List<String>> edges = Map.of("a", List.of("b"), "b", List.of("c", "a"), "c", List.of("c", "d"),
                "d", List.of(), "e", List.of("outside"));
        List<Set<String>> cycles = Graphs.cycles(List.of("a", "b", "c", "d", "e"), edges::get);
        assertThat(cycles).containsExactlyInAnyOrder(Set.of("a", "b"), Set.of("c"));
        assertThat(Graphs.reachable("b", edges::get)).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        int n = 200_000;
        List<String> vertices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vertices.add("n" + i);
        }
        Function<String, Collection<String>> next = v -> {
            int i = Integer.parseInt(v.substring(1));
            return List.of("n" + ((i + 1) % n));
        };
        assertThat(Graphs.cycles(vertices, next)).singleElement().satisfies(c -> assertThat(c).hasSize(n));
        assertThat(Graphs.reachable("n0", next)).hasSize(n);
    }
}
