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

    /** Names end up in Redis keys, metrics labels and URLs, so they stay plain. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /**
     * Technology/resource, as Dial and Originate take it. Separators and quotes are refused because the string is passed
     * into AMI actions and the dialplan: a line break would inject AMI headers, {@code &} would ring extra phones, and
     * {@code $} or braces would be evaluated as dialplan functions.
     */
    private static final Pattern DIAL_STRING = Pattern.compile("[A-Za-z][A-Za-z0-9]*/[^\\s,&|;'\"(){}$\\\\]+");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    static final List<String> SKILL_KEYS = List.of("name", "description");
    static final List<String> QUEUE_KEYS = List.of("name", "skills", "wrapUpSeconds", "ringTimeoutSeconds", "serviceLevelSeconds");
    static final List<String> SKILL_LEVEL_KEYS = List.of("skill", "minLevel");
    static final List<String> TEAM_KEYS = List.of("name", "description");
    static final List<String> AGENT_KEYS = List.of("id", "name", "team", "phone", "skills", "passwordHash", "role");

    private final Section root;
    private final Problems problems;
    private final Set<String> skillNames = new HashSet<>();
    private final Set<String> teamNames = new HashSet<>();

    ModelBinder(Section root, Problems problems) {
        this.root = root;
        this.problems = problems;
    }

    List<SkillDef> skills() {
        List<SkillDef> skills = new ArrayList<>();
        List<JsonNode> items = root.list("skills");
        for (int i = 0; i < items.size(); i++) {
            Section skill = Section.of(items.get(i), Problems.item(root.pathOf("skills"), i), problems, SKILL_KEYS);
            String name = uniqueName(skill, "name", skillNames, "skill");
            skills.add(new SkillDef(name, skill.string("description", "")));
        }
        return skills;
    }

    /** Call after {@link #skills()}, whose names the requirements refer to. */
    List<QueueDef> queues() {
        List<QueueDef> queues = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<JsonNode> items = root.list("queues");
        if (items.isEmpty()) {
            problems.add(root.pathOf("queues"), "at least one queue is required");
        }
        for (int i = 0; i < items.size(); i++) {
            Section queue = Section.of(items.get(i), Problems.item(root.pathOf("queues"), i), problems, QUEUE_KEYS);
            String name = uniqueName(queue, "name", names, "queue");
            List<SkillLevel> requirements = requirements(queue);
            int wrapUp = queue.integer("wrapUpSeconds", QueueDef.DEFAULT_WRAP_UP_SECONDS, 0, 3_600);
            int ringTimeout = queue.integer("ringTimeoutSeconds", QueueDef.DEFAULT_RING_TIMEOUT_SECONDS, 1, 600);
            int serviceLevel = queue.integer("serviceLevelSeconds", QueueDef.DEFAULT_SERVICE_LEVEL_SECONDS, 1, 3_600);
            queues.add(new QueueDef(name, requirements, wrapUp, ringTimeout, serviceLevel));
        }
        return queues;
    }

    private List<SkillLevel> requirements(Section queue) {
        List<SkillLevel> requirements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> items = queue.list("skills");
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(queue.pathOf("skills"), i);
            Section requirement = Section.of(items.get(i), path, problems, SKILL_LEVEL_KEYS);
            String skill = requirement.required("skill");
            Integer level = level(requirement.get("minLevel"), requirement.pathOf("minLevel"));
            if (skill == null) {
                continue;
            }
            if (!skillNames.contains(skill)) {
                problems.add(path, "unknown skill " + Secrets.quote(skill));
            } else if (!seen.add(skill)) {
                problems.add(path, "skill " + Secrets.quote(skill) + " is listed twice");
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
            String name = uniqueName(team, "name", teamNames, "team");
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
            String id = uniqueName(agent, "id", ids, "agent id");
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
            Map<String, Integer> skills = agentSkills(agent);
            String hash = agent.required("passwordHash");
            if (hash != null && !BCRYPT.matcher(hash).matches()) {
                // Never quoted: a plain password pasted here by mistake must not end up in a log.
                problems.add(agent.pathOf("passwordHash"), "not a bcrypt hash");
            }
            String role = agent.string("role", AgentDef.ROLE_AGENT);
            if (!AgentDef.ROLES.contains(role)) {
                problems.add(agent.pathOf("role"), "must be one of " + String.join(", ", AgentDef.ROLES));
            }
            agents.add(new AgentDef(id, name, team, phone, skills, hash, role));
        }
        return agents;
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

    /** A required, well-formed name that is not in {@code seen} yet; reports and returns null otherwise. */
    private String uniqueName(Section section, String key, Set<String> seen, String what) {
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
