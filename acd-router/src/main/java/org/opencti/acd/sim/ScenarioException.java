package org.opencti.acd.sim;

import java.util.List;

/** A scenario that cannot be simulated, with every problem found, each naming its path (e.g. {@code queues[1].name}). */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<String> problems;

    public ScenarioException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<String> problems) {
        StringBuilder sb = new StringBuilder(source).append(": ");
        if (problems.size() == 1) {
            return sb.append(problems.get(0)).toString();
        }
        sb.append(problems.size()).append(" problems:");
        for (String p : problems) {
            sb.append(System.lineSeparator()).append("  - ").append(p);
        }
        return sb.toString();
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
