package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Skills, queues, teams and agents, and the references between them. */
final class ModelBinder {

    /**
     * Technology/resource, as Dial and Originate take it. Separators and quotes are refused because the string is passed
     * into AMI actions and the dialplan: a line break would inject AMI headers, {@code &} would ring extra phones, and
     * {@code $} or braces would be evaluated as dialplan functions.
     */
    static final Pattern DIAL_STRING = Pattern.compile("[A-Za-z][A-Za-z0-9]*/[^\\s,&|;'\"(){}$\\\\]+");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    static final List<String> SKILL_KEYS = List.of("name", "description");
    static final List<String> QUEUE_KEYS = List.of("name", "skills", "expansion", "strategy", "ownerFirstSeconds", "wrapUpSeconds",
            "maxWrapUpSeconds", "ringTimeoutSeconds", "serviceLevelSeconds", "occupancyCapPercent", "calendar", "overflow",
            "announcePositionSeconds", "record", "dispositions");
    static final List<String> DISPOSITION_KEYS = List.of("code", "label");
    static final List<String> SKILL_LEVEL_KEYS = List.of("skill", "minLevel");
    static final List<String> TEAM_KEYS = List.of("name", "description");
    static final List<String> AGENT_KEYS = List.of("id", "name", "team", "phone", "skills", "passwordHash", "role", "queues", "weight",
            "box");
    /** Most any weighting needs; also keeps one agent's share of calls from rounding everyone else's to nothing. */
    private static final double MAX_WEIGHT = 1_000;

    private final Section root;
    private final Problems problems;
    private final Set<String> skillNames = new HashSet<>();
    private final Set<String> teamNames = new HashSet<>();
    /** Queues whose requirements had a problem (a misspelt skill, say): checking agents against them would only repeat it. */
    private final Set<String> brokenQueues = new HashSet<>();
    private final Map<String, QueueDef> queuesByName = new LinkedHashMap<>();
    private final QueueRulesBinder rules;

    ModelBinder(Section root, Problems problems) {
        this.root = root;
        this.problems = problems;
        this.rules = new QueueRulesBinder(problems, this::requirements);
    }

    List<SkillDef> skills() {
        List<SkillDef> skills = new ArrayList<>();
        List<JsonNode> items = root.list("skills");
        for (int i = 0; i < items.size(); i++) {
            Section skill = Section.of(items.get(i), Problems.item(root.pathOf("skills"), i), problems, SKILL_KEYS);
            String name = Names.unique(skill, "name", skillNames, "skill", problems);
            skills.add(new SkillDef(name, skill.string("description", "")));
        }
        return skills;
    }

    /** Call after {@link #skills()}, whose names the requirements refer to, with the calendars' names. */
    List<QueueDef> queues(Set<String> calendars) {
        List<QueueDef> queues = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> items = root.list("queues");
        if (items.isEmpty()) {
            problems.add(root.pathOf("queues"), "at least one queue is required");
        }
        for (int i = 0; i < items.size(); i++) {
            Section queue = Section.of(items.get(i), Problems.item(root.pathOf("queues"), i), problems, QUEUE_KEYS);
            String name = Names.unique(queue, "name", names, "queue", problems);
            int before = problems.size();
            List<SkillLevel> requirements = requirements(queue.list("skills"), queue.pathOf("skills"), "");
            List<ExpansionStepDef> expansion = rules.expansion(queue);
            if (problems.size() > before) {
                brokenQueues.add(name);
            }
            String strategy = queue.string("strategy", QueueDef.LONGEST_IDLE);
            if (!QueueDef.STRATEGIES.contains(strategy)) {
                problems.add(queue.pathOf("strategy"), "unknown strategy " + Secrets.quote(strategy) + " "
                        + Suggest.hint(strategy, QueueDef.STRATEGIES));
            }
            Integer ownerFirst = queue.optionalInteger("ownerFirstSeconds", 1, 3_600);
            int beforeWrapUp = problems.size();
            int wrapUp = queue.integer("wrapUpSeconds", QueueDef.DEFAULT_WRAP_UP_SECONDS, 0, 3_600);
            // Compared only with a wrap-up the file really gave, not with the default that replaced a wrong one.
            boolean wrapUpValid = problems.size() == beforeWrapUp;
            int maxWrapUp = queue.integer("maxWrapUpSeconds", wrapUp, 0, 3_600);
            if (wrapUpValid && maxWrapUp < wrapUp) {
                problems.add(queue.pathOf("maxWrapUpSeconds"), maxWrapUp + " is less than wrapUpSeconds (" + wrapUp + ")");
            }
            int ringTimeout = queue.integer("ringTimeoutSeconds", QueueDef.DEFAULT_RING_TIMEOUT_SECONDS, 1, 600);
            int serviceLevel = queue.integer("serviceLevelSeconds", QueueDef.DEFAULT_SERVICE_LEVEL_SECONDS, 1, 3_600);
            Integer occupancyCap = queue.optionalInteger("occupancyCapPercent", 50, 100);
            Integer announce = queue.optionalInteger("announcePositionSeconds", 15, 3_600);
            String calendar = queue.string("calendar", null);
            if (calendar != null && !calendars.contains(calendar)) {
                problems.add(queue.pathOf("calendar"), "unknown calendar " + Secrets.quote(calendar)
                        + problems.didYouMean(calendar, calendars));
            }
            boolean record = queue.bool("record", false);
            QueueDef def = new QueueDef(name, requirements, wrapUp, ringTimeout, serviceLevel, expansion, strategy, ownerFirst, maxWrapUp,
                    occupancyCap, calendar, rules.overflow(queue), announce, record, dispositions(queue));
            rules.reportUnreachable(def, queue.path());
            queues.add(def);
            if (name != null) {
                queuesByName.putIfAbsent(name, def);
            }
        }
        rules.reportTargets(queues, root.pathOf("queues"));
        return queues;
    }

