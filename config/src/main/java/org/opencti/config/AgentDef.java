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
 */
public record AgentDef(String id, String name, String team, String phone, Map<String, Integer> skills, String passwordHash,
                       String role) {

    public static final String ROLE_AGENT = "agent";
    public static final String ROLE_SUPERVISOR = "supervisor";
    public static final String ROLE_ADMIN = "admin";
    /** Every valid role, least privileged first. */
    public static final List<String> ROLES = List.of(ROLE_AGENT, ROLE_SUPERVISOR, ROLE_ADMIN);

    public AgentDef {
        // Copied into a LinkedHashMap because Map.copyOf would lose the order the file lists skills in.
        skills = skills == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(skills));
    }

    /** The agent's level in {@code skill}, or 0 when they do not have it. */
    public int skillLevel(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    @Override
    public String toString() {
        // The hash is masked too: it is all an attacker needs for an offline guessing attack.
        return "AgentDef[id=" + id + ", name=" + name + ", team=" + team + ", phone=" + phone + ", skills=" + skills
                + ", passwordHash=" + Secrets.MASK + ", role=" + role + "]";
    }
}
