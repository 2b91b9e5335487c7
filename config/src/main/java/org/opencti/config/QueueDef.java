package org.opencti.config;

import java.util.List;

/**
 * A call queue. An agent qualifies when they meet every entry of {@code skills}.
 *
 * @param name                identifier, also what the dialplan passes to the CTI server
 * @param skills              requirements, all of which must hold; empty means any agent
 * @param wrapUpSeconds       after-call work time before the agent is offered another call (default 10)
 * @param ringTimeoutSeconds  how long an offered call rings one agent before trying the next (default 15)
 * @param serviceLevelSeconds answer target used for the service-level statistic (default 20)
 */
public record QueueDef(String name, List<SkillLevel> skills, int wrapUpSeconds, int ringTimeoutSeconds, int serviceLevelSeconds) {

    public static final int DEFAULT_WRAP_UP_SECONDS = 10;
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    public QueueDef {
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
