package org.opencti.acd;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The desk phones agents may log in at: extensions matching a pattern or in a list, and the dial string that rings one
 * ({@value #PLACEHOLDER} replaced by the extension). {@link #NONE}: agents use their own configured phone only.
 */
public record ExtensionPlan(Pattern pattern, Set<String> listed, String dialString) {
    public static final String PLACEHOLDER = "{extension}";
    /** Whatever the plan allows, an extension is this: it goes into a dial string, so no separators, no dialplan syntax. */
    private static final Pattern SYNTAX = Pattern.compile("[0-9A-Za-z]{1,20}");
    public static final ExtensionPlan NONE = new ExtensionPlan(null, Set.of(), null);

    public ExtensionPlan {
        listed = listed == null ? Set.of() : Set.copyOf(listed);
        if (dialString != null && !dialString.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("the extension dial string \"" + dialString + "\" lacks " + PLACEHOLDER);
        }
    }

    public static ExtensionPlan byPattern(String regex, String dialString) {
        return new ExtensionPlan(Pattern.compile(Objects.requireNonNull(regex, "regex")), Set.of(), dialString);
    }

    public static ExtensionPlan byList(Set<String> extensions, String dialString) {
        return new ExtensionPlan(null, extensions, dialString);
    }

    /** Whether agents may log in at a desk extension at all. */
    public boolean enabled() {
        return dialString != null && (pattern != null || !listed.isEmpty());
    }

    /** The extension as given, or a refusal naming the field {@code extension} and what is allowed. */
    public String check(String extension) {
        if (!enabled()) {
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "extension", "this centre has no desk extensions: log in without one");
        }
        boolean allowed = extension != null && SYNTAX.matcher(extension).matches()
            && (pattern != null ? pattern.matcher(extension).matches() : listed.contains(extension));
        if (!allowed) {
            String shown = extension == null ? "nothing" : "\"" + (extension.length() > 20 ? extension.substring(0, 20) + "..." : extension)
                + "\"";
            throw new DeskRefusal(DeskRefusal.Kind.INVALID, "extension", shown + " is not a desk extension here ("
                + (pattern != null ? "they match " + pattern.pattern() : "one of " + new TreeSet<>(listed)) + ")");
        }
        return extension;
    }

    /** The dial string that rings {@code extension} (checked first). */
    public String dialString(String extension) {
        return dialString.replace(PLACEHOLDER, check(extension));
    }
}
