package org.opencti.pbxsim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The dialplan the simulator runs: the {@code extensions_cti.conf} our server ships (the build packages
 * {@code asterisk/extensions_cti.conf} as a resource of this class), parsed with the subset of
 * extensions.conf syntax it uses: {@code [context]},
 * {@code exten => pattern,priority(label),App(data)}, {@code same => n(label),App(data)}, {@code ;} comments
 * and a {@code [globals]} section. Values are expanded with {@link #expand} ({@code ${VAR}},
 * {@code ${FUNC(...)}}, {@code ${IF(c?a:b)}}, {@code $[a = b]}).
 */
final class Dialplan {
    /** The resource holding the shipped dialplan. */
    static final String SHIPPED = "extensions_cti.conf";

    /** One priority of an extension. */
    record Step(int priority, String label, String app, String data) {
    }

    /** The priorities of one extension (or pattern) of a context. */
    static final class Extension {
        final String pattern;
        final TreeMap<Integer, Step> steps = new TreeMap<>();
        final Map<String, Integer> labels = new LinkedHashMap<>();

        Extension(String pattern) {
            this.pattern = pattern;
        }
    }

    private final Map<String, Map<String, Extension>> contexts = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();

    private Dialplan() {
    }

    /** The shipped {@code extensions_cti.conf}. */
    static Dialplan shipped() {
        try (InputStream in = Dialplan.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SHIPPED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dialplan parse(String text) {
        Dialplan plan = new Dialplan();
        String context = null;
        Extension last = null;
        for (String raw : text.split("\n")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                context = line.substring(1, line.length() - 1).trim();
                last = null;
                continue;
            }
            if (context == null) {
                continue;
            }
            if ("globals".equals(context)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    plan.globals.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
                continue;
            }
            int arrow = line.indexOf("=>");
            if (arrow < 0) {
                continue;
            }
            String kind = line.substring(0, arrow).trim();
            String rest = line.substring(arrow + 2).trim();
            if ("exten".equals(kind)) {
                int comma = rest.indexOf(',');
                String pattern = rest.substring(0, comma).trim();
                last = plan.contexts.computeIfAbsent(context, c -> new LinkedHashMap<>())
                    .computeIfAbsent(pattern, Extension::new);
                addStep(last, rest.substring(comma + 1));
            } else if ("same".equals(kind) && last != null) {
                addStep(last, rest);
            }
        }
        return plan;
    }

    private static void addStep(Extension ext, String spec) {
        int comma = spec.indexOf(',');
        String prio = spec.substring(0, comma).trim();
        String call = spec.substring(comma + 1).trim();
        String label = null;
        int paren = prio.indexOf('(');
        if (paren >= 0) {
            label = prio.substring(paren + 1, prio.indexOf(')', paren));
            prio = prio.substring(0, paren);
        }
        int number = "n".equals(prio) ? (ext.steps.isEmpty() ? 1 : ext.steps.lastKey() + 1) : Integer.parseInt(prio);
        int open = call.indexOf('(');
        String app = open < 0 ? call : call.substring(0, open).trim();
        String data = open < 0 ? "" : call.substring(open + 1, call.lastIndexOf(')'));
        ext.steps.put(number, new Step(number, label, app, data));
        if (label != null) {
            ext.labels.put(label, number);
        }
    }

    private static String stripComment(String line) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                sb.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    boolean hasContext(String context) {
        return contexts.containsKey(context);
    }

    Map<String, String> globals() {
        return Collections.unmodifiableMap(globals);
    }

    /** The extension of {@code context} that {@code exten} runs: an exact match first, then patterns. */
    Extension find(String context, String exten) {
        Map<String, Extension> extens = contexts.get(context);
        if (extens == null || exten == null) {
            return null;
        }
        Extension exact = extens.get(exten);
        if (exact != null) {
            return exact;
        }
        for (Extension e : extens.values()) {
            if (e.pattern.startsWith("_") && matches(e.pattern, exten)) {
                return e;
            }
        }
        return null;
    }

    /** Whether Asterisk pattern {@code pattern} ({@code _X.}) matches {@code exten}. */
    static boolean matches(String pattern, String exten) {
        if (!pattern.startsWith("_")) {
            return pattern.equals(exten);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> re.append("[0-9]");
                case 'Z' -> re.append("[1-9]");
                case 'N' -> re.append("[2-9]");
                case '.' -> re.append(".+");
                case '!' -> re.append(".*");
                case '[' -> {
                    int close = pattern.indexOf(']', i);
                    re.append('[').append(pattern, i + 1, close).append(']');
                    i = close;
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return exten.matches(re.toString());
    }

    /** Expands {@code ${...}} and {@code $[...]} in {@code template}; {@code lookup} resolves names. */
    static String expand(String template, Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("${", i) || template.startsWith("$[", i)) {
                boolean variable = template.charAt(i + 1) == '{';
                int end = closing(template, i + 2, variable ? '{' : '[', variable ? '}' : ']');
                if (end < 0) {
                    out.append(template.substring(i));
                    break;
                }
                String inner = expand(template.substring(i + 2, end), lookup);
                out.append(variable ? resolve(inner, lookup) : evaluate(inner));
                i = end + 1;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int closing(String s, int from, char open, char close) {
        int depth = 1;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String resolve(String name, Function<String, String> lookup) {
        if (name.startsWith("IF(") && name.endsWith(")")) {
            String body = name.substring(3, name.length() - 1);
            int q = body.indexOf('?');
            String cond = q < 0 ? body : body.substring(0, q);
            String branches = q < 0 ? "" : body.substring(q + 1);
            int colon = branches.indexOf(':');
            String yes = colon < 0 ? branches : branches.substring(0, colon);
            String no = colon < 0 ? "" : branches.substring(colon + 1);
            return truthy(cond) ? yes : no;
        }
        String value = lookup.apply(name);
        return value == null ? "" : value;
    }

    /** {@code $[...]}: {@code a = b}, {@code a == b}, {@code a != b} (quotes ignored), else the value itself. */
    static String evaluate(String expr) {
        String e = expr.trim();
        int ne = e.indexOf("!=");
        if (ne >= 0) {
            return unquote(e.substring(0, ne)).equals(unquote(e.substring(ne + 2))) ? "0" : "1";
        }
        int eq = e.indexOf('=');
        if (eq >= 0) {
            int skip = e.startsWith("==", eq) ? 2 : 1;
            return unquote(e.substring(0, eq)).equals(unquote(e.substring(eq + skip))) ? "1" : "0";
        }
        return unquote(e);
    }

    private static String unquote(String s) {
        String t = s.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    /** Dialplan truth: not empty and not {@code 0}. */
    static boolean truthy(String value) {
        String v = value == null ? "" : value.trim();
        return !v.isEmpty() && !"0".equals(v);
    }
}
