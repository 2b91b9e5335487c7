package org.opencti.ivr.tree;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns one node's YAML mapping into a {@link Node}, checking what can be checked without the rest of the tree. */
final class NodeBinder {

    static final Set<String> TYPES = Set.of("prompt", "menu", "collectDigits", "accountCheck", "dataDip", "sayValue",
            "setData", "branch", "businessHours", "languageChoice", "transferToQueue", "callbackRequest", "voicemail",
            "hangup", "subMenu");
    static final int MAX_RETRIES = 5;
    private static final Pattern DIGIT = Pattern.compile("[0-9*#]");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final int MIN_TIMEOUT_MS = 1000;
    private static final int MAX_TIMEOUT_MS = 60_000;

    private NodeBinder() {
    }

    static Node bind(String id, ObjectNode object, String path, TreeProblems problems) {
        Fields f = new Fields(object, path, problems);
        String type = f.text("type");
        if (type == null) {
            return null;
        }
        if (!TYPES.contains(type)) {
            problems.add(f.path("type"), TreeProblems.unknown("node type", type, TYPES.stream().sorted().toList()));
            return null;
        }
        Node node = switch (type) {
            case "prompt" -> new Node.Prompt(id, f.textMap("prompts", true), f.text("next"));
            case "menu" -> new Node.Menu(id, f.textMap("prompts", true), digits(f, "choices"), retries(f),
                    timeout(f), f.optionalText("onInvalid"), f.optionalText("onTimeout"));
            case "collectDigits" -> collectDigits(id, f, problems);
            case "accountCheck" -> new Node.AccountCheck(id, f.textMap("prompts", true), variable(f, "accountVariable"),
                    variable(f, "pinVariable"), f.integer("maxAttempts", 3, 1, MAX_RETRIES), f.text("onSuccess"), f.text("onFailure"));
            case "dataDip" -> new Node.DataDip(id, choice(f, "lookup", Node.Lookup.class), f.text("onFound"), f.text("onNotFound"));
            case "sayValue" -> new Node.SayValue(id, f.textMap("prompts", false), variable(f, "variable"),
                    choice(f, "kind", Node.ValueKind.class), f.text("next"));
            case "setData" -> setData(id, f, problems);
            case "branch" -> branch(id, f, problems);
            case "businessHours" -> new Node.BusinessHours(id, f.text("calendar"), f.text("open"), f.text("closed"));
            case "languageChoice" -> new Node.LanguageChoice(id, f.textMap("prompts", true), digits(f, "choices"), retries(f),
                    f.text("next"));
            case "transferToQueue" -> new Node.TransferToQueue(id, f.text("queue"));
            case "callbackRequest" -> new Node.CallbackRequest(id, f.text("queue"), f.text("next"));
            case "voicemail" -> new Node.Voicemail(id, f.text("mailbox"));
            case "hangup" -> new Node.Hangup(id, f.textMap("prompts", false));
            case "subMenu" -> new Node.SubMenu(id, f.text("tree"), f.text("next"));
            default -> throw new IllegalStateException("type " + type);
        };
        f.finish();
        return node;
    }

    private static int retries(Fields f) {
        return f.integer("retries", 3, 0, MAX_RETRIES);
    }

    private static int timeout(Fields f) {
        return f.integer("timeoutMs", 5000, MIN_TIMEOUT_MS, MAX_TIMEOUT_MS);
    }

    private static Map<String, String> digits(Fields f, String key) {
        Map<String, String> choices = f.textMap(key, true);
        choices.keySet().removeIf(digit -> {
            if (DIGIT.matcher(digit).matches()) {
                return false;
            }
            f.problemsAt(TreeProblems.child(f.path(key), digit), "a choice must be one key of 0-9, * or #");
            return true;
        });
        if (choices.isEmpty() && f.raw(key) != null && f.raw(key).isObject() && f.raw(key).isEmpty()) {
            f.problemsAt(f.path(key), "needs at least one choice");
        }
        return choices;
    }

    private static String variable(Fields f, String key) {
        String name = f.text(key);
        if (name != null && !VARIABLE.matcher(name).matches()) {
            f.problemsAt(f.path(key), "not a variable name (letters, digits and _): \"" + name + "\"");
        }
        return name;
    }

    private static <E extends Enum<E>> E choice(Fields f, String key, Class<E> type) {
        String text = f.text(key);
        if (text == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String name = camel(constant.name());
            names.add(name);
            if (name.equals(text)) {
                return constant;
            }
        }
        f.problemsAt(f.path(key), "must be one of " + String.join(", ", names) + ", got \"" + text + "\"");
        return null;
    }

    /** ORDER_STATUS reads as orderStatus in YAML. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    private static Node collectDigits(String id, Fields f, TreeProblems problems) {
        int min = f.integer("minDigits", 1, 1, 32);
        int max = f.integer("maxDigits", min, 1, 32);
        if (min > max) {
            problems.add(f.path("maxDigits"), "must be at least minDigits (" + min + "), got " + max);
        }
        String terminator = f.optionalText("terminator");
        if (terminator != null && !DIGIT.matcher(terminator).matches()) {
            problems.add(f.path("terminator"), "must be one key of 0-9, * or #");
        }
        return new Node.CollectDigits(id, f.textMap("prompts", true), min, max, terminator == null ? "" : terminator, timeout(f),
                retries(f), variable(f, "variable"), f.text("next"));
    }

    private static Node setData(String id, Fields f, TreeProblems problems) {
        Map<String, String> values = f.textMap("values", true);
        for (String name : values.keySet()) {
            if (!VARIABLE.matcher(name).matches()) {
                problems.add(TreeProblems.child(f.path("values"), name), "not a variable name (letters, digits and _)");
            }
        }
        return new Node.SetData(id, values, f.text("next"));
    }

    private static Node branch(String id, Fields f, TreeProblems problems) {
        JsonNode list = f.raw("conditions");
        List<Node.Condition> conditions = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(f.path("conditions"), "must be a non-empty list of {variable, equals|in|exists, goTo}");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String itemPath = f.path("conditions") + "[" + i + "]";
                if (!list.get(i).isObject()) {
                    problems.add(itemPath, "must be a mapping {variable, equals|in|exists, goTo}");
                    continue;
                }
                Node.Condition condition = condition(new Fields((ObjectNode) list.get(i), itemPath, problems), itemPath, problems);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        return new Node.Branch(id, conditions, f.text("otherwise"));
    }

    private static Node.Condition condition(Fields c, String path, TreeProblems problems) {
        String variable = variable(c, "variable");
        String goTo = c.text("goTo");
        JsonNode equals = c.raw("equals");
        JsonNode in = c.raw("in");
        JsonNode exists = c.raw("exists");
        int tests = (equals == null ? 0 : 1) + (in == null ? 0 : 1) + (exists == null ? 0 : 1);
        Node.Condition condition = null;
        if (tests != 1) {
            problems.add(path, "needs exactly one of equals, in, exists");
        } else if (equals != null) {
            String value = c.text("equals");
            condition = value == null ? null : new Node.Condition(variable, Node.Operator.EQUALS, List.of(value), goTo);
        } else if (in != null) {
            List<String> values = c.textList("in", true);
            condition = new Node.Condition(variable, Node.Operator.IN, values, goTo);
        } else if (!"true".equals(exists.asText())) {
            problems.add(TreeProblems.child(path, "exists"), "must be true");
        } else {
            condition = new Node.Condition(variable, Node.Operator.EXISTS, List.of(), goTo);
        }
        c.finish();
        return variable == null || goTo == null ? null : condition;
    }
}
