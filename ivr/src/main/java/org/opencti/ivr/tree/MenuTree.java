package org.opencti.ivr.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named menu tree: the caller starts at {@code start}; {@code personExit} is the queue every caller reaches whenever
 * retries are exhausted or input is invalid. Nodes keep the order of the file.
 */
public record MenuTree(String name, List<String> languages, String defaultLanguage, String start, String personExit,
        Map<String, Node> nodes) {

    public MenuTree {
        languages = List.copyOf(languages);
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    public Node node(String id) {
        return nodes.get(id);
    }
}
