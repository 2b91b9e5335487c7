package org.opencti.ivr.tree;

import java.util.List;
import java.util.Objects;

/**
 * The menu trees in use. A reload swaps in the new set only when it validates: a bad file never replaces a good one, and
 * a call already in a tree keeps the {@link MenuTrees} it started with (sets are immutable).
 */
public final class MenuTreeRegistry {

    private volatile MenuTrees current;

    public MenuTreeRegistry(MenuTrees initial) {
        this.current = Objects.requireNonNull(initial, "initial");
    }

    public MenuTrees current() {
        return current;
    }

    /** Validates the YAML; if it is clean the new trees become current, otherwise the old stay and the problems are returned. */
    public ReloadResult reload(String yaml, String source) {
        MenuTreeLoader.Result result = MenuTreeLoader.check(yaml);
        if (!result.problems().isEmpty()) {
            return new ReloadResult(false, source, result.problems());
        }
        current = result.trees();
        return new ReloadResult(true, source, List.of());
    }
}
