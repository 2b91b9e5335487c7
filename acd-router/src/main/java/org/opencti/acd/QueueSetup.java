package org.opencti.acd;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencti.acd.calendar.BusinessCalendar;
import org.opencti.acd.overflow.OverflowRules;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;

/**
 * Everything the ACD knows about one queue: the routing rules (requirement steps, agent selection,
 * waiting-call priority), its timers, its opening hours and what happens to calls it cannot serve.
 *
 * @param maxWrapUp   an agent may extend wrap-up up to this, never beyond
 * @param occupancyCapPercent an agent whose occupancy today is above this gets a short breather after
 *                    wrap-up before the next call; {@code null} = no guard
 * @param announceEvery how often a waiting caller hears their position and expected wait; {@code null} = never
 * @param record      the agent leg is originated with {@code CTI_RECORD=yes}: the dialplan records the call
 * @param dispositions the codes an agent may give a call at wrap-up; empty: notes only
 */
public record QueueSetup(QueueRules rules, Duration wrapUp, Duration maxWrapUp, Duration ringTimeout,
                         BusinessCalendar calendar, OverflowRules overflow, Integer occupancyCapPercent, Duration announceEvery,
                         boolean record, List<Disposition> dispositions) {
    public QueueSetup {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(wrapUp, "wrapUp");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        maxWrapUp = maxWrapUp == null || maxWrapUp.compareTo(wrapUp) < 0 ? wrapUp : maxWrapUp;
        calendar = calendar == null ? BusinessCalendar.alwaysOpen() : calendar;
        overflow = overflow == null ? OverflowRules.NONE : overflow;
        dispositions = dispositions == null ? List.of() : List.copyOf(dispositions);
    }

    /** Not recorded, no disposition codes. */
    public QueueSetup(QueueRules rules, Duration wrapUp, Duration maxWrapUp, Duration ringTimeout, BusinessCalendar calendar,
                      OverflowRules overflow, Integer occupancyCapPercent, Duration announceEvery) {
        this(rules, wrapUp, maxWrapUp, ringTimeout, calendar, overflow, occupancyCapPercent, announceEvery, false, List.of());
    }

    /** The same queue, recorded or not, with these disposition codes. */
    public QueueSetup withWrapUp(boolean recorded, List<Disposition> codes) {
        return new QueueSetup(rules, wrapUp, maxWrapUp, ringTimeout, calendar, overflow, occupancyCapPercent, announceEvery,
            recorded, codes);
    }

    /** One skill requirement, longest idle, oldest call first, always open, no overflow. */
    public static QueueSetup simple(String name, List<SkillRequirement> requirements, Duration wrapUp, Duration ringTimeout) {
        QueueRules rules = new QueueRules(name, List.of(new RequirementStep(Duration.ZERO, List.of(requirements))),
            AgentSelection.LONGEST_IDLE, null, PriorityWeights.waitTimeOnly());
        return new QueueSetup(rules, wrapUp, wrapUp, ringTimeout, null, null, null, null);
    }

    public String name() {
        return rules.name();
    }

    /** Whether an agent with these skills meets any alternative of any step (so could ever take a call here). */
    public boolean everAdmits(Map<String, Integer> skills) {
        return rules.steps().stream().anyMatch(step -> step.metBy(skills));
    }
}
