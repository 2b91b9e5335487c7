package org.opencti.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencti.acd.routing.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision alone, in the same world as {@link RoutingDecisionBenchmark}: the churn (agents freed, a
 * call arriving) happens in an untimed per-invocation setup, and only the routing pass that decides is timed
 * (about one decision per pass). Goal: p99 of at most 10 us per decision.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RoutingPassBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RoutingPassBenchmark {
    @Param({"OLDEST_CALL_FIRST", "QUEUE_PRIORITY_FIRST"})
    public String fairness;
    @Param({"AGENTS_IDLE", "CALLS_WAITING"})
    public String load;

    private final RoutingDecisionBenchmark world = new RoutingDecisionBenchmark();

    @Setup(Level.Trial)
    public void setUp() {
        world.fairness = fairness;
        world.load = load;
        world.setUp();
    }

    @Setup(Level.Invocation)
    public void churn() {
        world.churn();
    }

    @Benchmark
    public List<Decision> routingPass() {
        return world.routeAndSettle();
    }
}
