package org.opencti.config;

import java.util.List;

/**
 * A call queue. An agent qualifies when they meet every entry of {@code skills}, or, once a call has waited long enough,
 * an alternative of a reached {@code expansion} step.
 *
 * @param name                identifier, also what the dialplan passes to the CTI server
 * @param skills              requirements, all of which must hold; empty means any agent (step 0)
 * @param wrapUpSeconds       after-call work time before the agent is offered another call (default 10)
 * @param ringTimeoutSeconds  how long an offered call rings one agent before trying the next (default 15)
 * @param serviceLevelSeconds answer target used for the service-level statistic (default 20)
 * @param expansion           steps that widen the requirements as a call waits, in increasing {@code afterSeconds}
 * @param strategy            which of the qualified free agents is offered the call: one of {@link #STRATEGIES}
 *                            (default {@value #LONGEST_IDLE})
 * @param ownerFirstSeconds   how long a call waits for the customer's relationship owner before any qualified agent may
 *                            take it; null when the owner is not preferred
 * @param maxWrapUpSeconds    the most an agent may extend wrap-up to (default: {@code wrapUpSeconds}, no extension)
 * @param occupancyCapPercent agents busier than this over the recent past are offered calls only when no other qualified
 *                            agent is free (50..100); null for no cap
 * @param calendar            name of the {@link CalendarDef} giving opening hours; null when always open
 * @param overflow            rules that take a call out of the queue, the first that holds applying
 * @param announcePositionSeconds how often a waiting caller hears their position and expected wait; null = never
 * @param record              record the calls (the dialplan's [agent-leg] starts MixMonitor when the ACD sets CTI_RECORD=yes)
 * @param dispositions        the codes an agent may give a call of this queue at wrap-up, in the order shown; empty = notes only
 */
public record QueueDef(String name, List<SkillLevel> skills, int wrapUpSeconds, int ringTimeoutSeconds, int serviceLevelSeconds,
                       List<ExpansionStepDef> expansion, String strategy, Integer ownerFirstSeconds, int maxWrapUpSeconds,
                       Integer occupancyCapPercent, String calendar, List<OverflowDef> overflow, Integer announcePositionSeconds,
                       boolean record, List<DispositionDef> dispositions) {

    public static final int DEFAULT_WRAP_UP_SECONDS = 10;
    public static final int DEFAULT_RING_TIMEOUT_SECONDS = 15;
    public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;

    public static final String LONGEST_IDLE = "longestIdle";
    public static final String FEWEST_CALLS = "fewestCalls";
    public static final String LEAST_TALK_TIME = "leastTalkTime";
    public static final String BEST_PROFICIENCY = "bestProficiency";
    public static final String ROUND_ROBIN = "roundRobin";
    public static final String WEIGHTED_RANDOM = "weightedRandom";
    /** Every valid strategy, the default first. */
    public static final List<String> STRATEGIES = List.of(LONGEST_IDLE, FEWEST_CALLS, LEAST_TALK_TIME, BEST_PROFICIENCY, ROUND_ROBIN,
            WEIGHTED_RANDOM);

    public QueueDef {
        skills = skills == null ? List.of() : List.copyOf(skills);
        expansion = expansion == null ? List.of() : List.copyOf(expansion);
        strategy = strategy == null ? LONGEST_IDLE : strategy;
        overflow = overflow == null ? List.of() : List.copyOf(overflow);
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
    }

    /** Not recorded, no disposition codes. */
    public QueueDef(String name, List<SkillLevel> skills, int wrapUpSeconds, int ringTimeoutSeconds, int serviceLevelSeconds,
                    List<ExpansionStepDef> expansion, String strategy, Integer ownerFirstSeconds, int maxWrapUpSeconds,
                    Integer occupancyCapPercent, String calendar, List<OverflowDef> overflow, Integer announcePositionSeconds) {
        this(name, skills, wrapUpSeconds, ringTimeoutSeconds, serviceLevelSeconds, expansion, strategy, ownerFirstSeconds,
                maxWrapUpSeconds, occupancyCapPercent, calendar, overflow, announcePositionSeconds, false, List.of());
    }

    /** A queue with the routing defaults: no expansion or overflow, longest idle first, no extendable wrap-up, always open. */
    public QueueDef(String name, List<SkillLevel> skills, int wrapUpSeconds, int ringTimeoutSeconds, int serviceLevelSeconds) {
        this(name, skills, wrapUpSeconds, ringTimeoutSeconds, serviceLevelSeconds, List.of(), LONGEST_IDLE, null, wrapUpSeconds,
                null, null, List.of(), null, false, List.of());
    }

    /** True when {@code agent} may take a call of this queue that has waited {@code secondsWaited}. */
    public boolean admits(AgentDef agent, long secondsWaited) {
        if (agent.meets(skills)) {
            return true;
        }
        for (ExpansionStepDef step : expansion) {
            if (step.afterSeconds() > secondsWaited) {
                break;
            }
            if (step.anyOf().stream().anyMatch(agent::meets)) {
                return true;
            }
        }
        return false;
    }

    /** True when some call of this queue, however long it waits, may go to {@code agent}. */
    public boolean everAdmits(AgentDef agent) {
        return admits(agent, Long.MAX_VALUE);
    }

    /** The shortest {@code maxWaitSeconds} of the overflow rules: no call waits longer. Null when no rule is by time. */
    public Integer maxWaitSeconds() {
        return overflow.stream().map(OverflowDef::maxWaitSeconds).filter(s -> s != null).min(Integer::compare).orElse(null);
    }
}