    /** The queue's disposition codes: each a well-formed code, once; the label defaults to the code. */
    private List<DispositionDef> dispositions(Section queue) {
        List<DispositionDef> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        List<JsonNode> items = queue.list("dispositions");
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(queue.pathOf("dispositions"), i);
            // a plain code stands for {code: that, label: that}
            Section item = items.get(i).isTextual() ? null : Section.of(items.get(i), path, problems, DISPOSITION_KEYS);
            String code = item == null ? items.get(i).asText() : item.required("code");
            String codePath = item == null ? path : item.pathOf("code");
            if (code == null) {
                continue;
            }
            if (!DispositionDef.CODE.matcher(code).matches()) {
                problems.add(codePath, Secrets.quote(code)
                        + " is not a disposition code (lower-case letters, digits, _ and -, at most 32, like refund-issued)");
                continue;
            }
            if (!codes.add(code)) {
                problems.add(codePath, "disposition " + Secrets.quote(code) + " is listed twice");
                continue;
            }
            String label = item == null ? code : item.string("label", code);
            if (label.isBlank() || label.length() > DispositionDef.MAX_LABEL) {
                problems.add(item.pathOf("label"), "must be 1 to " + DispositionDef.MAX_LABEL + " characters");
                label = code;
            }
            out.add(new DispositionDef(code, label));
        }
        return out;
    }

    /** Requirements at {@code path[i]}; an unknown or repeated skill is reported there, plus {@code suffix}. */
    private List<SkillLevel> requirements(List<JsonNode> items, String listPath, String suffix) {
        List<SkillLevel> requirements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(listPath, i);
            Section requirement = Section.of(items.get(i), path, problems, SKILL_LEVEL_KEYS);
            String skill = requirement.required("skill");
            Integer level = level(requirement.get("minLevel"), requirement.pathOf("minLevel"));
            if (skill == null) {
                continue;
            }
            if (!skillNames.contains(skill)) {
                problems.add(path + suffix, "unknown skill " + Secrets.quote(skill));
            } else if (!seen.add(skill)) {
                problems.add(path + suffix, "skill " + Secrets.quote(skill) + " is listed twice");
            }
            requirements.add(new SkillLevel(skill, level == null ? SkillLevel.MIN : level));
        }
        return requirements;
    }

    List<TeamDef> teams() {
        List<TeamDef> teams = new ArrayList<>();
        List<JsonNode> items = root.list("teams");
        for (int i = 0; i < items.size(); i++) {
            Section team = Section.of(items.get(i), Problems.item(root.pathOf("teams"), i), problems, TEAM_KEYS);
            String name = Names.unique(team, "name", teamNames, "team", problems);
            teams.add(new TeamDef(name, team.string("description", "")));
        }
        return teams;
    }

    /** Call after {@link #skills()} and {@link #teams()}. */
    List<AgentDef> agents() {
        List<AgentDef> agents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<JsonNode> items = root.list("agents");
        for (int i = 0; i < items.size(); i++) {
            Section agent = Section.of(items.get(i), Problems.item(root.pathOf("agents"), i), problems, AGENT_KEYS);
            String id = Names.unique(agent, "id", ids, "agent id", problems);
            String name = agent.required("name");
            String team = agent.string("team", null);
            if (team != null && !teamNames.contains(team)) {
                problems.add(agent.pathOf("team"), "unknown team " + Secrets.quote(team));
            }
            String phone = agent.required("phone");
            if (phone != null && !DIAL_STRING.matcher(phone).matches()) {
                problems.add(agent.pathOf("phone"), Secrets.quote(phone)
                        + " is not an Asterisk dial string (like PJSIP/2001 or Local/2001@agents)");
            }
            int before = problems.size();
            Map<String, Integer> skills = agentSkills(agent);
            boolean skillsBroken = problems.size() > before;
            String hash = agent.required("passwordHash");
            if (hash != null && !BCRYPT.matcher(hash).matches()) {
                // Never quoted: a plain password pasted here by mistake must not end up in a log.
                problems.add(agent.pathOf("passwordHash"), "not a bcrypt hash");
            }
            String role = agent.string("role", AgentDef.ROLE_AGENT);
            if (!AgentDef.ROLES.contains(role)) {
                problems.add(agent.pathOf("role"), "must be one of " + String.join(", ", AgentDef.ROLES));
            }
            Map<String, Integer> queues = agentQueues(agent, new AgentDef(id, name, team, phone, skills, hash, role), skillsBroken);
            double weight = agent.positive("weight", AgentDef.DEFAULT_WEIGHT, MAX_WEIGHT, "");
            // Checked against the boxes later (BoxBinder), which are read after the agents.
            String box = agent.string("box", null);
            agents.add(new AgentDef(id, name, team, phone, skills, hash, role, queues, weight, box));
        }
        return agents;
    }

    /**
     * Call with the agent as read so far, so that whether they qualify can be checked against their skills; not when those
     * had problems, since a misspelt skill would otherwise also be reported as never qualifying.
     */
    private Map<String, Integer> agentQueues(Section agent, AgentDef def, boolean skillsBroken) {
        Map<String, Integer> queues = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : agent.entries("queues", "queue to priority")) {
            String path = Problems.child(agent.pathOf("queues"), entry.getKey());
            QueueDef queue = queuesByName.get(entry.getKey());
            if (queue == null) {
                problems.add(path, "unknown queue " + Secrets.quote(entry.getKey())
                        + problems.didYouMean(entry.getKey(), queuesByName.keySet()));
                continue;
            }
            Integer priority = entry.getValue().isNull() ? null : Section.integerAt(entry.getValue(), path, problems);
            if (entry.getValue().isNull()) {
                problems.add(path, "priority required (1 = highest)");
            } else if (priority != null && (priority < 1 || priority > AgentDef.LOWEST_QUEUE_PRIORITY)) {
                problems.add(path, "priority " + priority + " is outside 1.." + AgentDef.LOWEST_QUEUE_PRIORITY + " (1 = highest)");
            } else if (priority != null && !skillsBroken && !brokenQueues.contains(queue.name()) && !queue.everAdmits(def)) {
                problems.add(path, "agent " + def.id() + " never qualifies for queue " + Secrets.quote(queue.name()));
            } else if (priority != null) {
                queues.put(entry.getKey(), priority);
            }
        }
        return queues;
    }

    private Map<String, Integer> agentSkills(Section agent) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        JsonNode node = agent.get("skills");
        String path = agent.pathOf("skills");
        if (node == null) {
            return skills;
        }
        if (!node.isObject()) {
            problems.add(path, "expected a mapping of skill to level, got " + Section.describe(node));
            return skills;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String skillPath = Problems.child(path, entry.getKey());
            if (!skillNames.contains(entry.getKey())) {
                problems.add(skillPath, "unknown skill " + Secrets.quote(entry.getKey()));
                continue;
            }
            if (entry.getValue().isNull()) {
                problems.add(skillPath, "level required");
                continue;
            }
            Integer level = level(entry.getValue(), skillPath);
            if (level != null) {
                skills.put(entry.getKey(), level);
            }
        }
        return skills;
    }

    private Integer level(JsonNode value, String path) {
        Integer level = Section.integerAt(value, path, problems);
        if (level != null && (level < SkillLevel.MIN || level > SkillLevel.MAX)) {
            problems.add(path, "level " + level + " is outside " + SkillLevel.MIN + ".." + SkillLevel.MAX);
            return null;
        }
        return level;
    }
}
