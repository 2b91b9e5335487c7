package org.opencti.ivr.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A validated set of named trees; {@link Node.SubMenu} references resolve within the set. */
public record MenuTrees(Map<String, MenuTree> trees) {

    public static final MenuTrees EMPTY = new MenuTrees(Map.of());

    public MenuTrees {
        trees = Collections.unmodifiableMap(new LinkedHashMap<>(trees));
    }

    public Optional<MenuTree> tree(String name) {
        return Optional.ofNullable(trees.get(name));
    }
}
