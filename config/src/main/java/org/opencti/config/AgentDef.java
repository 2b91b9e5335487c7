package org.opencti.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent (or supervisor, or admin) who logs into the desktop and takes calls.
 *
 * @param id           login id, usually the extension ({@code "2001"})
 * @param name         display name
 * @param team         name of a {@link TeamDef}, or {@code null} when the agent is in no team
 * @param phone        Asterisk dial string that rings the agent's phone: {@code PJSIP/2001} or {@code Local/2001@agents}
 * @param skills       skill name to level ({@value SkillLevel#MIN}..{@value SkillLevel#MAX}), in file order
 * @param passwordHash bcrypt hash of the desktop password; never printed
 * @param role         {@code agent}, {@code supervisor} or {@code admin}
 * @param queues       queue name to the agent's priority in it (1 = highest), in file order; empty means every queue whose
 *                     step-0 requirements the agent meets, at priority 1 (see {@link #queuePriority})
 * @param weight       share of calls under the {@code weightedRandom} strategy, relative to other agents; more than 0
 *                     (default 1)
 * @param box          the Asterisk box the phone is registered on ({@link AsteriskBox#name()}), or {@code null} for the
 *                     first box (the only one, usually)
 */
public record AgentDef(String id, String name, String team, String phone, Map<String, Integer> skills, String passwordHash,
                       String role, Map<String, Integer> queues, double weight, String box) {

    public static final String ROLE_AGENT = "agent";
    public static final String ROLE_SUPERVISOR = "supervisor";
    public static final String ROLE_ADMIN = "admin";
    /** Every valid role, least privileged first. */
    public static final List<String> ROLES = List.of(ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN);
    public static final double DEFAULT_WEIGHT = 1.0;
    /** Highest priority number; 1 is the highest priority. */
    public static final int LOWEST_QUEUE_PRIORITY = 100;

    public AgentDef {
        // Copied into a LinkedHashMap because Map.copyOf would lose the order the file lists skills in.
        skills = skills == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(skills));
        queues = queues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(queues));
    }

    /** An agent whose phone is on the first box. */
    public AgentDef(String id, String name, String team, String phone, Map<String, Integer> skills, String passwordHash,
                    String role, Map<String, Integer> queues, double weight) {
        this(id, name, team, phone, skills, passwordHash, role, queues, weight, null);
    }

    /** An agent with the routing defaults: queues chosen by skill, weight 1. */
    public AgentDef(String id, String name, String team, String phone, Map<String, Integer> skills, String passwordHash, String role) {
        this(id, name, team, phone, skills, passwordHash, role, Map.of(), DEFAULT_WEIGHT);
    }

    /** The agent's level in {@code skill}, or 0 when they do not have it. */
    public int skillLevel(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** True when the agent has every skill of {@code requirements} at its minimum level or better. */
    public boolean meets(List<SkillLevel> requirements) {
        return requirements.stream().allMatch(r -> skillLevel(r.skill()) >= r.minLevel());
    }

    /**
     * The agent's priority in {@code queue} (1 = highest), or 0 when they do not serve it. With {@link #queues()} given, that
     * is the listed priority; without, priority 1 for every queue whose step-0 requirements the agent meets.
     */
    public int queuePriority(QueueDef queue) {
        if (!queues.isEmpty()) {
            return queues.getOrDefault(queue.name(), 0);
        }
        return meets(queue.skills()) ? 1 : 0;
    }

    @Override
    public String toString() {
        // The hash is masked too: it is all an attacker needs for an offline guessing attack.
        return "AgentDef[id=" + id + ", name=" + name + ", team=" + team + ", phone=" + phone + ", skills=" + skills
                + ", passwordHash=" + Secrets.MASK + ", role=" + role + ", queues=" + queues + ", weight=" + weight + ", box=" + box + "]";
    }
}
