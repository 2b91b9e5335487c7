package org.opencti.server;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencti.acd.AcdSettings;
import org.opencti.acd.AcdSetup;
import org.opencti.acd.AgentProfile;
import org.opencti.acd.CallSkillPolicy;
import org.opencti.acd.DeskSettings;
import org.opencti.acd.ExtensionPlan;
import org.opencti.acd.Disposition;
import org.opencti.acd.QueueSetup;
import org.opencti.acd.SkillRequirement;
import org.opencti.acd.calendar.BusinessCalendar;
import org.opencti.acd.calendar.Holiday;
import org.opencti.acd.calendar.OpeningHours;
import org.opencti.acd.calendar.TimeRange;
import org.opencti.acd.overflow.Condition;
import org.opencti.acd.overflow.OverflowAction;
import org.opencti.acd.overflow.OverflowRule;
import org.opencti.acd.overflow.OverflowRules;
import org.opencti.acd.routing.AgentSelection;
import org.opencti.acd.routing.Fairness;
import org.opencti.acd.routing.PriorityWeights;
import org.opencti.acd.routing.QueueRules;
import org.opencti.acd.routing.RequirementStep;
import org.opencti.acd.stats.ServiceLevelPolicy;
import org.opencti.config.AgentDef;
import org.opencti.config.CalendarDef;
import org.opencti.config.ContactCentreConfig;
import org.opencti.config.DeskDef;
import org.opencti.config.HoursDef;
import org.opencti.config.OverflowDef;
import org.opencti.config.QueueDef;
import org.opencti.config.RoutingDef;
import org.opencti.config.SkillDef;
import org.opencti.config.SkillLevel;
import org.opencti.config.TierDef;

/** The validated configuration, turned into what the ACD runs on. */
final class AcdConfiguration {
    private static final Duration STATISTICS_WINDOW = Duration.ofMinutes(30);

    private AcdConfiguration() {
    }

    /** The named calendars, for the queues and for the IVR's business-hours branches. */
    static Map<String, BusinessCalendar> calendars(ContactCentreConfig config) {
        Map<String, BusinessCalendar> calendars = new HashMap<>();
        config.calendars().forEach(c -> calendars.put(c.name(), calendar(c)));
        return calendars;
    }

    static AcdSetup from(ContactCentreConfig config) {
        Map<String, BusinessCalendar> calendars = calendars(config);
        List<QueueSetup> queues = config.queues().stream().map(q -> queue(q, config, calendars)).toList();
        List<AgentProfile> agents = config.agents().stream().filter(a -> AgentDef.ROLE_AGENT.equals(a.role()))
            .map(a -> new AgentProfile(a.id(), a.name(), a.team(), a.phone(), a.skills(), a.queues(), a.weight())).toList();
        Fairness fairness = RoutingDef.QUEUE_PRIORITY_FIRST.equals(config.routing().fairness())
            ? Fairness.QUEUE_PRIORITY_FIRST : Fairness.OLDEST_CALL_FIRST;
        return new AcdSetup(AcdSettings.standard(config.defaultQueue()), queues, fairness, agents, serviceLevels(config),
            STATISTICS_WINDOW, System.nanoTime(), callSkills(config), desk(config.desk(), config.zone()));
    }

    /** Desk extensions (by pattern or list, checked when the file was read), manual dialing, the callbacks' grace; the centre's zone. */
    static DeskSettings desk(DeskDef d, ZoneId zone) {
        ExtensionPlan plan = !d.hasExtensions() ? ExtensionPlan.NONE
            : d.extensionPattern() != null ? ExtensionPlan.byPattern(d.extensionPattern(), d.extensionDialString())
            : ExtensionPlan.byList(Set.copyOf(d.extensions()), d.extensionDialString());
        return new DeskSettings(plan, d.manualDialing(), Duration.ofSeconds(d.callbackGraceSeconds()), zone);
    }

    /** The language skills (checked when the file was read) and how long a caller waits for the skills they asked for. */
    static CallSkillPolicy callSkills(ContactCentreConfig config) {
        Set<String> known = config.skills().stream().map(SkillDef::name).collect(Collectors.toUnmodifiableSet());
        Map<String, SkillRequirement> languages = new HashMap<>();
        config.routing().languages().forEach((language, skill) ->
            CallSkillPolicy.requirement(skill, known).ifPresent(r -> languages.put(language, r)));
        return new CallSkillPolicy(languages, known, Duration.ofSeconds(config.routing().callSkillsSeconds()));
    }

