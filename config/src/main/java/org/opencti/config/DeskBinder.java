package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code desk:} section: desk extensions, manual dialing, scheduled callbacks. */
final class DeskBinder {
    static final List<String> DESK_KEYS = List.of("extensions", "manualDialing", "callbacks");
    static final List<String> EXTENSION_KEYS = List.of("pattern", "list", "dialString");
    static final List<String> CALLBACK_KEYS = List.of("graceSeconds");
    /** An extension that any sensible plan has, to try the dial string with. */
    private static final String SAMPLE_EXTENSION = "2101";

    private final Problems problems;

    private DeskBinder(Problems problems) {
        this.problems = problems;
    }

    static DeskDef bind(Section root, Problems problems) {
        return new DeskBinder(problems).desk(root.section("desk", DESK_KEYS));
    }

    private DeskDef desk(Section desk) {
        if (!desk.present()) {
            return DeskDef.DEFAULT;
        }
        Section ext = desk.section("extensions", EXTENSION_KEYS);
        String pattern = null;
        List<String> list = List.of();
        String dialString = null;
        if (ext.present()) {
            pattern = pattern(ext);
            list = list(ext);
            if (ext.get("pattern") != null && ext.get("list") != null) {
                problems.add(ext.path(), "give either pattern or list, not both");
            } else if (ext.get("pattern") == null && ext.get("list") == null) {
                problems.add(ext.path(), "give the desk extensions as a pattern (\"21[0-9]{2}\") or a list");
            }
            dialString = dialString(ext);
        }
        boolean manual = desk.bool("manualDialing", false);
        Section callbacks = desk.section("callbacks", CALLBACK_KEYS);
        int grace = callbacks.integer("graceSeconds", DeskDef.DEFAULT_CALLBACK_GRACE_SECONDS, 0, 86_400);
        return new DeskDef(pattern, list, dialString, manual, grace);
    }

    private String pattern(Section ext) {
        String pattern = ext.string("pattern", null);
        if (pattern == null) {
            return null;
        }
        try {
            Pattern.compile(pattern);
            return pattern;
        } catch (PatternSyntaxException e) {
            problems.add(ext.pathOf("pattern"), Secrets.quote(pattern) + " is not a regular expression: " + e.getDescription());
            return null;
        }
    }

    private List<String> list(Section ext) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> items = ext.list("list");
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(ext.pathOf("list"), i);
            JsonNode item = items.get(i);
            if (!item.isTextual() || !DeskDef.EXTENSION_SYNTAX.matcher(item.asText()).matches()) {
                problems.add(path, (item.isTextual() ? Secrets.quote(item.asText()) : Section.describe(item))
                    + " is not an extension (1 to 20 letters or digits)");
            } else if (!seen.add(item.asText())) {
                problems.add(path, "extension " + Secrets.quote(item.asText()) + " is listed twice");
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }

    private String dialString(Section ext) {
        String dial = ext.required("dialString");
        if (dial == null) {
            return null;
        }
        if (!dial.contains(DeskDef.EXTENSION_PLACEHOLDER)) {
            problems.add(ext.pathOf("dialString"), Secrets.quote(dial) + " must contain " + DeskDef.EXTENSION_PLACEHOLDER
                + " where the extension goes (PJSIP/{extension})");
            return null;
        }
        if (!ModelBinder.DIAL_STRING.matcher(dial.replace(DeskDef.EXTENSION_PLACEHOLDER, SAMPLE_EXTENSION)).matches()) {
            problems.add(ext.pathOf("dialString"), Secrets.quote(dial)
                + " is not an Asterisk dial string (like PJSIP/{extension} or Local/{extension}@agents)");
            return null;
        }
        return dial;
    }
}
