package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code asterisk.ami} (one box) or {@code asterisk.boxes} (several), and the agents' home boxes. A box's secret may come
 * from {@code CTI_AMI_SECRET_<BOX>} or {@code CTI_AMI_SECRET} (see {@link EnvOverrides#applyBoxSecrets}).
 */
final class BoxBinder {
    static final List<String> BOX_KEYS = List.of("name", "ami", "fastAgiAddress", "dialFromOtherBoxes");
    private static final Pattern FIELD = Pattern.compile("\\{[^{}]*}");
    private static final Pattern ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]{1,253})(?::([0-9]{1,5}))?");

    private final Problems problems;

    BoxBinder(Problems problems) {
        this.problems = problems;
    }

    /** The boxes, never empty: one named {@value AsteriskBox#DEFAULT_NAME} from {@code asterisk.ami} when there is no list. */
    List<AsteriskBox> boxes(Section asterisk, Function<Section, AmiConfig> ami) {
        if (asterisk.get("boxes") == null) {
            return List.of(AsteriskBox.only(ami.apply(asterisk.section("ami", ConfigBinder.AMI_KEYS))));
        }
        if (asterisk.get("ami") != null) {
            problems.add(asterisk.pathOf("ami"), "not together with asterisk.boxes: give each box its own ami (for one box, leave"
                + " boxes out)");
        }
        List<JsonNode> items = asterisk.list("boxes");
        if (items.isEmpty() && asterisk.get("boxes").isArray()) {
            problems.add(asterisk.pathOf("boxes"), "at least one box is required (or leave boxes out and write asterisk.ami)");
        }
        List<AsteriskBox> boxes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> addresses = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Section box = Section.of(items.get(i), Problems.item(asterisk.pathOf("boxes"), i), problems, BOX_KEYS);
            String name = Names.unique(box, "name", names, "box", problems);
            if (box.get("ami") == null) {
                problems.add(box.pathOf("ami"), "required: the box's AMI host, port, username and secret");
            } else if (name != null && box.get("ami").isObject() && box.get("ami").get("secret") == null) {
                // Nothing in the file, and neither CTI_AMI_SECRET_<BOX> nor CTI_AMI_SECRET set it.
                problems.add(Problems.child(box.pathOf("ami"), "secret"), "required: write secret: \"${" + secretVariable(name)
                    + "}\", or set the environment variable " + secretVariable(name) + " (or CTI_AMI_SECRET for every box)");
            }
            AmiConfig amiConfig = ami.apply(box.section("ami", ConfigBinder.AMI_KEYS));
            String address = address(box, i, addresses);
            String template = template(box, name != null && Names.NAME.matcher(name).matches() ? name : "b");
            boxes.add(new AsteriskBox(name == null ? "" : name, amiConfig, address, template));
        }
        return boxes;
    }

    /** {@code CTI_AMI_SECRET_PBX_B} for box {@code pbx-b}: upper case, anything but letters and digits as {@code _}. */
    static String secretVariable(String box) {
        return "CTI_AMI_SECRET_" + box.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private String address(Section box, int index, Map<String, String> seen) {
        String address = box.string("fastAgiAddress", null);
        if (address == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(address);
        String port = m.matches() ? m.group(2) : null;
        if (!m.matches() || port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)) {
            problems.add(box.pathOf("fastAgiAddress"), Secrets.quote(address) + " is not host or host:port (as in the box's"
                + " AGI(agi://host:port/ivr))");
            return null;
        }
        String normal = address.toLowerCase(Locale.ROOT);
        String other = seen.putIfAbsent(normal, "boxes[" + index + "]");
        if (other != null) {
            problems.add(box.pathOf("fastAgiAddress"), Secrets.quote(address) + " is also " + other
                + "'s: the node could not tell their IVR sessions apart");
        }
        return normal;
    }

    private String template(Section box, String name) {
        String template = box.string("dialFromOtherBoxes", null);
        if (template == null) {
            return null;
        }
        String path = box.pathOf("dialFromOtherBoxes");
        Matcher fields = FIELD.matcher(template);
        Set<String> unknown = new LinkedHashSet<>();
        while (fields.find()) {
            if (!AsteriskBox.TEMPLATE_FIELDS.contains(fields.group())) {
                unknown.add(fields.group());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(path, "unknown " + String.join(", ", unknown) + " (a template may use " + String.join(", ",
                AsteriskBox.TEMPLATE_FIELDS) + ")");
            return null;
        }
        if (!template.contains("{extension}") && !template.contains("{phone}")) {
            problems.add(path, Secrets.quote(template) + " names no phone: use {extension} or {phone}, like IAX2/{fromBox}-to-{box}"
                + "/{extension}");
            return null;
        }
        String sample = AsteriskBox.fill(template, "PJSIP/2001", name, "a");
        if (!ModelBinder.DIAL_STRING.matcher(sample).matches()) {
            problems.add(path, Secrets.quote(template) + " does not make a dial string (PJSIP/2001 would be dialled as "
                + Secrets.quote(sample) + ")");
            return null;
        }
        return template;
    }

    /**
     * Each agent's home box must be a box; with several boxes, one phone is on one box, and a box that is some agent's
     * home must say how the other boxes ring its phones.
     */
    void checkAgents(Section root, List<AgentDef> agents, List<AsteriskBox> boxes) {
        if (boxes.isEmpty()) {
            return; // reported: there is nothing to check the agents against
        }
        Map<String, AsteriskBox> byName = new HashMap<>();
        boxes.forEach(b -> byName.putIfAbsent(b.name(), b));
        Map<String, Integer> phoneOwner = new HashMap<>();
        Map<String, List<String>> unreachable = new LinkedHashMap<>();
        for (int i = 0; i < agents.size(); i++) {
            AgentDef agent = agents.get(i);
            String path = Problems.item(root.pathOf("agents"), i);
            String box = agent.box() == null ? boxes.get(0).name() : agent.box();
            if (agent.box() != null && !byName.containsKey(agent.box())) {
                problems.add(Problems.child(path, "box"), "unknown box " + Secrets.quote(agent.box())
                    + problems.didYouMean(agent.box(), byName.keySet()));
                continue;
            }
            if (agent.phone() == null) {
                continue;
            }
            Integer other = phoneOwner.putIfAbsent(agent.phone(), i);
            if (other != null && !box.equals(homeBox(agents.get(other), boxes))) {
                problems.add(Problems.child(path, "box"), "phone " + agent.phone() + " is also agents[" + other + "]'s, on box "
                    + homeBox(agents.get(other), boxes) + ": a phone is on one box");
            }
            if (boxes.size() > 1 && byName.get(box).dialFromOtherBoxes() == null) {
                unreachable.computeIfAbsent(box, b -> new ArrayList<>()).add(agent.id());
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            List<String> homed = unreachable.get(boxes.get(i).name());
            if (homed != null) {
                problems.add(Problems.child(Problems.item(Problems.child("asterisk", "boxes"), i), "dialFromOtherBoxes"),
                    "required: it is the home box of " + String.join(", ", homed.subList(0, Math.min(5, homed.size())))
                        + (homed.size() > 5 ? " and " + (homed.size() - 5) + " more" : "")
                        + ", whose phones a caller on another box must reach (e.g. IAX2/{fromBox}-to-{box}/{extension})");
            }
        }
    }

    private static String homeBox(AgentDef agent, List<AsteriskBox> boxes) {
        return agent.box() == null ? boxes.get(0).name() : agent.box();
    }
}
