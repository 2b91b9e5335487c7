package org.opencti.ivr.tree;

import java.util.List;

/** What a reload did: applied (the new trees are current) or refused (the old trees stay, with the problems). */
public record ReloadResult(boolean applied, String source, List<String> problems) {

    public ReloadResult {
        problems = List.copyOf(problems);
    }
}
