package org.opencti.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the resolved tree into {@link ContactCentreConfig}, reporting every problem on the way. */
final class ConfigBinder {

    static final List<String> ROOT_KEYS = List.of("defaultRegion", "defaultQueue", "routing", "tiers", "calendars", "skills", "queues",
            "teams", "agents", "asterisk", "http", "postgres", "redis", "queueLogFile", "ivrMenuFile", "timeZone", "desk", "cluster");
    static final List<String> ASTERISK_KEYS = List.of("ami", "fastAgi", "boxes");
    static final List<String> AMI_KEYS = List.of("host", "port", "username", "secret", "pingIntervalSeconds", "pingTimeoutSeconds",
            "eventQueueCapacity", "hintContext");
    /** Asterisk's context names as the CTI may send them: AST_MAX_CONTEXT is 80 with its terminator. */
    private static final Pattern DIALPLAN_CONTEXT = Pattern.compile("[A-Za-z0-9_.-]{1,79}");
    static final List<String> FAST_AGI_KEYS = List.of("bindHost", "port");
    static final List<String> HTTP_KEYS = List.of("bindHost", "port", "allowedOrigins", "maxWebSocketFrameBytes", "tokenSecret");
    static final List<String> POSTGRES_KEYS = List.of("jdbcUrl", "username", "password", "poolSize", "lookupDeadlineMillis");
    static final List<String> REDIS_KEYS = List.of("uri", "keyPrefix");

    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]%-]{1,253}");
    private static final Pattern ORIGIN = Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
    private static final List<String> REDIS_SCHEMES = List.of("redis://", "rediss://", "redis-socket://", "redis-sentinel://");
    private static final Set<String> WILDCARD_HOSTS = Set.of("0.0.0.0", "::", "[::]");

    private final Problems problems;

    private ConfigBinder(Problems problems) {
        this.problems = problems;
    }

    static ContactCentreConfig bind(ObjectNode tree, Problems problems) {
        return new ConfigBinder(problems).bind(tree);
    }

    private ContactCentreConfig bind(ObjectNode tree) {
        Section root = Section.of(tree, "", problems, ROOT_KEYS);
        String region = region(root);
        RoutingBinder routingBinder = new RoutingBinder(root, problems);
        List<TierDef> tiers = routingBinder.tiers();
        List<CalendarDef> calendars = new CalendarBinder(root, problems).calendars();
        ModelBinder model = new ModelBinder(root, problems);
        List<SkillDef> skills = model.skills();
        RoutingDef routing = routingBinder.routing(tiers, skills.stream().map(SkillDef::name).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Set<String> calendarNames = calendars.stream().map(CalendarDef::name).filter(Objects::nonNull).collect(Collectors.toSet());
        List<QueueDef> queues = model.queues(calendarNames);
        List<TeamDef> teams = model.teams();
        List<AgentDef> agents = model.agents();
        String defaultQueue = defaultQueue(root, queues);
        Section asterisk = root.section("asterisk", ASTERISK_KEYS);
        BoxBinder boxBinder = new BoxBinder(problems);
        List<AsteriskBox> boxes = boxBinder.boxes(asterisk, this::ami);
        boxBinder.checkAgents(root, agents, boxes);
        Section fastAgiSection = asterisk.section("fastAgi", FAST_AGI_KEYS);
        FastAgiConfig fastAgi = new FastAgiConfig(host(fastAgiSection, "bindHost", FastAgiConfig.DEFAULT_BIND_HOST),
                fastAgiSection.listenPort("port", FastAgiConfig.DEFAULT_PORT));
        HttpConfig http = http(root.section("http", HTTP_KEYS), fastAgi);
        PostgresConfig postgres = postgres(root.section("postgres", POSTGRES_KEYS));
        RedisConfig redis = redis(root.section("redis", REDIS_KEYS));
        String queueLogFile = root.string("queueLogFile", null);
        if (queueLogFile != null && (queueLogFile.isBlank() || queueLogFile.indexOf('\0') >= 0)) {
            problems.add(root.pathOf("queueLogFile"), "must be a file path");
            queueLogFile = null;
        }
        String ivrMenuFile = root.string("ivrMenuFile", null);
        if (ivrMenuFile != null && (ivrMenuFile.isBlank() || ivrMenuFile.indexOf('\0') >= 0)) {
            problems.add(root.pathOf("ivrMenuFile"), "must be a file path");
            ivrMenuFile = null;
        }
        AmiConfig ami = boxes.isEmpty() ? null : boxes.get(0).ami();
        return new ContactCentreConfig(skills, queues, teams, agents, ami, fastAgi, http, postgres, redis, region, defaultQueue, routing,
                tiers, calendars, queueLogFile, ivrMenuFile, boxes, timeZone(root), DeskBinder.bind(root, problems),
                ClusterBinder.bind(root, redis, problems));
    }

    /** The centre's zone for the reports: an IANA id, checked here so that a typo is a config error, not a 500 later. */
    private String timeZone(Section root) {
        String zone = root.string("timeZone", ContactCentreConfig.DEFAULT_TIME_ZONE);
        try {
            ZoneId.of(zone);
            return zone;
        } catch (DateTimeException e) {
            String hint = problems.didYouMean(zone, ZoneId.getAvailableZoneIds());
            problems.add(root.pathOf("timeZone"), "unknown time zone " + Secrets.quote(zone)
                    + (hint.isEmpty() ? " (an IANA zone such as Europe/London or America/New_York)" : hint));
            return ContactCentreConfig.DEFAULT_TIME_ZONE;
        }
    }

    private String region(Section root) {
        String region = root.string("defaultRegion", ContactCentreConfig.DEFAULT_REGION);
        if (region.length() == 2 && REGIONS.contains(region)) {
            return region;
        }
        String upper = region.toUpperCase(Locale.ROOT);
        String hint = REGIONS.contains(upper) ? " (did you mean " + Secrets.quote(upper) + "?)" : "";
        problems.add(root.pathOf("defaultRegion"), Secrets.quote(region) + " is not a region" + hint);
        return ContactCentreConfig.DEFAULT_REGION;
    }

    private String defaultQueue(Section root, List<QueueDef> queues) {
        String name = root.string("defaultQueue", null);
        if (name == null) {
            return queues.isEmpty() ? null : queues.get(0).name();
        }
        if (queues.stream().noneMatch(q -> name.equals(q.name()))) {
            problems.add(root.pathOf("defaultQueue"), "unknown queue " + Secrets.quote(name));
        }
        return name;
    }

    private AmiConfig ami(Section ami) {
        String host = host(ami, "host", AmiConfig.DEFAULT_HOST);
        int port = ami.port("port", AmiConfig.DEFAULT_PORT);
        String username = ami.required("username");
        String secret = ami.required("secret");
        int interval = ami.integer("pingIntervalSeconds", AmiConfig.DEFAULT_PING_INTERVAL_SECONDS, 1, 300);
        int timeout = ami.integer("pingTimeoutSeconds", AmiConfig.DEFAULT_PING_TIMEOUT_SECONDS, 1, 300);
        if (timeout > interval) {
            // A probe that may outlive the interval overlaps the next one, and a dead link is noticed no sooner.
            problems.add(ami.pathOf("pingTimeoutSeconds"), timeout + " must not exceed pingIntervalSeconds (" + interval + ")");
        }
        int capacity = ami.integer("eventQueueCapacity", AmiConfig.DEFAULT_EVENT_QUEUE_CAPACITY, 1_000, 10_000_000);
        String hintContext = ami.string("hintContext", AmiConfig.DEFAULT_HINT_CONTEXT).trim();
        if (!DIALPLAN_CONTEXT.matcher(hintContext).matches()) {
            // it goes into an AMI action as it is: a line break or a colon there would forge a header
            problems.add(ami.pathOf("hintContext"), Secrets.quote(hintContext) + " is not a dialplan context name (letters, digits,"
                + " '-', '_' and '.', at most 79)");
        }
        return new AmiConfig(host, port, username, secret, interval, timeout, capacity, hintContext);
    }

    private HttpConfig http(Section http, FastAgiConfig fastAgi) {
        String bindHost = host(http, "bindHost", HttpConfig.DEFAULT_BIND_HOST);
        int port = http.listenPort("port", HttpConfig.DEFAULT_PORT);
        boolean overlapping = bindHost.equals(fastAgi.bindHost()) || WILDCARD_HOSTS.contains(bindHost)
                || WILDCARD_HOSTS.contains(fastAgi.bindHost());
        if (port != 0 && port == fastAgi.port() && overlapping) {
            problems.add(http.pathOf("port"), port + " is also asterisk.fastAgi.port");
        }
        List<String> origins = new ArrayList<>();
        List<JsonNode> items = http.list("allowedOrigins");
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(http.pathOf("allowedOrigins"), i);
            JsonNode item = items.get(i);
            if (item.isNull() || !item.isTextual()) {
                problems.add(path, "expected an origin such as \"https://desk.example.com\", got " + Section.describe(item));
            } else if ("*".equals(item.asText())) {
                problems.add(path, "\"*\" is not allowed: it would let any web page act as a logged-in agent; list each origin");
            } else if (!ORIGIN.matcher(item.asText()).matches()) {
                problems.add(path, Secrets.quote(item.asText()) + " is not an origin (scheme://host[:port], no path or trailing slash)");
            } else {
                // Browsers send the Origin header in lower case, so storing it that way makes an exact comparison correct.
                origins.add(item.asText().toLowerCase(Locale.ROOT));
            }
        }
        int maxFrame = http.integer("maxWebSocketFrameBytes", HttpConfig.DEFAULT_MAX_WEBSOCKET_FRAME_BYTES, 1_024, 16 * 1024 * 1024);
        String tokenSecret = http.string("tokenSecret", null);
        int secretBytes = tokenSecret == null ? 0 : tokenSecret.getBytes(StandardCharsets.UTF_8).length;
        if (tokenSecret != null && secretBytes < HttpConfig.MIN_TOKEN_SECRET_BYTES) {
            // never quoted: it is a secret
            problems.add(http.pathOf("tokenSecret"), "at least " + HttpConfig.MIN_TOKEN_SECRET_BYTES
                + " bytes (a random string every CTI node shares), got " + secretBytes);
            tokenSecret = null;
        }
        return new HttpConfig(bindHost, port, origins, maxFrame, tokenSecret);
    }

    private PostgresConfig postgres(Section postgres) {
        if (!postgres.present()) {
            return null;
        }
        String url = postgres.required("jdbcUrl");
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            // Not quoted: a JDBC URL may carry a password.
            problems.add(postgres.pathOf("jdbcUrl"), "must start with jdbc:postgresql:");
        }
        String username = postgres.required("username");
        String password = postgres.string("password", "");
        int poolSize = postgres.integer("poolSize", PostgresConfig.DEFAULT_POOL_SIZE, 1, 200);
        int deadline = postgres.integer("lookupDeadlineMillis", PostgresConfig.DEFAULT_LOOKUP_DEADLINE_MILLIS, 1, 60_000);
        return new PostgresConfig(url, username, password, poolSize, deadline);
    }

    private RedisConfig redis(Section redis) {
        if (!redis.present()) {
            return null;
        }
        String uri = redis.required("uri");
        if (uri != null && REDIS_SCHEMES.stream().noneMatch(uri::startsWith)) {
            // Not quoted: a Redis URI may carry a password.
            problems.add(redis.pathOf("uri"), "must start with " + String.join(", ", REDIS_SCHEMES));
        }
        return new RedisConfig(uri, redis.string("keyPrefix", RedisConfig.DEFAULT_KEY_PREFIX));
    }

    private String host(Section section, String key, String fallback) {
        String host = section.string(key, fallback);
        if (!HOST.matcher(host).matches()) {
            problems.add(section.pathOf(key), Secrets.quote(host) + " is not a host name or address");
            return fallback;
        }
        return host;
    }
}