    private static QueueSetup queue(QueueDef q, ContactCentreConfig config, Map<String, BusinessCalendar> calendars) {
        // Each expansion step widens the pool: whoever qualified at an earlier step still does.
        List<RequirementStep> steps = new ArrayList<>();
        List<List<SkillRequirement>> pool = new ArrayList<>();
        pool.add(requirements(q.skills()));
        steps.add(new RequirementStep(Duration.ZERO, List.copyOf(pool)));
        for (var step : q.expansion()) {
            step.anyOf().forEach(alternative -> pool.add(requirements(alternative)));
            steps.add(new RequirementStep(Duration.ofSeconds(step.afterSeconds()), List.copyOf(pool)));
        }
        var p = config.routing().priority();
        PriorityWeights weights = new PriorityWeights(p.tierPoints(), p.vipPoints(), p.churnRiskPoints(), p.pointsPerSecondWaiting());
        QueueRules rules = new QueueRules(q.name(), steps, selection(q.strategy()),
            q.ownerFirstSeconds() == null ? null : Duration.ofSeconds(q.ownerFirstSeconds()), weights);
        BusinessCalendar calendar = q.calendar() == null ? BusinessCalendar.alwaysOpen() : calendars.get(q.calendar());
        return new QueueSetup(rules, Duration.ofSeconds(q.wrapUpSeconds()), Duration.ofSeconds(q.maxWrapUpSeconds()),
            Duration.ofSeconds(q.ringTimeoutSeconds()), calendar, overflow(q.overflow()), q.occupancyCapPercent(),
            q.announcePositionSeconds() == null ? null : Duration.ofSeconds(q.announcePositionSeconds()))
            .withWrapUp(q.record(), q.dispositions().stream().map(d -> new Disposition(d.code(), d.label())).toList());
    }

    private static List<SkillRequirement> requirements(List<SkillLevel> levels) {
        return levels.stream().map(l -> new SkillRequirement(l.skill(), l.minLevel())).toList();
    }

    private static AgentSelection selection(String strategy) {
        return switch (strategy == null ? QueueDef.LONGEST_IDLE : strategy) {
            case QueueDef.FEWEST_CALLS -> AgentSelection.FEWEST_CALLS;
            case QueueDef.LEAST_TALK_TIME -> AgentSelection.LEAST_TALK_TIME;
            case QueueDef.BEST_PROFICIENCY -> AgentSelection.BEST_PROFICIENCY;
            case QueueDef.ROUND_ROBIN -> AgentSelection.ROUND_ROBIN;
            case QueueDef.WEIGHTED_RANDOM -> AgentSelection.WEIGHTED_RANDOM;
            default -> AgentSelection.LONGEST_IDLE;
        };
    }

    private static OverflowRules overflow(List<OverflowDef> defs) {
        List<OverflowRule> rules = new ArrayList<>();
        for (OverflowDef d : defs) {
            Condition when;
            if (d.maxWaitSeconds() != null) {
                when = new Condition.MaxWait(Duration.ofSeconds(d.maxWaitSeconds()));
            } else if (d.maxQueueLength() != null) {
                when = new Condition.MaxQueueLength(d.maxQueueLength());
            } else if (d.noAgentsLoggedIn()) {
                when = new Condition.NoAgentsLoggedIn();
            } else {
                when = new Condition.Closed();
            }
            OverflowAction then;
            if (d.toQueue() != null) {
                then = new OverflowAction.ToQueue(d.toQueue());
            } else if (d.toVoicemail() != null) {
                then = new OverflowAction.ToVoicemail(d.toVoicemail());
            } else {
                then = new OverflowAction.OfferCallback();
            }
            rules.add(new OverflowRule(when, then));
        }
        return rules.isEmpty() ? OverflowRules.NONE : new OverflowRules(rules);
    }

    private static BusinessCalendar calendar(CalendarDef c) {
        List<OpeningHours> weekly = new ArrayList<>();
        for (HoursDef h : c.hours()) {
            h.days().forEach(day -> weekly.add(new OpeningHours(day, h.opens(), h.closes())));
        }
        List<Holiday> holidays = c.holidays().stream().map(h -> new Holiday(h.date(), h.name(),
            h.hours().stream().map(r -> new TimeRange(r.opens(), r.closes())).toList())).toList();
        return new BusinessCalendar(ZoneId.of(c.timeZone()), weekly, holidays);
    }

    private static ServiceLevelPolicy serviceLevels(ContactCentreConfig config) {
        Map<String, Duration> targets = new HashMap<>();
        Map<String, Double> percents = new HashMap<>();
        for (TierDef t : config.tiers()) {
            targets.put(t.name(), Duration.ofSeconds(t.withinSeconds()));
            percents.put(t.name(), (double) t.serviceLevelPercent());
        }
        return new ServiceLevelPolicy(targets, Duration.ofSeconds(TierDef.DEFAULT_WITHIN_SECONDS), percents,
            TierDef.DEFAULT_SERVICE_LEVEL_PERCENT, ServiceLevelPolicy.DEFAULT_SHORT_ABANDON);
    }
}
