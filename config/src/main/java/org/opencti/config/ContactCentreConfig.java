package org.opencti.config;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The whole contact-centre definition, validated. Build one with {@link ConfigLoader}.
 *
 * @param skills        skills queues can require
 * @param queues        call queues; at least one
 * @param teams         agent teams
 * @param agents        agents, supervisors and admins
 * @param ami           Asterisk Manager Interface connection (of the first box, with several)
 * @param fastAgi       FastAGI listener
 * @param http          desktop HTTP/WebSocket listener
 * @param postgres      durable stores, or {@code null} for in-memory stores
 * @param redis         shared live state, or {@code null} for in-memory state
 * @param defaultRegion ISO 3166 region used to read phone numbers written without a country code (default {@code "US"})
 * @param defaultQueue  queue for calls that arrive without one (default: the first queue)
 * @param routing       router settings across queues (default {@link RoutingDef#DEFAULT}: oldest call first)
 * @param tiers         customer tiers and their service-level targets
 * @param calendars     opening hours that queues can refer to
 * @param queueLogFile  where to append the queue_log in Asterisk's format, e.g. /var/log/asterisk/queue_log_cti; null = none
 * @param ivrMenuFile   the IVR menu trees (YAML); null = the built-in entry menu only
 * @param boxes         the Asterisk boxes, at least one when {@code ami} is given: {@code asterisk.boxes}, or the one box
 *                      {@value AsteriskBox#DEFAULT_NAME} of {@code asterisk.ami}; {@code ami} is the first box's
 * @param timeZone      the centre's IANA time zone: the reports' days and hours are on its wall clock (default {@code UTC}), and
 *                      agents' callback times given without a zone are read in it
 * @param desk          the agent desktop's desk extensions, dialing and callbacks (default {@link DeskDef#DEFAULT})
 * @param cluster       this node among several sharing Redis and PostgreSQL, or {@code null} for a node alone
 */
public record ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents,
                                  AmiConfig ami, FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis,
                                  String defaultRegion, String defaultQueue, RoutingDef routing, List<TierDef> tiers,
                                  List<CalendarDef> calendars, String queueLogFile, String ivrMenuFile, List<AsteriskBox> boxes,
                                  String timeZone, DeskDef desk, ClusterDef cluster) {

    public static final String DEFAULT_REGION = "US";
    public static final String DEFAULT_TIME_ZONE = "UTC";

    public ContactCentreConfig {
        if (boxes == null || boxes.isEmpty()) {
            boxes = ami == null ? List.of() : List.of(AsteriskBox.only(ami));
        } else {
            boxes = List.copyOf(boxes);
            ami = boxes.get(0).ami();
        }
        skills = skills == null ? List.of() : List.copyOf(skills);
        queues = queues == null ? List.of() : List.copyOf(queues);
        teams = teams == null ? List.of() : List.copyOf(teams);
        agents = agents == null ? List.of() : List.copyOf(agents);
        routing = routing == null ? RoutingDef.DEFAULT : routing;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
        timeZone = timeZone == null ? DEFAULT_TIME_ZONE : timeZone;
        desk = desk == null ? DeskDef.DEFAULT : desk;
    }

    /** A node alone (no {@code cluster:} section). */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents, AmiConfig ami,
                               FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis, String defaultRegion,
                               String defaultQueue, RoutingDef routing, List<TierDef> tiers, List<CalendarDef> calendars,
                               String queueLogFile, String ivrMenuFile, List<AsteriskBox> boxes, String timeZone, DeskDef desk) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, routing, tiers, calendars,
                queueLogFile, ivrMenuFile, boxes, timeZone, desk, null);
    }

    /** Without a {@code desk:} section. */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents, AmiConfig ami,
                               FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis, String defaultRegion,
                               String defaultQueue, RoutingDef routing, List<TierDef> tiers, List<CalendarDef> calendars,
                               String queueLogFile, String ivrMenuFile, List<AsteriskBox> boxes, String timeZone) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, routing, tiers, calendars,
                queueLogFile, ivrMenuFile, boxes, timeZone, DeskDef.DEFAULT);
    }

    /** In the default time zone (UTC). */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents, AmiConfig ami,
                               FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis, String defaultRegion,
                               String defaultQueue, RoutingDef routing, List<TierDef> tiers, List<CalendarDef> calendars,
                               String queueLogFile, String ivrMenuFile, List<AsteriskBox> boxes) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, routing, tiers, calendars,
                queueLogFile, ivrMenuFile, boxes, null);
    }

    /** With one Asterisk box, {@code ami}, in {@code timeZone}. */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents, AmiConfig ami,
                               FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis, String defaultRegion,
                               String defaultQueue, RoutingDef routing, List<TierDef> tiers, List<CalendarDef> calendars,
                               String queueLogFile, String ivrMenuFile, String timeZone) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, routing, tiers, calendars,
                queueLogFile, ivrMenuFile, null, timeZone);
    }

    /** The centre's zone, for the reports' bins. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** A definition with one Asterisk box, {@code ami}. */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents,
                               AmiConfig ami, FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis,
                               String defaultRegion, String defaultQueue, RoutingDef routing, List<TierDef> tiers,
                               List<CalendarDef> calendars, String queueLogFile, String ivrMenuFile) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, routing, tiers, calendars,
            queueLogFile, ivrMenuFile, null, null);
    }

    /** A definition with the routing defaults and no tiers or calendars. */
    public ContactCentreConfig(List<SkillDef> skills, List<QueueDef> queues, List<TeamDef> teams, List<AgentDef> agents, AmiConfig ami,
                               FastAgiConfig fastAgi, HttpConfig http, PostgresConfig postgres, RedisConfig redis, String defaultRegion,
                               String defaultQueue) {
        this(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, defaultRegion, defaultQueue, RoutingDef.DEFAULT,
                List.of(), List.of(), null, null, null, null);
    }

    public Optional<QueueDef> queue(String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    public Optional<AgentDef> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<SkillDef> skill(String name) {
        return skills.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<TeamDef> team(String name) {
        return teams.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<TierDef> tier(String name) {
        return tiers.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<CalendarDef> calendar(String name) {
        return calendars.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<AsteriskBox> box(String name) {
        return boxes.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The box {@code agent}'s phone is on: theirs, or the first box. */
    public String homeBox(AgentDef agent) {
        return agent.box() != null ? agent.box() : boxes.get(0).name();
    }

    /** Agents whose {@link AgentDef#team()} is {@code team}, in file order. */
    public List<AgentDef> agentsInTeam(String team) {
        return agents.stream().filter(a -> team.equals(a.team())).toList();
    }
}
