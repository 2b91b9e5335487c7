package org.opencti.ivr.tree;

import java.util.List;

/** A menu-tree file that cannot be used, with every problem found (each names its tree and node). */
public final class MenuTreeException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public MenuTreeException(String source, List<String> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + System.lineSeparator()
                + "  - " + String.join(System.lineSeparator() + "  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
