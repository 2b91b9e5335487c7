package org.opencti.config;

import java.util.Set;
import java.util.regex.Pattern;

/** The one rule for names of skills, queues, teams, tiers and calendars, and agent ids. */
final class Names {

    /** Names end up in Redis keys, metrics labels and URLs, so they stay plain. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    /** A required, well-formed name that is not in {@code seen} yet; reports and returns null otherwise. */
    static String unique(Section section, String key, Set<String> seen, String what, Problems problems) {
        String name = section.required(key);
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(section.pathOf(key), Secrets.quote(name) + " is not a valid " + what
                    + " (letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64)");
            return name;
        }
        if (!seen.add(name)) {
            problems.add(section.pathOf(key), "duplicate " + what + " " + Secrets.quote(name));
        }
        return name;
    }
}
