package org.opencti.acd.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to simulate: a period of a contact centre, its queues with their arrival rates and call behaviour, and its agents
 * with their skills and shifts. Loaded from YAML ({@link #load}); see {@code sample-scenario.yaml} beside this class.
 *
 * @param name              shown in the report
 * @param start             the virtual instant the period starts at (only labels: nothing depends on the date)
 * @param duration          how long callers arrive; calls still in progress at the end are played out
 * @param warmUp            calls arriving earlier are simulated but not counted, so a run that starts empty is not
 *                          reported as better than the steady state
 * @param seed              the same scenario and seed give the same report
 * @param agentAnswerDelay  how long an agent's phone rings before they answer; callers wait through it
 * @param queues            at least one
 * @param agents            agent groups, each reported with its own occupancy
 */
public record Scenario(String name, Instant start, Duration duration, Duration warmUp, long seed, Duration agentAnswerDelay,
                       List<Queue> queues, List<AgentGroup> agents) {
    /** The tiers a caller's customer record can have, best first (as in the customer data). */
    public static final List<String> TIERS = List.of("Gold", "Silver", "Bronze");
    /** Callers whose number belongs to no customer. */
    public static final String UNKNOWN_TIER = "Unknown";
    /** A Monday at midnight, UTC, for scenarios that give no start. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    /** Classpath location of the commented sample. */
    public static final String SAMPLE_RESOURCE = "/org/opencti/acd/sim/sample-scenario.yaml";
    static final int MAX_BYTES = 1024 * 1024;

    public Scenario {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
    }

    /**
     * One queue as the simulation drives it.
     *
     * @param skills          the agent must have each skill at least at this level (1..10)
     * @param interval        length of each arrival interval (15, 30 or 60 minutes)
     * @param callsPerHour    the Poisson arrival rate of each interval, from the start; none after the last
     * @param handleTime      talk time, from the bridge to the caller's hangup (wrap-up comes after)
     * @param patience        how long a caller waits for an agent before hanging up
     * @param tierMix         share of callers from customers of each tier; the rest are unknown numbers
     */
    public record Queue(String name, Map<String, Integer> skills, Duration wrapUp, Duration serviceLevelTarget,
                        Duration ringTimeout, Duration interval, List<Double> callsPerHour, Distribution handleTime,
                        Distribution patience, Map<String, Double> tierMix) {
        public Queue {
            skills = Map.copyOf(skills);
            callsPerHour = List.copyOf(callsPerHour);
            tierMix = Collections.unmodifiableMap(new LinkedHashMap<>(tierMix));
        }

        /** Expected number of arrivals over the whole period. */
        public double expectedCalls() {
            double hours = interval.toSeconds() / 3600.0;
            return callsPerHour.stream().mapToDouble(r -> r * hours).sum();
        }
    }

    /**
     * Agents who share skills and a shift.
     *
     * @param shiftStart offset from the scenario's start when they log in and go ready
     * @param shiftEnd   offset when they log out (after the call they are on); null to stay to the end
     */
    public record AgentGroup(String name, List<String> ids, Map<String, Integer> skills, Duration shiftStart, Duration shiftEnd) {
        public AgentGroup {
            ids = List.copyOf(ids);
            skills = Map.copyOf(skills);
        }
    }

    /** Expected number of calls over all queues. */
    public double expectedCalls() {
        return queues.stream().mapToDouble(Queue::expectedCalls).sum();
    }

    /** The same scenario with another seed: independent replications for confidence intervals. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, start, duration, warmUp, newSeed, agentAnswerDelay, queues, agents);
    }

    /**
     * Reads and checks a scenario file.
     *
     * @throws ScenarioException listing every problem, each with its path
     */
    public static Scenario load(Path file) {
        String source = file.toString();
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new ScenarioException(source, List.of("file is larger than 1 MiB"));
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source, List.of("file not found"));
        } catch (IOException e) {
            throw new ScenarioException(source, List.of("cannot read the file (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * Parses and checks scenario YAML.
     *
     * @param sourceName what to call the text in messages, such as its file name
     * @throws ScenarioException listing every problem, each with its path
     */
    public static Scenario parse(String yaml, String sourceName) {
        return ScenarioReader.read(yaml, sourceName == null ? "<string>" : sourceName);
    }

    /** The commented sample's text: a day of a 50-agent centre with two queues. */
    public static String sampleText() {
        try (InputStream in = Scenario.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + SAMPLE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_RESOURCE, e);
        }
    }

    public static Scenario sample() {
        return parse(sampleText(), "classpath:" + SAMPLE_RESOURCE);
    }
}
