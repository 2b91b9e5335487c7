package org.opencti.config;

import java.util.List;

/**
 * The configuration could not be used. Lists every problem found, each prefixed with the path of the offending value
 * ({@code agents[1].team: unknown team "red"}). Never contains secret values.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Enough to act on; a file that breaks more rules than this is better fixed from the top. */
    private static final int MAX_LISTED = 50;

    private final String source;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** Where the configuration came from: a file path or a name given to {@link ConfigLoader#parse}. */
    public String source() {
        return source;
    }

    /** Every problem, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder out = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        problems.stream().limit(MAX_LISTED).forEach(p -> out.append("\n  - ").append(p));
        if (problems.size() > MAX_LISTED) {
            out.append("\n  ... and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return out.toString();
    }
}
